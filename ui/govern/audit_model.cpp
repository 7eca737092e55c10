#include "govern/audit_model.h"

#include "common/format.h"
#include "common/theme.h"

#include <QDateTime>
#include <QGuiApplication>

#include <algorithm>
#include <set>

namespace assay::ui {

namespace {

QDateTime parseAuditTime(const std::string &isoTime)
{
    return QDateTime::fromString(QString::fromStdString(isoTime), Qt::ISODateWithMs);
}

} // namespace

QString localAuditTime(const std::string &isoTime)
{
    const QDateTime time = parseAuditTime(isoTime);
    if (!time.isValid())
        return QString::fromStdString(isoTime);
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

AuditModel::AuditModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditModel::setEntries(std::vector<govern::AuditEntry> entries)
{
    std::sort(entries.begin(), entries.end(),
              [](const auto &a, const auto &b) { return a.seq > b.seq; });
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

const govern::AuditEntry *AuditModel::entry(qlonglong seq) const
{
    for (const govern::AuditEntry &candidate : m_entries) {
        if (candidate.seq == seq)
            return &candidate;
    }
    return nullptr;
}

QStringList AuditModel::actionAreas() const
{
    std::set<QString> areas;
    for (const govern::AuditEntry &entry : m_entries)
        areas.insert(QString::fromStdString(entry.action).section(u'.', 0, 0));
    return {areas.begin(), areas.end()};
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeqColumn:
        return tr("Seq");
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor");
    case ActionColumn:
        return tr("Action");
    case ObjectColumn:
        return tr("Object");
    case OutcomeColumn:
        return tr("Outcome");
    default:
        return {};
    }
}

QVariant AuditModel::displayText(const govern::AuditEntry &entry, int column) const
{
    switch (column) {
    case SeqColumn:
        return qlonglong(entry.seq);
    case TimeColumn:
        return localAuditTime(entry.time);
    case ActorColumn:
        return QString::fromStdString(entry.actor);
    case ActionColumn:
        return QString::fromStdString(entry.action);
    case ObjectColumn:
        return QString::fromStdString(entry.object);
    case OutcomeColumn:
        return QString::fromStdString(entry.outcome);
    default:
        return {};
    }
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const govern::AuditEntry &entry = m_entries[std::size_t(index.row())];
    const int column = index.column();
    const bool refused = entry.outcome == "refused";
    switch (role) {
    case Qt::DisplayRole:
        return displayText(entry, column);
    case SortRole:
        if (column == TimeColumn)
            return qlonglong(entry.seq); // the chain's order is the time order
        return displayText(entry, column);
    case SeqRole:
        return qlonglong(entry.seq);
    case Qt::TextAlignmentRole:
        if (column == SeqColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        if (column == OutcomeColumn)
            return statusDot(refused ? StatusTone::Failed : StatusTone::Ok,
                             QGuiApplication::palette());
        return {};
    case Qt::ForegroundRole:
        if (refused && (column == OutcomeColumn || column == ActionColumn))
            return statusColor(StatusTone::Failed, QGuiApplication::palette());
        return {};
    case Qt::ToolTipRole:
        if (column == TimeColumn) {
            const QDateTime time = parseAuditTime(entry.time);
            if (!time.isValid())
                return {};
            return QStringLiteral("%1 (%2)").arg(
                QString::fromStdString(entry.time),
                formatRelativeTime(time.toSecsSinceEpoch(),
                                   QDateTime::currentSecsSinceEpoch()));
        }
        if (column == ObjectColumn)
            return QString::fromStdString(entry.object);
        return {};
    default:
        return {};
    }
}

AuditFilterProxy::AuditFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AuditModel::SortRole);
}

void AuditFilterProxy::setText(const QString &text)
{
    m_text = text;
    invalidateFilter();
}

void AuditFilterProxy::setActionPrefix(const QString &prefix)
{
    m_prefix = prefix;
    invalidateFilter();
}

bool AuditFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!m_prefix.isEmpty() &&
        !model->index(sourceRow, AuditModel::ActionColumn, sourceParent)
             .data()
             .toString()
             .startsWith(m_prefix))
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        if (model->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace assay::ui
