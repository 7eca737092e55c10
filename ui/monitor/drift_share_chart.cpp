#include "monitor/drift_share_chart.h"

#include "common/format.h"
#include "common/theme.h"
#include "monitor/alert_rules.h"

namespace assay::ui {

std::optional<double> ruleThreshold(const monitor::MonitorReport &report, const std::string &metric)
{
    for (const std::string &text : report.rules) {
        auto rule = monitor::parseAlertRule(text);
        if (rule && rule->metric == metric && rule->kind != monitor::AlertRule::Kind::OutsideBand)
            return rule->value;
    }
    return std::nullopt;
}

DriftShareChart::DriftShareChart(QWidget *parent) : WindowChart(parent)
{
    setObjectName(QStringLiteral("driftShareChart"));
    setReadout([this](double key, double) -> QString {
        const int window = windowAt(key);
        if (window < 0)
            return {};
        const monitor::WindowResult &w = report()->windows[std::size_t(window)];
        return windowSummary(window) +
               tr("\n%1 of %2 features drifted (%3 %)%4")
                   .arg(w.driftedFeatures)
                   .arg(w.testedFeatures)
                   .arg(formatNumber(w.driftShare * 100, 3))
                   .arg(w.datasetDrift ? tr(" — dataset drift") : QString());
    });
}

void DriftShareChart::showReport()
{
    const monitor::MonitorReport &r = *report();
    m_threshold = ruleThreshold(r, "dataset_drift_share").value_or(0.5);
    QVector<double> keys, shares, drifted, driftedKeys;
    for (std::size_t i = 0; i < r.windows.size(); ++i) {
        (r.windows[i].datasetDrift ? driftedKeys : keys) << double(i);
        (r.windows[i].datasetDrift ? drifted : shares) << r.windows[i].driftShare;
    }
    const QColor accent = accentColor(palette());
    const QColor red = statusColor(StatusTone::Failed, palette());
    auto *stable = new QCPBars(xAxis, yAxis);
    stable->setName(tr("drifted share"));
    stable->setWidth(0.6);
    stable->setPen(QPen(accent.darker(115), 1));
    stable->setBrush(accent.lighter(135));
    stable->setData(keys, shares, true);
    auto *over = new QCPBars(xAxis, yAxis);
    over->setName(tr("dataset drift"));
    over->setWidth(0.6);
    over->setPen(QPen(red.darker(115), 1));
    over->setBrush(red);
    over->setData(driftedKeys, drifted, true);

    auto *line = new QCPItemStraightLine(this);
    line->point1->setCoords(0, m_threshold);
    line->point2->setCoords(1, m_threshold);
    line->setPen(QPen(red, 1, Qt::DashLine));
    auto *label = new QCPItemText(this);
    label->position->setType(QCPItemPosition::ptPlotCoords);
    label->position->setCoords(-0.5, m_threshold);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    label->setText(tr("threshold %1").arg(formatNumber(m_threshold)));
    label->setColor(red);

    setUpWindowAxis(xAxis);
    yAxis->setRange(0, 1.12);
    yAxis->setLabel(tr("drifted features (share)"));
    addAlertMarkers(1.06);
    legend->setVisible(false);
    setCsvSource([this] {
        CsvTable table;
        table.header = QStringList{tr("window"), tr("drifted_share"), tr("dataset_drift"), tr("alerts")};
        table.rowCount = qsizetype(report()->windows.size());
        table.cell = [this](qsizetype row, qsizetype column) -> QString {
            const auto &w = report()->windows[std::size_t(row)];
            switch (column) {
            case 0: return windowLabel(*report(), std::size_t(row));
            case 1: return formatNumberFull(w.driftShare);
            case 2: return w.datasetDrift ? QStringLiteral("true") : QStringLiteral("false");
            default: return QString::number(w.alerts.size());
            }
        };
        return table;
    });
}

} // namespace assay::ui
