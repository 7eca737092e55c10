#include "monitor/monitor_dashboard.h"

#include "common/format.h"
#include "common/list_table.h"
#include "common/verdict_banner.h"
#include "monitor/alerts_model.h"
#include "monitor/drift_heatmap.h"
#include "monitor/drift_share_chart.h"
#include "monitor/performance_chart.h"
#include "monitor/rows_chart.h"
#include "monitor/window_drift_view.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

// A chart under a bold title, with optional controls on the title's line.
QWidget *titled(const QString &title, QWidget *chart, QWidget *control = nullptr)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *line = new QHBoxLayout;
    auto *label = new QLabel(title);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    line->addWidget(label);
    line->addStretch(1);
    if (control)
        line->addWidget(control);
    layout->addLayout(line);
    layout->addWidget(chart, 1);
    return box;
}

} // namespace

MonitorDashboard::MonitorDashboard(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_banner(new VerdictBanner(this)),
      m_tabs(new QTabWidget(this)), m_heatmap(new DriftHeatmap), m_driftShare(new DriftShareChart),
      m_performance(new PerformanceChart), m_metricPicker(new QComboBox), m_rows(new RowsChart),
      m_alertsModel(new AlertsModel(this)), m_alertsTable(new QTableView),
      m_windowDrift(new WindowDriftView)
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (const QString &metric : PerformanceChart::metrics())
        m_metricPicker->addItem(metricTitle(metric), metric);
    m_metricPicker->setObjectName(QStringLiteral("performanceMetric"));
    m_metricPicker->setToolTip(tr("The performance metric to plot"));
    connect(m_metricPicker, &QComboBox::activated, this,
            [this] { m_performance->setMetric(m_metricPicker->currentData().toString()); });

    auto *overview = new QWidget;
    auto *grid = new QGridLayout(overview);
    grid->setContentsMargins(0, 6, 0, 0);
    grid->setSpacing(10);
    grid->addWidget(titled(tr("Drift score per feature and window"), m_heatmap), 0, 0, 3, 1);
    grid->addWidget(titled(tr("Drifted features per window"), m_driftShare), 0, 1);
    grid->addWidget(titled(tr("Estimated vs realized performance"), m_performance, m_metricPicker), 1, 1);
    grid->addWidget(titled(tr("Rows per window"), m_rows), 2, 1);
    grid->setColumnStretch(0, 5);
    grid->setColumnStretch(1, 4);
    for (int row = 0; row < 3; ++row)
        grid->setRowStretch(row, 1);

    m_alertsProxy = setUpListTable(m_alertsTable, m_alertsModel, AlertsModel::SortRole, QStringLiteral("monitorAlerts"));
    m_alertsTable->setObjectName(QStringLiteral("monitorAlertsTable"));
    m_alertsTable->horizontalHeader()->setStretchLastSection(true);
    m_alertsTable->setToolTip(tr("Double-click an alert to open its window's drift"));
    connect(m_alertsTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        openWindow(m_alertsProxy->data(index, AlertsModel::WindowRole).toInt());
    });

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(overview, tr("Overview"));
    m_tabs->addTab(m_alertsTable, tr("Alerts"));
    m_tabs->addTab(m_windowDrift, tr("Window Drift"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_summary);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);

    for (WindowChart *chart : std::initializer_list<WindowChart *>{m_heatmap, m_driftShare, m_performance, m_rows})
        connect(chart, &WindowChart::windowClicked, this, &MonitorDashboard::openWindow);
}

void MonitorDashboard::setContext(JobRunner *jobs, std::filesystem::path root)
{
    m_jobs = jobs;
    m_root = std::move(root);
    m_windowDrift->setJobRunner(jobs);
}

void MonitorDashboard::setEntry(const MonitorEntry *entry)
{
    m_report = entry && entry->report ? std::make_shared<const monitor::MonitorReport>(*entry->report) : nullptr;
    m_monitor = entry ? QString::fromStdString(entry->config.name) : QString();
    for (WindowChart *chart : std::initializer_list<WindowChart *>{m_heatmap, m_driftShare, m_performance, m_rows})
        chart->setReport(m_report);
    m_alertsModel->setReport(m_report);
    m_alertsTable->resizeColumnsToContents();
    m_tabs->setTabText(int(Tab::Alerts), m_alertsModel->rowCount() ? tr("Alerts (%1)").arg(m_alertsModel->rowCount())
                                                                    : tr("Alerts"));
    m_windowDrift->showMessage(tr("No window chosen"),
                               tr("Click a window on any chart of the overview (or a column of the "
                                  "heatmap) to compare its logged rows with the reference here."));
    if (!entry) {
        m_summary->clear();
        m_banner->clear();
        return;
    }
    if (!m_report) {
        m_summary->setText(tr("%1 watches %2").arg(m_monitor, QString::fromStdString(entry->config.modelRef)));
        m_banner->setVerdict(StatusTone::Unknown, tr("Not evaluated"), QString::fromStdString(entry->error));
        return;
    }
    const monitor::MonitorReport &r = *m_report;
    m_summary->setText(tr("<b>%1</b> watches %2 (%3) against %4 · windows: %5 · %6 rows logged, %7 with labels")
                           .arg(m_monitor.toHtmlEscaped(), QString::fromStdString(r.modelRef).toHtmlEscaped(),
                                QString::fromStdString(r.task), QString::fromStdString(r.reference).toHtmlEscaped(),
                                QString::fromStdString(r.window), formatCount(r.totalRows), formatCount(r.labels)));
    const monitor::WindowResult *latest = r.latest();
    if (!latest) {
        m_banner->setVerdict(StatusTone::Unknown, tr("No rows logged yet"),
                             tr("Ingest prediction logs: `assay monitor ingest LOG --model %1`").arg(m_monitor));
        return;
    }
    const QString when = windowLabel(r, r.windows.size() - 1);
    if (!latest->alerts.empty()) {
        QStringList rules;
        for (const auto &alert : latest->alerts)
            rules << QString::fromStdString(alert.message);
        m_banner->setVerdict(StatusTone::Failed,
                             tr("%n alert(s) in the latest window (%1)", nullptr, int(latest->alerts.size())).arg(when),
                             rules.join(QStringLiteral("; ")));
    } else if (latest->tooFewRows) {
        m_banner->setVerdict(StatusTone::Warning, tr("Latest window (%1) has too few rows").arg(when),
                             tr("%1 rows, under %2: its tests are weak, so it raises no alert.").arg(formatCount(latest->rows)).arg(monitor::kMinWindowRows));
    } else {
        m_banner->setVerdict(StatusTone::Ok, tr("No alert in the latest window (%1)").arg(when),
                             tr("%1 of %2 features drifted.").arg(latest->driftedFeatures).arg(latest->testedFeatures));
    }
}

bool MonitorDashboard::openWindow(int index)
{
    if (!m_report || index < 0 || std::size_t(index) >= m_report->windows.size())
        return false;
    const monitor::WindowResult &window = m_report->windows[std::size_t(index)];
    m_windowDrift->showWindow(m_root, m_monitor, window.startNs, window.endNs,
                              windowLabel(*m_report, std::size_t(index)),
                              QString::fromStdString(m_report->reference));
    setCurrentTab(Tab::WindowDrift);
    return true;
}

int MonitorDashboard::latestDriftedWindow() const
{
    if (!m_report || m_report->windows.empty())
        return -1;
    for (std::size_t i = m_report->windows.size(); i-- > 0;)
        if (m_report->windows[i].datasetDrift)
            return int(i);
    return int(m_report->windows.size()) - 1;
}

MonitorDashboard::Tab MonitorDashboard::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void MonitorDashboard::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

} // namespace assay::ui
