#include "monitor/drift_heatmap.h"

#include "common/format.h"
#include "common/theme.h"

#include <cmath>

namespace assay::ui {

namespace {

const QString predictionRow = QStringLiteral("prediction");

// Pale below 1 (a hint of amber as it nears 1), red from 1, dark red far beyond.
QCPColorGradient driftGradient(const QPalette &palette)
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    const double one = 1.0 / DriftHeatmap::kScaleMax;
    const bool dark = isDarkPalette(palette);
    gradient.setColorStopAt(0.0, dark ? QColor(0x2b, 0x33, 0x3d) : QColor(0xf4, 0xf7, 0xfb));
    gradient.setColorStopAt(one * 0.6, dark ? QColor(0x4a, 0x4f, 0x45) : QColor(0xfb, 0xee, 0xc8));
    gradient.setColorStopAt(one - 0.001, dark ? QColor(0x8a, 0x6d, 0x2c) : QColor(0xf6, 0xc8, 0x6e));
    gradient.setColorStopAt(one, QColor(0xe0, 0x4f, 0x39));
    gradient.setColorStopAt(1.0, QColor(0x7f, 0x10, 0x10));
    gradient.setLevelCount(300);
    return gradient;
}

} // namespace

DriftHeatmap::DriftHeatmap(QWidget *parent) : WindowChart(parent), m_scale(new QCPColorScale(this))
{
    setObjectName(QStringLiteral("driftHeatmap"));
    setMinimumHeight(200);
    plotLayout()->addElement(0, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setDataRange(QCPRange(0, kScaleMax));
    m_scale->setGradient(driftGradient(palette()));
    m_scale->axis()->setLabel(tr("drift score (≥ 1 drifted)"));
    m_scale->axis()->setTickLabelColor(palette().color(QPalette::WindowText));
    m_scale->axis()->setLabelColor(palette().color(QPalette::WindowText));
    m_scale->setBarWidth(12);
    auto *margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    xAxis->grid()->setVisible(false);
    yAxis->grid()->setVisible(false);
    setReadout([this](double key, double value) -> QString {
        const int window = windowAt(key);
        const long row = std::lround(value);
        if (window < 0 || row < 0 || row >= m_rows.size())
            return {};
        const monitor::FeatureWindowDrift *drift = cell(int(row), window);
        QString text = tr("%1 · %2").arg(m_rows[int(row)], windowLabel(*report(), std::size_t(window)));
        if (!drift || drift->test == drift::DriftTest::None)
            return text + tr("\nnot tested");
        text += tr("\ndrift score %1 — %2\n%3 %4 (threshold %5)")
                    .arg(formatNumber(drift->score), drift->drifted ? tr("drifted") : tr("stable"),
                         QString::fromUtf8(drift::testName(drift->test)), formatNumber(drift->statistic),
                         formatNumber(drift->threshold));
        if (drift->pValue)
            text += tr(", p = %1").arg(formatNumber(*drift->pValue));
        text += tr("\nmissing %1 % (reference %2 %)")
                    .arg(formatNumber(drift->missingShare * 100, 3), formatNumber(drift->referenceMissingShare * 100, 3));
        return text + tr("\nClick to open this window's drift");
    });
}

const monitor::FeatureWindowDrift *DriftHeatmap::cell(int row, int window) const
{
    if (!report() || window < 0 || std::size_t(window) >= report()->windows.size() || row < 0 ||
        row >= m_rows.size())
        return nullptr;
    const monitor::WindowResult &w = report()->windows[std::size_t(window)];
    if (m_rows[row] == predictionRow && row == m_rows.size() - 1)
        return w.prediction ? &*w.prediction : nullptr;
    const std::string name = m_rows[row].toStdString();
    for (const auto &feature : w.features)
        if (feature.name == name)
            return &feature;
    return nullptr;
}

std::optional<double> DriftHeatmap::cellValue(int row, int window) const
{
    const monitor::FeatureWindowDrift *drift = cell(row, window);
    if (!drift || drift->test == drift::DriftTest::None)
        return std::nullopt;
    return drift->score;
}

void DriftHeatmap::showReport()
{
    m_rows.clear();
    const auto &windows = report()->windows;
    bool hasPrediction = false;
    for (const auto &window : windows) {
        for (const auto &feature : window.features)
            if (!m_rows.contains(QString::fromStdString(feature.name)))
                m_rows << QString::fromStdString(feature.name);
        hasPrediction = hasPrediction || window.prediction.has_value();
    }
    if (hasPrediction)
        m_rows << predictionRow;
    m_map = nullptr;
    if (windows.empty() || m_rows.isEmpty())
        return;
    m_map = new QCPColorMap(xAxis, yAxis);
    m_map->setName(tr("drift score"));
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_map->data()->setSize(int(windows.size()), int(m_rows.size()));
    m_map->data()->setRange(QCPRange(0, double(windows.size()) - 1), QCPRange(0, double(m_rows.size()) - 1));
    for (int x = 0; x < int(windows.size()); ++x)
        for (int y = 0; y < m_rows.size(); ++y)
            m_map->data()->setCell(x, y, cellValue(y, x).value_or(std::nan("")));
    m_map->setColorScale(m_scale);
    m_map->setDataRange(QCPRange(0, kScaleMax));
    m_map->setGradient(driftGradient(palette()));

    setUpWindowAxis(xAxis);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int y = 0; y < m_rows.size(); ++y)
        ticker->addTick(y, m_rows[y]);
    yAxis->setTicker(ticker);
    yAxis->setRange(-0.5, double(m_rows.size()) - 0.5);
    xAxis->setLabel(tr("window start (UTC)"));
    setCsvSource([this] {
        CsvTable table;
        table.header << tr("feature");
        for (std::size_t w = 0; w < report()->windows.size(); ++w)
            table.header << windowLabel(*report(), w);
        table.rowCount = m_rows.size();
        table.cell = [this](qsizetype row, qsizetype column) -> QString {
            if (column == 0)
                return m_rows[row];
            const auto value = cellValue(int(row), int(column - 1));
            return value ? formatNumberFull(*value) : QString();
        };
        return table;
    });
}

} // namespace assay::ui
