#include "monitor/performance_chart.h"

#include "common/format.h"
#include "common/theme.h"

#include <cmath>

namespace assay::ui {

QString metricTitle(const QString &metric)
{
    if (metric == QLatin1String("roc_auc"))
        return QStringLiteral("ROC AUC");
    if (metric == QLatin1String("f1"))
        return QStringLiteral("F1");
    return metric;
}

PerformanceChart::PerformanceChart(QWidget *parent) : WindowChart(parent)
{
    setObjectName(QStringLiteral("performanceChart"));
    placeLegendBelow();
    setReadout([this](double key, double) -> QString {
        const int window = windowAt(key);
        if (window < 0)
            return {};
        const monitor::WindowResult &w = report()->windows[std::size_t(window)];
        QString text = windowSummary(window);
        const auto estimated = w.metric("estimated_" + m_metric.toStdString());
        const auto realized = w.metric("realized_" + m_metric.toStdString());
        text += tr("\nestimated %1: %2").arg(metricTitle(m_metric), estimated ? formatNumber(*estimated) : tr("—"));
        text += tr("\nrealized %1: %2 (%3 labelled rows)")
                    .arg(metricTitle(m_metric), realized ? formatNumber(*realized) : tr("no labels yet"),
                         formatCount(w.labeledRows));
        return text;
    });
}

QStringList PerformanceChart::metrics()
{
    return {QStringLiteral("roc_auc"), QStringLiteral("accuracy"), QStringLiteral("precision"),
            QStringLiteral("recall"), QStringLiteral("f1")};
}

void PerformanceChart::setMetric(const QString &metric)
{
    m_metric = metric;
    redraw();
}

void PerformanceChart::showReport()
{
    const monitor::MonitorReport &r = *report();
    const std::string key = m_metric.toStdString();
    QVector<double> estimatedKeys, estimated, realizedKeys, realized;
    double low = 1, high = 0;
    const auto include = [&](double value) {
        low = std::min(low, value);
        high = std::max(high, value);
    };
    for (std::size_t i = 0; i < r.windows.size(); ++i) {
        if (auto value = r.windows[i].metric("estimated_" + key)) {
            estimatedKeys << double(i);
            estimated << *value;
            include(*value);
        }
        if (auto value = r.windows[i].metric("realized_" + key)) {
            realizedKeys << double(i);
            realized << *value;
            include(*value);
        }
    }
    const QColor accent = accentColor(palette());
    const QColor text = palette().color(QPalette::WindowText);
    const auto band = r.bands.find("estimated_" + key);
    if (band != r.bands.end()) {
        const QColor base = palette().color(QPalette::Base);
        const QColor fill = QColor::fromRgbF(0.82f * base.redF() + 0.18f * accent.redF(),
                                             0.82f * base.greenF() + 0.18f * accent.greenF(),
                                             0.82f * base.blueF() + 0.18f * accent.blueF());
        auto *rect = new QCPItemRect(this);
        rect->setLayer(QStringLiteral("background"));
        rect->topLeft->setCoords(-0.6, band->second.high);
        rect->bottomRight->setCoords(double(r.windows.size()) - 0.4, band->second.low);
        rect->setPen(Qt::NoPen);
        rect->setBrush(fill);
        for (double edge : {band->second.low, band->second.high}) {
            auto *line = new QCPItemStraightLine(this);
            line->point1->setCoords(0, edge);
            line->point2->setCoords(1, edge);
            line->setPen(QPen(accent, 1, Qt::DashLine));
        }
        include(band->second.low);
        include(band->second.high);
    }
    QCPGraph *estimate = addGraph();
    estimate->setName(tr("estimated"));
    estimate->setPen(QPen(accent, 1.5));
    estimate->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, accent, palette().color(QPalette::Base), 6));
    estimate->setData(estimatedKeys, estimated, true);
    QCPGraph *actual = addGraph();
    actual->setName(tr("realized"));
    actual->setPen(QPen(text, 1.5));
    actual->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, text, text, 6));
    actual->setData(realizedKeys, realized, true);
    if (band != r.bands.end()) {
        // A legend entry for the band, drawn as the band's edge.
        QCPGraph *bandEntry = addGraph();
        bandEntry->setName(tr("reference band"));
        bandEntry->setPen(QPen(accent, 1, Qt::DashLine));
    }

    setUpWindowAxis(xAxis);
    if (low > high) {
        low = 0;
        high = 1;
    }
    const double margin = std::max(0.02, (high - low) * 0.15);
    const double top = std::min(1.0, high + margin) + margin * 0.6;
    yAxis->setRange(std::max(0.0, low - margin * 2.5), top);
    yAxis->setLabel(metricTitle(m_metric));
    addAlertMarkers(top - margin * 0.3, QStringLiteral("estimated_"));
    addAlertMarkers(top - margin * 0.3, QStringLiteral("realized_"));
    for (int i = 0; i < graphCount(); ++i)
        if (graph(i)->name() == tr("alert") && i > 0 && graph(i - 1)->name() == tr("alert"))
            graph(i)->removeFromLegend();
    setCsvSource([this] {
        CsvTable table;
        table.header = QStringList{tr("window"), QStringLiteral("estimated_") + m_metric,
                                   QStringLiteral("realized_") + m_metric, tr("labelled_rows")};
        table.rowCount = qsizetype(report()->windows.size());
        table.cell = [this](qsizetype row, qsizetype column) -> QString {
            const auto &w = report()->windows[std::size_t(row)];
            const std::string name = m_metric.toStdString();
            std::optional<double> value;
            switch (column) {
            case 0: return windowLabel(*report(), std::size_t(row));
            case 1: value = w.metric("estimated_" + name); break;
            case 2: value = w.metric("realized_" + name); break;
            default: return QString::number(w.labeledRows);
            }
            return value ? formatNumberFull(*value) : QString();
        };
        return table;
    });
}

} // namespace assay::ui
