#include "runs/run_details_panel.h"

#include "common/format.h"
#include "runs/run_cell_text.h"
#include "runs/run_palette.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

} // namespace

RunDetailsPanel::RunDetailsPanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("runDetails"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Field"), tr("Value"), tr("Detail")});
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 150);
    m_list->setColumnWidth(1, 210);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);
    showMessage(tr("Select a run in the table to see everything it logged."));
}

void RunDetailsPanel::showMessage(const QString &message)
{
    m_runId.clear();
    m_title->setText(message.toHtmlEscaped());
    m_list->clear();
    m_list->setVisible(false);
}

QTreeWidgetItem *RunDetailsPanel::addSection(const QString &title, int count)
{
    auto *section =
        new QTreeWidgetItem(m_list, {count >= 0 ? tr("%1 (%2)").arg(title).arg(count) : title});
    QFont bold = section->font(0);
    bold.setBold(true);
    section->setFont(0, bold);
    section->setFirstColumnSpanned(true);
    return section;
}

void RunDetailsPanel::addRow(QTreeWidgetItem *section, const QString &key, const QString &value,
                             const QString &detail)
{
    auto *item = new QTreeWidgetItem(section, {key, value, detail});
    item->setToolTip(1, value);
    item->setToolTip(2, detail);
}

void RunDetailsPanel::showRun(const track::RunRecord &run)
{
    const track::RunInfo &info = run.info;
    m_runId = text(info.runId);
    const QString name = info.name.empty() ? m_runId : text(info.name);
    m_title->setText(QStringLiteral("<span style='color:%1'>■</span> <b>%2</b> &nbsp;%3")
                         .arg(runColor(m_runId).name(), name.toHtmlEscaped(),
                              text(std::string(track::statusName(info.status)))));
    m_list->clear();
    m_list->setVisible(true);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QTreeWidgetItem *attributes = addSection(tr("Run"), -1);
    addRow(attributes, tr("Run id"), m_runId);
    addRow(attributes, tr("Experiment"), text(info.experiment));
    if (info.startMs)
        addRow(attributes, tr("Started"), describeRunStart(*info.startMs, now));
    if (info.endMs)
        addRow(attributes, tr("Ended"), describeRunStart(*info.endMs, now));
    if (info.startMs)
        addRow(attributes, tr("Duration"),
               formatRunDuration(info.endMs.value_or(now) - *info.startMs),
               info.endMs ? QString() : tr("still running"));
    if (!info.user.empty())
        addRow(attributes, tr("User"), text(info.user));
    if (info.gitCommit)
        addRow(attributes, tr("Git commit"), text(*info.gitCommit),
               info.gitDirty.value_or(false) ? tr("uncommitted changes") : QString());
    if (info.command)
        addRow(attributes, tr("Command"), text(*info.command));
    if (info.parentRunId)
        addRow(attributes, tr("Parent run"), text(*info.parentRunId));
    addRow(attributes, tr("Recorded by"), text(info.origin));
    if (info.deleted)
        addRow(attributes, tr("Deleted"), tr("yes"), tr("restore it from the context menu"));

    QTreeWidgetItem *params = addSection(tr("Params"), int(run.params.size()));
    for (const auto &[key, value] : run.params)
        addRow(params, text(key), text(value));
    QTreeWidgetItem *metrics = addSection(tr("Metrics"), int(run.latestMetrics.size()));
    for (const auto &[key, point] : run.latestMetrics)
        addRow(metrics, text(key), formatNumberFull(point.value), tr("step %1").arg(point.step));
    QTreeWidgetItem *tags = addSection(tr("Tags"), int(run.tags.size()));
    for (const auto &[key, value] : run.tags)
        addRow(tags, text(key), text(value));
    QTreeWidgetItem *datasets = addSection(tr("Datasets"), int(run.datasets.size()));
    for (const track::DatasetInput &dataset : run.datasets)
        addRow(datasets, text(dataset.name), text(dataset.path),
               QStringLiteral("%1 · md5 %2 · %3")
                   .arg(text(dataset.context), text(dataset.md5.empty() ? "—" : dataset.md5),
                        text(dataset.revision.empty() ? "—" : dataset.revision.substr(0, 8))));
    QTreeWidgetItem *artifacts = addSection(tr("Artifacts"), int(run.artifacts.size()));
    for (const track::Artifact &artifact : run.artifacts)
        addRow(artifacts, text(artifact.path), formatBytes(artifact.size),
               tr("md5 %1").arg(text(artifact.md5)));
    m_list->expandAll();
}

} // namespace assay::ui
