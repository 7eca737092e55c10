#include "monitor/monitor_area.h"

#include "common/empty_state.h"
#include "common/format.h"
#include "common/icons.h"
#include "common/table_actions.h"
#include "data/diff_command.h"
#include "monitor/log_ingest.h"
#include "monitor/monitor_dashboard.h"
#include "monitor/monitor_list_panel.h"
#include "shell/job_feedback.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "workspace/workspace.h"

#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

const auto splitterKey = QStringLiteral("splitter");
const auto windowKey = QStringLiteral("window");

QString ingestSummary(const monitor::IngestReport &report)
{
    QString text = QObject::tr("%1: %2 new rows, %3 labels from %4 file(s)")
                       .arg(QString::fromStdString(report.monitor), formatCount(report.rows),
                            formatCount(report.labels), formatCount(report.files));
    if (report.duplicates > 0)
        text += QObject::tr("; %1 already stored").arg(formatCount(report.duplicates));
    if (report.badLines > 0) {
        text += QObject::tr("; %1 bad line(s)").arg(formatCount(report.badLines));
        if (!report.firstBadLines.empty()) {
            const auto &bad = report.firstBadLines.front();
            text += QObject::tr(", first %1:%2: %3")
                        .arg(QString::fromStdString(bad.file))
                        .arg(bad.line)
                        .arg(QString::fromStdString(bad.reason));
        }
    }
    return text;
}

} // namespace

MonitorArea::MonitorArea(const AreaContext &context, QWidget *parent)
    : Area(parent), m_context(context), m_root(new QWidget(parent)), m_windowPicker(new QComboBox(m_root)),
      m_ingestButton(new QPushButton(tr("Ingest Logs…"), m_root)),
      m_refreshButton(new QPushButton(tr("Refresh"), m_root)),
      m_copyCommand(new QPushButton(tr("Copy as Command"), m_root)), m_stack(new QStackedWidget(m_root)),
      m_loading(new EmptyState(m_stack)), m_empty(new EmptyState(m_stack)),
      m_splitter(new QSplitter(Qt::Horizontal, m_stack)), m_list(new MonitorListPanel(m_splitter)),
      m_dashboard(new MonitorDashboard(m_splitter))
{
    m_root->setObjectName(QStringLiteral("monitorArea"));
    auto *layout = new QVBoxLayout(m_root);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(4);
    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(new QLabel(tr("Window"), m_root));
    m_windowPicker->setObjectName(QStringLiteral("monitorWindow"));
    m_windowPicker->setEditable(true);
    m_windowPicker->setInsertPolicy(QComboBox::NoInsert);
    m_windowPicker->addItem(tr("as configured"), QString());
    for (const char *spec : {"hour", "day", "week", "rows:1000", "rows:5000"})
        m_windowPicker->addItem(QString::fromLatin1(spec), QString::fromLatin1(spec));
    m_windowPicker->setToolTip(tr("How logged rows are cut into windows: hour, day, week (UTC), "
                                  "rows:N or chunks:N; type your own"));
    m_windowPicker->setMinimumContentsLength(12);
    toolbar->addWidget(m_windowPicker);
    m_ingestButton->setObjectName(QStringLiteral("ingestLogs"));
    m_ingestButton->setToolTip(tr("Read prediction logs (JSON Lines or CSV) into a monitor in the background; "
                                  "the same as `assay monitor ingest LOG --model NAME`"));
    toolbar->addWidget(m_ingestButton);
    toolbar->addWidget(m_refreshButton);
    toolbar->addWidget(m_copyCommand);
    toolbar->addStretch(1);
    layout->addLayout(toolbar);
    layout->addWidget(m_stack, 1);

    connect(m_windowPicker, &QComboBox::activated, this, [this](int index) {
        setWindow(m_windowPicker->itemData(index).toString());
    });
    connect(m_windowPicker->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        const QString text = m_windowPicker->currentText().trimmed();
        const int known = m_windowPicker->findText(text);
        setWindow(known >= 0 ? m_windowPicker->itemData(known).toString() : text);
    });
    connect(m_ingestButton, &QPushButton::clicked, this, &MonitorArea::ingestWithDialog);
    connect(m_refreshButton, &QPushButton::clicked, this, &MonitorArea::refresh);
    connect(m_copyCommand, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(currentCommandLine()); });

    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_dashboard);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({420, 960});
    m_empty->setContent(tr("No monitors yet"),
                        tr("A monitor watches a deployed model's prediction logs: drift per feature "
                           "and window against the training reference, estimated and realized "
                           "performance, alerts. Ingest the logs your serving system writes: `assay "
                           "monitor ingest LOG --model NAME`, or Ingest Logs… here."));
    connect(m_empty->addButton(tr("Ingest Logs…")), &QPushButton::clicked, this, &MonitorArea::ingestWithDialog);
    connect(m_empty->addButton(tr("Refresh")), &QPushButton::clicked, this, &MonitorArea::refresh);
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_loading);
    m_stack->setCurrentWidget(m_loading);
    m_loading->setContent(tr("No workspace"), tr("Open a workspace to see its monitors."));
    connect(m_list, &MonitorListPanel::currentChanged, this, &MonitorArea::showSelected);
}

MonitorArea::~MonitorArea() = default;

QIcon MonitorArea::icon() const
{
    return workbenchIcon(QStringLiteral("monitor"));
}

QWidget *MonitorArea::widget()
{
    return m_root;
}

QStringList MonitorArea::viewNames()
{
    return {QStringLiteral("monitor-alerts"), QStringLiteral("monitor-drift")};
}

bool MonitorArea::showView(const QString &view)
{
    if (view != id() && !viewNames().contains(view))
        return false;
    m_pendingView = view;
    if (m_loaded)
        applyPendingView();
    return true;
}

void MonitorArea::applyPendingView()
{
    if (m_pendingView.isEmpty())
        return;
    const QString view = m_pendingView;
    m_pendingView.clear();
    if (view == QLatin1String("monitor-alerts"))
        m_dashboard->setCurrentTab(MonitorDashboard::Tab::Alerts);
    else if (view == QLatin1String("monitor-drift"))
        m_dashboard->openWindow(m_dashboard->latestDriftedWindow());
    else
        m_dashboard->setCurrentTab(MonitorDashboard::Tab::Overview);
}

bool MonitorArea::openItem(const QString &name)
{
    return m_list->select(name);
}

bool MonitorArea::isEmpty() const
{
    return m_stack->currentWidget() == m_empty;
}

void MonitorArea::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    if (m_reloadJob)
        m_reloadJob->cancel();
    ++m_generation;
    m_loaded = false;
    m_reloadAgain = false;
    m_snapshot.reset();
    m_session = std::move(session);
    m_list->setMonitors({});
    m_dashboard->setEntry(nullptr);
    m_dashboard->setContext(m_context.jobs, m_session ? m_session->root() : std::filesystem::path());
    if (!m_session) {
        m_loading->setContent(tr("No workspace"), tr("Open a workspace to see its monitors."));
        m_stack->setCurrentWidget(m_loading);
        return;
    }
    reload();
}

void MonitorArea::focusFilter()
{
    m_list->focusFilter();
}

void MonitorArea::refresh()
{
    reload();
}

bool MonitorArea::setWindow(const QString &spec)
{
    std::optional<monitor::WindowSpec> window;
    if (!spec.isEmpty()) {
        auto parsed = monitor::parseWindowSpec(spec.toStdString());
        if (!parsed) {
            m_windowPicker->setToolTip(QString::fromStdString(parsed.error().message));
            return false;
        }
        window = *parsed;
    }
    const bool changed = window.has_value() != m_window.has_value() ||
                         (window && (window->kind != m_window->kind || window->count != m_window->count));
    m_window = window;
    if (changed)
        reload();
    return true;
}

void MonitorArea::reload()
{
    if (!m_session || !m_context.jobs)
        return;
    if (m_reloadJob) {
        m_reloadAgain = true;
        return;
    }
    const quint64 generation = m_generation;
    m_reloadJob = m_context.jobs->run(
        tr("Evaluating monitors"), this,
        [root = m_session->root(), window = m_window](const Progress &progress) {
            return loadMonitorSnapshot(root, window, progress);
        },
        [this, generation](Result<MonitorSnapshot> snapshot) {
            if (generation != m_generation)
                return;
            m_reloadJob = nullptr;
            if (m_reloadAgain) {
                m_reloadAgain = false;
                QTimer::singleShot(0, this, &MonitorArea::reload);
                return;
            }
            if (!snapshot.ok()) {
                showJobError(m_loading, snapshot.error(), tr("Cannot evaluate the monitors"),
                             tr("Evaluation cancelled"), tr("Press F5 to evaluate again."));
                m_stack->setCurrentWidget(m_loading);
                return;
            }
            showSnapshot(std::move(*snapshot));
        });
    if (!m_loaded) {
        showWaitingFor(m_loading, m_reloadJob, tr("Evaluating monitors"),
                       tr("Reading the logged rows window by window and testing them against each "
                          "monitor's reference; Cancel is in the status bar."));
        m_stack->setCurrentWidget(m_loading);
    }
}

void MonitorArea::showSnapshot(MonitorSnapshot snapshot)
{
    m_loaded = true;
    auto shared = std::make_shared<const MonitorSnapshot>(std::move(snapshot));
    m_snapshot = shared;
    m_stack->setCurrentWidget(shared->monitors.empty() ? static_cast<QWidget *>(m_empty) : m_splitter);
    m_list->setMonitors(shared->monitors);
    if (m_list->current().isEmpty())
        m_list->selectFirst();
    showSelected();
    applyPendingView();
    emit loaded();
}

void MonitorArea::showSelected()
{
    const MonitorEntry *entry = m_snapshot ? m_snapshot->find(m_list->current().toStdString()) : nullptr;
    const bool sameMonitor = entry && m_dashboard->report() &&
                             m_dashboard->report()->monitor == entry->config.name;
    const auto tab = m_dashboard->currentTab();
    m_dashboard->setEntry(entry);
    if (sameMonitor && tab != MonitorDashboard::Tab::WindowDrift)
        m_dashboard->setCurrentTab(tab);
    else if (!sameMonitor)
        m_dashboard->setCurrentTab(MonitorDashboard::Tab::Overview);
    m_copyCommand->setEnabled(!currentCommandLine().isEmpty());
    m_copyCommand->setToolTip(tr("Copy `%1`").arg(currentCommandLine()));
}

QString MonitorArea::currentCommandLine() const
{
    if (m_list->current().isEmpty())
        return {};
    QString line = QStringLiteral("assay monitor status ") + shellQuoted(m_list->current());
    if (m_window)
        line += QStringLiteral(" --window ") + QString::fromStdString(monitor::windowSpecText(*m_window));
    return line;
}

Job *MonitorArea::ingest(const QStringList &files, const QString &monitorName, const QString &model)
{
    if (!m_session || !m_context.jobs || files.isEmpty() || m_ingestJob)
        return nullptr;
    std::vector<std::filesystem::path> paths;
    for (const QString &file : files)
        paths.emplace_back(file.toStdString());
    m_ingestButton->setEnabled(false);
    m_ingestJob = m_context.jobs->run(
        tr("Ingesting %n log file(s)", nullptr, int(files.size())), this,
        [root = m_session->root(), paths, name = monitorName.toStdString(),
         model = model.toStdString()](const Progress &progress) -> Result<monitor::IngestReport> {
            auto workspace = workspace::Workspace::open(root);
            if (!workspace)
                return workspace.error();
            std::string target = name;
            if (!model.empty()) {
                auto configured = monitor::configureMonitor(
                    *workspace, {.model = model, .reference = std::nullopt, .window = std::nullopt,
                                 .rulesJson = std::nullopt});
                if (!configured)
                    return configured.error();
                target = configured->name;
            }
            return monitor::ingestLogs(*workspace, target, paths, {}, progress);
        },
        [this](Result<monitor::IngestReport> report) {
            m_ingestButton->setEnabled(true);
            m_ingestJob = nullptr;
            if (!report.ok()) {
                if (report.error().kind != ErrorKind::Cancelled) {
                    auto *box = new QMessageBox(QMessageBox::Warning, tr("Ingest Logs"),
                                                tr("The logs were not ingested:\n%1")
                                                    .arg(QString::fromStdString(report.error().message)),
                                                QMessageBox::Ok, m_root);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                }
                return;
            }
            const QString summary = ingestSummary(*report);
            emit ingested(summary);
            m_pendingView.clear();
            if (m_list->current().isEmpty())
                m_list->select(QString::fromStdString(report->monitor));
            reload();
        });
    return m_ingestJob;
}

void MonitorArea::ingestWithDialog()
{
    if (!m_session)
        return;
    const QStringList files = QFileDialog::getOpenFileNames(
        m_root, tr("Ingest Prediction Logs"), m_session->rootPath(),
        tr("Prediction logs (*.jsonl *.ndjson *.json *.log *.csv *.tsv);;All files (*)"));
    if (files.isEmpty())
        return;
    QStringList monitors;
    if (m_snapshot)
        for (const MonitorEntry &entry : m_snapshot->monitors)
            monitors << QString::fromStdString(entry.config.name);
    const QString newMonitor = tr("New monitor for a model…");
    QString chosen;
    if (monitors.size() == 1) {
        chosen = monitors.front();
    } else if (monitors.size() > 1) {
        monitors.removeAll(m_list->current());
        monitors.prepend(m_list->current());
        monitors << newMonitor;
        bool ok = false;
        chosen = QInputDialog::getItem(m_root, tr("Ingest Prediction Logs"), tr("Into the monitor"), monitors, 0,
                                       false, &ok);
        if (!ok)
            return;
    }
    if (!chosen.isEmpty() && chosen != newMonitor) {
        ingest(files, chosen);
        return;
    }
    bool ok = false;
    const QString model = QInputDialog::getText(
        m_root, tr("Ingest Prediction Logs"),
        tr("The model that made these predictions (a registered model such as credit-risk:production, "
           "or a run):"),
        QLineEdit::Normal, QString(), &ok);
    if (ok && !model.trimmed().isEmpty())
        ingest(files, {}, model.trimmed());
}

void MonitorArea::saveState(QSettings &settings) const
{
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(windowKey, m_window ? QString::fromStdString(monitor::windowSpecText(*m_window)) : QString());
    TableActions::saveAll(settings, m_root);
}

void MonitorArea::restoreState(QSettings &settings)
{
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    const QString window = settings.value(windowKey).toString();
    if (!window.isEmpty() && setWindow(window))
        m_windowPicker->setCurrentText(window);
    TableActions::restoreAll(settings, m_root);
}

} // namespace assay::ui
