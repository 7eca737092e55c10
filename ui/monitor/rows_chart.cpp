#include "monitor/rows_chart.h"

#include "common/format.h"
#include "common/theme.h"
#include "monitor/window_spec.h"

namespace assay::ui {

RowsChart::RowsChart(QWidget *parent) : WindowChart(parent)
{
    setObjectName(QStringLiteral("rowsChart"));
    placeLegendBelow();
    setReadout([this](double key, double) -> QString {
        const int window = windowAt(key);
        if (window < 0)
            return {};
        return windowSummary(window) +
               tr("\n%1 with labels").arg(formatCount(report()->windows[std::size_t(window)].labeledRows));
    });
}

void RowsChart::showReport()
{
    const monitor::MonitorReport &r = *report();
    QVector<double> keys, rows, lowKeys, lowRows, labelled;
    double most = double(monitor::kMinWindowRows);
    for (std::size_t i = 0; i < r.windows.size(); ++i) {
        const auto &w = r.windows[i];
        (w.tooFewRows ? lowKeys : keys) << double(i);
        (w.tooFewRows ? lowRows : rows) << double(w.rows);
        labelled << double(w.labeledRows);
        most = std::max(most, double(w.rows));
    }
    const QColor accent = accentColor(palette());
    const QColor amber = statusColor(StatusTone::Warning, palette());
    auto *enough = new QCPBars(xAxis, yAxis);
    enough->setName(tr("rows"));
    enough->setWidth(0.6);
    enough->setPen(QPen(accent.darker(115), 1));
    enough->setBrush(accent.lighter(135));
    enough->setData(keys, rows, true);
    if (!lowKeys.isEmpty()) {
        auto *few = new QCPBars(xAxis, yAxis);
        few->setName(tr("too few rows (< %1)").arg(monitor::kMinWindowRows));
        few->setWidth(0.6);
        few->setPen(QPen(amber.darker(115), 1));
        few->setBrush(amber);
        few->setData(lowKeys, lowRows, true);
    }
    QVector<double> allKeys;
    for (std::size_t i = 0; i < r.windows.size(); ++i)
        allKeys << double(i);
    QCPGraph *labels = addGraph();
    labels->setName(tr("with labels"));
    labels->setPen(QPen(palette().color(QPalette::WindowText), 1.5));
    labels->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    labels->setData(allKeys, labelled, true);
    auto *minimum = new QCPItemStraightLine(this);
    minimum->point1->setCoords(0, double(monitor::kMinWindowRows));
    minimum->point2->setCoords(1, double(monitor::kMinWindowRows));
    minimum->setPen(QPen(amber, 1, Qt::DashLine));

    setUpWindowAxis(xAxis);
    yAxis->setRange(0, most * 1.3);
    yAxis->setLabel(tr("rows per window"));
    setCsvSource([this] {
        CsvTable table;
        table.header = QStringList{tr("window"), tr("rows"), tr("labelled_rows"), tr("too_few_rows")};
        table.rowCount = qsizetype(report()->windows.size());
        table.cell = [this](qsizetype row, qsizetype column) -> QString {
            const auto &w = report()->windows[std::size_t(row)];
            switch (column) {
            case 0: return windowLabel(*report(), std::size_t(row));
            case 1: return QString::number(w.rows);
            case 2: return QString::number(w.labeledRows);
            default: return w.tooFewRows ? QStringLiteral("true") : QStringLiteral("false");
            }
        };
        return table;
    });
}

} // namespace assay::ui
