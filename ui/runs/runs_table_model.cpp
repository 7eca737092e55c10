#include "runs/runs_table_model.h"

#include "common/format.h"
#include "common/theme.h"
#include "runs/run_cell_text.h"
#include "runs/run_palette.h"
#include "runs/run_swatch.h"
#include "runs/runs_snapshot.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>

#include <cmath>

namespace assay::ui {

namespace {

// Adds or removes `runId`; true when that changed the set.
bool setMembership(QSet<QString> &set, const QString &runId, bool member)
{
    if (set.contains(runId) == member)
        return false;
    if (member)
        set.insert(runId);
    else
        set.remove(runId);
    return true;
}

const std::vector<int> noChildren;
const auto missingGroupKey = QStringLiteral("\u0001missing");
const auto groupRowPrefix = QStringLiteral("\u0001group:");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

int toneIndex(StatusTone tone)
{
    return static_cast<int>(tone);
}

bool isRightAligned(const RunColumn &column)
{
    return column.kind == RunColumn::Kind::Metric || column.kind == RunColumn::Kind::Duration;
}

QString groupKey(const RunGroup &group)
{
    return group.missing ? missingGroupKey : group.value;
}

// Where a persistent index pointed, by what it shows rather than by position.
struct RowIdentity {
    bool group = false;
    QString key; // run id or group value
    int column = 0;
};

} // namespace

RunsTableModel::RunsTableModel(QObject *parent) : QAbstractItemModel(parent)
{
    const QPalette palette = QGuiApplication::palette();
    for (const StatusTone tone :
         {StatusTone::Ok, StatusTone::Failed, StatusTone::Warning, StatusTone::Unknown})
        m_statusIcons[toneIndex(tone)] = statusDot(tone, palette);
    m_columns = fixedRunColumns();
}

RunsTableModel::~RunsTableModel() = default;

QList<RunColumn> RunsTableModel::effectiveKeyedColumns() const
{
    if (m_chosen)
        return *m_chosen;
    return m_snapshot ? defaultKeyedColumns(*m_snapshot, m_options.experiment)
                      : QList<RunColumn>();
}

void RunsTableModel::setSnapshot(std::shared_ptr<const RunsSnapshot> snapshot)
{
    if (snapshot && m_snapshot) {
        const QList<RunColumn> keyed =
            m_chosen ? *m_chosen : defaultKeyedColumns(*snapshot, m_options.experiment);
        if (keyed == m_keyed) {
            relayout(std::move(snapshot));
            return;
        }
    }
    // New columns: views keep what they can through their own reset handling.
    resetColumns([&] { m_snapshot = std::move(snapshot); });
}

void RunsTableModel::setKeyedColumns(std::optional<QList<RunColumn>> columns)
{
    m_chosen = std::move(columns);
    if (effectiveKeyedColumns() != m_keyed)
        resetColumns([] {});
}

void RunsTableModel::resetColumns(const std::function<void()> &change)
{
    beginResetModel();
    change();
    m_keyed = effectiveKeyedColumns();
    m_columns = tableColumns(m_keyed);
    if (m_options.sortColumn && !m_columns.contains(*m_options.sortColumn))
        m_options.sortColumn.reset();
    updateAggregatedColumns();
    rebuildLayout();
    endResetModel();
    emit rowsRebuilt();
}

void RunsTableModel::updateAggregatedColumns()
{
    m_options.aggregated.clear();
    m_aggregateOfColumn.assign(static_cast<std::size_t>(m_columns.size()), -1);
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i].kind == RunColumn::Kind::Metric) {
            m_aggregateOfColumn[static_cast<std::size_t>(i)] = int(m_options.aggregated.size());
            m_options.aggregated.append(m_columns[i]);
        }
    }
}

void RunsTableModel::setExperiment(const QString &experiment)
{
    if (m_options.experiment == experiment)
        return;
    m_options.experiment = experiment;
    if (!m_chosen && effectiveKeyedColumns() != m_keyed) {
        setKeyedColumns(std::nullopt); // the experiment's own metrics and params
        return;
    }
    relayout();
}

void RunsTableModel::setFilter(std::shared_ptr<const track::FilterNode> filter)
{
    m_options.filter = std::move(filter);
    relayout();
}

void RunsTableModel::setGroupBy(std::optional<RunColumn> column)
{
    if (m_options.groupBy == column)
        return;
    m_options.groupBy = std::move(column);
    relayout();
}

void RunsTableModel::setShowDeleted(bool show)
{
    if (m_options.showDeleted == show)
        return;
    m_options.showDeleted = show;
    relayout();
}

void RunsTableModel::setShowHidden(bool show)
{
    if (m_options.showHidden == show)
        return;
    m_options.showHidden = show;
    relayout();
}

void RunsTableModel::setMarks(QSet<QString> pinned, QSet<QString> hidden)
{
    m_options.pinned = std::move(pinned);
    m_options.hidden = std::move(hidden);
    relayout();
}

void RunsTableModel::setPinned(const QString &runId, bool pinned)
{
    if (setMembership(m_options.pinned, runId, pinned))
        relayout();
}

void RunsTableModel::setHidden(const QString &runId, bool hidden)
{
    if (setMembership(m_options.hidden, runId, hidden))
        relayout();
}

void RunsTableModel::sortBy(std::optional<RunColumn> column, Qt::SortOrder order)
{
    if (column && column->kind == RunColumn::Kind::Marks)
        column.reset();
    m_options.sortColumn = std::move(column);
    m_options.descending = order == Qt::DescendingOrder;
    relayout();
}

void RunsTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size())
        sortBy(std::nullopt, order);
    else
        sortBy(m_columns[column], order);
}

void RunsTableModel::rebuildLayout()
{
    m_layout =
        m_snapshot ? buildRunsTableLayout(*m_snapshot, m_options, nowMs()) : RunsTableLayout();
    m_nodeOfRun.clear();
    m_nodeOfRun.reserve(m_layout.nodes.size());
    m_nodeOfGroup.clear();
    for (std::size_t i = 0; i < m_layout.nodes.size(); ++i) {
        const RunsTableNode &entry = m_layout.nodes[i];
        if (entry.kind == RunsTableNode::Kind::Run)
            m_nodeOfRun.emplace(m_snapshot->runs[entry.run].info.runId, int(i));
        else
            m_nodeOfGroup.insert(groupKey(m_layout.groups[std::size_t(entry.group)].members),
                                 int(i));
    }
}

void RunsTableModel::relayout(std::shared_ptr<const RunsSnapshot> next)
{
    if (!m_snapshot)
        return;
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    std::vector<RowIdentity> identities;
    identities.reserve(std::size_t(before.size()));
    for (const QModelIndex &index : before) {
        const RunsTableNode *entry = node(index);
        if (!entry) {
            identities.push_back({false, {}, -1});
        } else if (entry->kind == RunsTableNode::Kind::Group) {
            identities.push_back({true,
                                  groupKey(m_layout.groups[std::size_t(entry->group)].members),
                                  index.column()});
        } else {
            identities.push_back({false,
                                  QString::fromStdString(m_snapshot->runs[entry->run].info.runId),
                                  index.column()});
        }
    }
    // Identities were read from the old snapshot; rows are built from the new one.
    if (next)
        m_snapshot = std::move(next);
    rebuildLayout();
    QModelIndexList after;
    after.reserve(before.size());
    for (const RowIdentity &identity : identities) {
        int found = -1;
        if (identity.group) {
            found = m_nodeOfGroup.value(identity.key, -1);
        } else if (!identity.key.isEmpty()) {
            const auto run = m_nodeOfRun.find(identity.key.toStdString());
            found = run == m_nodeOfRun.end() ? -1 : run->second;
        }
        after.append(found < 0 ? QModelIndex()
                               : createIndex(m_layout.nodes[std::size_t(found)].row,
                                             identity.column, quintptr(found)));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged();
    emit rowsRebuilt();
}

void RunsTableModel::refreshRunningRows()
{
    if (!m_snapshot || !m_layout.hasRunning)
        return;
    const int duration = columnOf(RunColumn{RunColumn::Kind::Duration, {}});
    for (std::size_t i = 0; i < m_layout.nodes.size(); ++i) {
        const RunsTableNode &entry = m_layout.nodes[i];
        if (entry.kind == RunsTableNode::Kind::Run &&
            m_snapshot->runs[entry.run].info.status == track::RunStatus::Running) {
            const QModelIndex cell = createIndex(entry.row, duration, quintptr(i));
            emit dataChanged(cell, cell, {Qt::DisplayRole});
        }
    }
}

const RunsTableNode *RunsTableModel::node(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const std::size_t id = index.internalId();
    return id < m_layout.nodes.size() ? &m_layout.nodes[id] : nullptr;
}

const std::vector<int> &RunsTableModel::childrenOf(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_layout.topLevel;
    const RunsTableNode *entry = node(parent);
    return entry && parent.column() == 0 ? entry->children : noChildren;
}

const track::RunRecord *RunsTableModel::run(const QModelIndex &index) const
{
    const RunsTableNode *entry = node(index);
    if (!entry || entry->kind != RunsTableNode::Kind::Run)
        return nullptr;
    return &m_snapshot->runs[entry->run];
}

bool RunsTableModel::isGroup(const QModelIndex &index) const
{
    const RunsTableNode *entry = node(index);
    return entry && entry->kind == RunsTableNode::Kind::Group;
}

const RunsTableGroup *RunsTableModel::group(const QModelIndex &index) const
{
    const RunsTableNode *entry = node(index);
    if (!entry || entry->kind != RunsTableNode::Kind::Group)
        return nullptr;
    return &m_layout.groups[std::size_t(entry->group)];
}

std::optional<MetricAggregate> RunsTableModel::aggregate(const QModelIndex &index) const
{
    const RunsTableGroup *found = group(index);
    if (!found || index.column() >= int(m_aggregateOfColumn.size()))
        return std::nullopt;
    const int slot = m_aggregateOfColumn[std::size_t(index.column())];
    if (slot < 0 || slot >= int(found->aggregates.size()))
        return std::nullopt;
    return found->aggregates[std::size_t(slot)];
}

QModelIndex RunsTableModel::indexOfRun(const QString &runId, int column) const
{
    const auto found = m_nodeOfRun.find(runId.toStdString());
    if (found == m_nodeOfRun.end())
        return {};
    return createIndex(m_layout.nodes[std::size_t(found->second)].row, column,
                       quintptr(found->second));
}

QModelIndex RunsTableModel::indexOfRowKey(const QString &key) const
{
    if (!key.startsWith(groupRowPrefix))
        return indexOfRun(key);
    const int found = m_nodeOfGroup.value(key.mid(groupRowPrefix.size()), -1);
    return found < 0 ? QModelIndex()
                     : createIndex(m_layout.nodes[std::size_t(found)].row, 0, quintptr(found));
}

int RunsTableModel::tableOrder(const QModelIndex &index) const
{
    // Nodes are laid out depth first, a row before its children.
    return node(index) ? int(index.internalId()) : -1;
}

QModelIndex RunsTableModel::index(int row, int column, const QModelIndex &parent) const
{
    const std::vector<int> &children = childrenOf(parent);
    if (row < 0 || column < 0 || row >= int(children.size()) || column >= m_columns.size())
        return {};
    return createIndex(row, column, quintptr(children[std::size_t(row)]));
}

QModelIndex RunsTableModel::parent(const QModelIndex &child) const
{
    const RunsTableNode *entry = node(child);
    if (!entry || entry->parent < 0)
        return {};
    return createIndex(m_layout.nodes[std::size_t(entry->parent)].row, 0, quintptr(entry->parent));
}

int RunsTableModel::rowCount(const QModelIndex &parent) const
{
    return int(childrenOf(parent).size());
}

int RunsTableModel::columnCount(const QModelIndex &) const
{
    return int(m_columns.size());
}

bool RunsTableModel::hasChildren(const QModelIndex &parent) const
{
    return !childrenOf(parent).empty();
}

Qt::ItemFlags RunsTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    const RunColumn &column = m_columns[section];
    switch (role) {
    case Qt::DisplayRole:
        return column.kind == RunColumn::Kind::Marks ? QString() : column.header();
    case Qt::ToolTipRole:
        return column.kind == RunColumn::Kind::Marks ? tr("Pin a run to keep it on top; hide it "
                                                          "to leave it out of the charts")
                                                     : column.id();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(
            (isRightAligned(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    const RunsTableNode *entry = node(index);
    if (!entry || index.column() >= m_columns.size())
        return {};
    if (entry->kind == RunsTableNode::Kind::Group)
        return groupData(*entry, index.column(), role);
    return runData(m_snapshot->runs[entry->run], m_columns[index.column()], role);
}

QVariant RunsTableModel::runData(const track::RunRecord &run, const RunColumn &column,
                                 int role) const
{
    const track::RunInfo &info = run.info;
    const QString runId = QString::fromStdString(info.runId);
    switch (role) {
    case RunIdRole:
    case RowKeyRole:
        return runId;
    case PinnedRole:
        return m_options.pinned.contains(runId);
    case HiddenRole:
        return m_options.hidden.contains(runId);
    case Qt::ForegroundRole:
        if (info.deleted || m_options.hidden.contains(runId))
            return mutedTextColor(QGuiApplication::palette());
        return {};
    case Qt::FontRole:
        if (info.deleted) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (isRightAligned(column) ||
            (column.kind == RunColumn::Kind::Param && runNumber(run, column)))
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::DecorationRole:
        if (column.kind == RunColumn::Kind::Name)
            return runSwatch(runColor(runId));
        if (column.kind == RunColumn::Kind::Status)
            return m_statusIcons[toneIndex(runStatusTone(info.status))];
        return {};
    default:
        break;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != CopyRole)
        return {};

    switch (column.kind) {
    case RunColumn::Kind::Marks:
        return role == Qt::ToolTipRole ? tr("Pin (left) or hide (right) this run") : QVariant();
    case RunColumn::Kind::Name:
        if (role == Qt::ToolTipRole)
            return info.deleted ? tr("%1 (deleted)").arg(runId) : runId;
        return runText(run, column).value_or(QString());
    case RunColumn::Kind::Start:
        if (!info.startMs)
            return {};
        if (role == Qt::ToolTipRole)
            return describeRunStart(*info.startMs, nowMs());
        if (role == CopyRole)
            return QDateTime::fromMSecsSinceEpoch(*info.startMs).toString(Qt::ISODate);
        return formatRunStart(*info.startMs);
    case RunColumn::Kind::Duration: {
        if (!info.startMs)
            return {};
        const qint64 end = info.endMs.value_or(nowMs());
        if (role == CopyRole)
            return double(end - *info.startMs) / 1000.0;
        if (role == Qt::ToolTipRole && !info.endMs)
            return tr("Still running");
        return formatRunDuration(end - *info.startMs);
    }
    case RunColumn::Kind::Commit:
        if (role == Qt::DisplayRole)
            return shortCommit(info);
        if (role == Qt::ToolTipRole && info.gitCommit)
            return info.gitDirty.value_or(false) ? tr("%1 with uncommitted changes")
                                                       .arg(QString::fromStdString(*info.gitCommit))
                                                 : QString::fromStdString(*info.gitCommit);
        return info.gitCommit ? QString::fromStdString(*info.gitCommit) : QString();
    case RunColumn::Kind::Metric: {
        const auto found = run.latestMetrics.find(column.key.toStdString());
        if (found == run.latestMetrics.end())
            return {};
        const double value = found->second.value;
        if (role == Qt::DisplayRole)
            return formatNumber(value);
        if (role == Qt::ToolTipRole)
            return tr("%1 at step %2").arg(formatNumberFull(value)).arg(found->second.step);
        return formatNumberFull(value);
    }
    default:
        return runText(run, column).value_or(QString());
    }
}

QVariant RunsTableModel::groupData(const RunsTableNode &entry, int column, int role) const
{
    const RunsTableGroup &group = m_layout.groups[std::size_t(entry.group)];
    const RunColumn &kind = m_columns[column];
    if (role == Qt::FontRole) {
        QFont font;
        font.setBold(kind.kind == RunColumn::Kind::Name);
        return font;
    }
    if (role == Qt::TextAlignmentRole && isRightAligned(kind))
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != CopyRole &&
        role != RowKeyRole)
        return {};
    if (role == RowKeyRole)
        return groupRowPrefix + groupKey(group.members);
    const int count = int(group.members.runs.size());
    if (kind.kind == RunColumn::Kind::Name) {
        const QString value = group.members.missing ? tr("(none)") : group.members.value;
        const QString key = m_options.groupBy ? m_options.groupBy->header() : QString();
        return QStringLiteral("%1 = %2").arg(key, value);
    }
    if (kind.kind == RunColumn::Kind::Status)
        return count == 1 ? tr("1 run") : tr("%1 runs").arg(count);
    const int slot = m_aggregateOfColumn[std::size_t(column)];
    if (slot < 0 || !group.aggregates[std::size_t(slot)])
        return {};
    const MetricAggregate *summary = &*group.aggregates[std::size_t(slot)];
    if (role == Qt::DisplayRole)
        return QStringLiteral("%1 (%2–%3)")
            .arg(formatNumber(summary->mean, 3), formatNumber(summary->min, 3),
                 formatNumber(summary->max, 3));
    if (role == Qt::ToolTipRole)
        return tr("%1 of %2 runs\nmin %3\nmean %4\nmax %5")
            .arg(summary->count)
            .arg(count)
            .arg(formatNumberFull(summary->min), formatNumberFull(summary->mean),
                 formatNumberFull(summary->max));
    return QStringLiteral("%1/%2/%3")
        .arg(formatNumberFull(summary->min), formatNumberFull(summary->mean),
             formatNumberFull(summary->max));
}

} // namespace assay::ui
