#include "runs/metric_charts_panel.h"

#include "common/empty_state.h"
#include "common/theme.h"
#include "runs/metric_chart.h"
#include "runs/metric_chart_controls.h"
#include "runs/metric_chart_grid.h"
#include "runs/metric_key_choice.h"
#include "shell/job_feedback.h"
#include "shell/job_runner.h"

#include <QLabel>
#include <QSet>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

bool isRunning(const RunsSnapshot &snapshot, const QString &runId)
{
    const track::RunRecord *run = snapshot.find(runId);
    return run && run->info.status == track::RunStatus::Running;
}

QString namesOf(const QStringList &names)
{
    constexpr qsizetype kNamed = 3;
    QString text = names.mid(0, kNamed).join(QStringLiteral(", "));
    if (names.size() > kNamed)
        text += QStringLiteral(", …");
    return text;
}

} // namespace

MetricChartsPanel::MetricChartsPanel(QWidget *parent)
    : QWidget(parent), m_controls(new MetricChartControls(this)), m_notice(new QLabel(this)),
      m_stack(new QStackedWidget(this)), m_message(new EmptyState(this)),
      m_chart(new MetricChart(this)), m_grid(new MetricChartGrid(this))
{
    m_chart->setObjectName(QStringLiteral("metricChart"));
    m_notice->setWordWrap(true);
    QPalette muted = m_notice->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(palette()));
    m_notice->setPalette(muted);
    m_notice->hide();
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_chart);
    m_stack->addWidget(m_grid);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_controls);
    layout->addWidget(m_notice);
    layout->addWidget(m_stack, 1);

    connect(m_controls, &MetricChartControls::optionsChanged, this, &MetricChartsPanel::refresh);
    connect(m_controls, &MetricChartControls::metricChanged, this, &MetricChartsPanel::refresh);
    connect(m_controls, &MetricChartControls::modeChanged, this, [this](Mode mode) {
        refresh();
        emit modeChanged(mode);
    });
    connect(m_grid, &MetricChartGrid::metricChosen, this, [this](const QString &key) {
        m_controls->setMetricKeys(m_keys, key);
        setMode(Mode::Single);
        emit modeChanged(Mode::Single);
    });
    showMessage(tr("No runs selected"), tr("Select runs in the table to chart their metrics."));
}

MetricChartsPanel::~MetricChartsPanel()
{
    if (m_job)
        m_job->cancel();
}

void MetricChartsPanel::setSource(JobRunner *jobs, std::filesystem::path workspaceRoot)
{
    if (m_root != workspaceRoot)
        m_cache.clear();
    m_jobs = jobs;
    m_root = std::move(workspaceRoot);
    refresh();
}

void MetricChartsPanel::setRuns(std::shared_ptr<const RunsSnapshot> snapshot, QStringList runIds)
{
    m_snapshot = std::move(snapshot);
    m_runIds.clear();
    QSet<QString> running;
    if (m_snapshot) {
        for (const QString &runId : runIds) {
            if (!m_snapshot->find(runId))
                continue;
            m_runIds << runId;
            if (isRunning(*m_snapshot, runId))
                running.insert(runId);
        }
    }
    m_cache.dropLive(running);
    m_keys = m_snapshot ? metricKeysOf(*m_snapshot, m_runIds) : QStringList();
    QString current = m_controls->metric();
    if (!m_keys.contains(current))
        current = m_snapshot ? defaultMetricKey(*m_snapshot, m_runIds) : QString();
    m_controls->setMetricKeys(m_keys, current);
    refresh();
}

void MetricChartsPanel::setMode(Mode mode)
{
    if (mode == m_controls->mode())
        return;
    m_controls->setMode(mode);
    refresh();
}

MetricChartsPanel::Mode MetricChartsPanel::mode() const
{
    return m_controls->mode();
}

void MetricChartsPanel::setMetric(const QString &key)
{
    if (!m_keys.contains(key) || key == metric())
        return;
    m_controls->setMetricKeys(m_keys, key);
    refresh();
}

QString MetricChartsPanel::metric() const
{
    return m_controls->metric();
}

void MetricChartsPanel::setOptions(const MetricChartOptions &options)
{
    m_controls->setOptions(options);
    refresh();
}

MetricChartOptions MetricChartsPanel::options() const
{
    return m_controls->options();
}

bool MetricChartsPanel::isShowingCharts() const
{
    return m_stack->currentWidget() != m_message;
}

QString MetricChartsPanel::notice() const
{
    return m_notice->isVisible() ? m_notice->text() : QString();
}

void MetricChartsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void MetricChartsPanel::showMessage(const QString &title, const QString &body)
{
    m_message->setContent(title, body);
    m_stack->setCurrentWidget(m_message);
    m_notice->hide();
}

std::vector<MetricChartRequest> MetricChartsPanel::requests() const
{
    const QStringList keys = mode() == Mode::Single ? QStringList{metric()} : m_keys;
    std::vector<MetricChartRequest> requests;
    for (const QString &key : keys) {
        MetricChartRequest request{key, {}};
        const std::string stdKey = key.toStdString();
        for (const QString &runId : m_runIds) {
            const track::RunRecord *run = m_snapshot->find(runId);
            if (run->latestMetrics.contains(stdKey))
                request.runs.push_back({runId, runDisplayName(*run), m_cache.find(runId, key)});
        }
        requests.push_back(std::move(request));
    }
    return requests;
}

void MetricChartsPanel::refresh()
{
    if (m_job)
        m_job->cancel();
    const quint64 generation = ++m_generation;
    if (m_runIds.isEmpty()) {
        showMessage(tr("No runs selected"), tr("Select runs in the table to chart their metrics."));
        return;
    }
    if (m_keys.isEmpty()) {
        showMessage(
            tr("No metrics logged"),
            tr("The selected runs logged no metrics. A run logs one with "
               "`assay log metric loss 0.31 --step 12`, or a JSON line in `ASSAY_LOG_FILE`."));
        return;
    }
    if (!m_jobs)
        return;
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_job = m_jobs->run(
        tr("Reading metric histories"), this,
        [root = m_root, requests = requests(), options = options()](const Progress &progress) {
            return loadMetricCharts(root, requests, options, progress);
        },
        [this, generation](Result<MetricChartsResult> result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                showJobError(m_message, result.error(), tr("Could not read the metric histories"),
                             tr("Charting cancelled"), tr("Select the runs again to chart them."));
                m_stack->setCurrentWidget(m_message);
                m_notice->hide();
                return;
            }
            showCharts(std::move(*result));
        });
    if (!isShowingCharts())
        showWaitingFor(m_message, m_job, tr("Reading metric histories…"),
                       tr("The histories of %n run(s) are read in the background.", nullptr,
                          int(m_runIds.size())));
}

void MetricChartsPanel::showCharts(MetricChartsResult result)
{
    for (ReadMetricHistory &read : result.read)
        m_cache.insert(read.runId, read.key, std::move(read.history),
                       isRunning(*m_snapshot, read.runId));
    showNotice(result.charts);
    if (mode() == Mode::Grid) {
        std::vector<std::shared_ptr<const MetricChartData>> charts;
        for (MetricChartData &chart : result.charts)
            charts.push_back(std::make_shared<const MetricChartData>(std::move(chart)));
        m_grid->setCharts(std::move(charts));
        m_stack->setCurrentWidget(m_grid);
        return;
    }
    auto chart = std::make_shared<const MetricChartData>(std::move(result.charts.front()));
    if (!chart->hasPoints) {
        m_chart->setChartData(nullptr);
        showMessage(tr("Nothing to draw"),
                    tr("The selected runs logged %1, but no value can be drawn (NaN or infinite, "
                       "or ≤ 0 on a log scale).")
                        .arg(chart->key));
        return;
    }
    m_chart->setChartData(std::move(chart));
    m_stack->setCurrentWidget(m_chart);
}

void MetricChartsPanel::showNotice(const std::vector<MetricChartData> &charts)
{
    QStringList parts;
    if (mode() == Mode::Single && !charts.empty()) {
        QStringList without;
        const std::string key = charts.front().key.toStdString();
        for (const QString &runId : m_runIds) {
            const track::RunRecord *run = m_snapshot->find(runId);
            if (!run->latestMetrics.contains(key))
                without << runDisplayName(*run);
        }
        if (!without.isEmpty())
            parts << tr("%1 of %2 runs did not log %3 (%4).")
                         .arg(without.size())
                         .arg(m_runIds.size())
                         .arg(charts.front().key, namesOf(without));
    }
    qsizetype nonFinite = 0;
    qsizetype nonPositive = 0;
    for (const MetricChartData &chart : charts) {
        nonFinite += chart.nonFiniteCount();
        nonPositive += chart.nonPositiveCount();
    }
    if (nonFinite > 0)
        parts << tr("%n NaN or infinite value(s) shown as gaps.", nullptr, int(nonFinite));
    if (nonPositive > 0)
        parts << tr("%n value(s) ≤ 0 left out on the log scale.", nullptr, int(nonPositive));
    m_notice->setText(parts.join(QLatin1Char(' ')));
    m_notice->setVisible(!parts.isEmpty());
}

} // namespace assay::ui
