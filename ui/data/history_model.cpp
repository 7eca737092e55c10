#include "data/history_model.h"

#include "common/format.h"
#include "common/theme.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>

namespace assay::ui {

namespace {
constexpr int shortCommitLength = 7;
} // namespace

QString versionShapeText(const version::DatasetVersion &version)
{
    if (!version.rows)
        return {};
    if (!version.columns)
        return QStringLiteral("%1 rows").arg(formatCount(*version.rows));
    return QStringLiteral("%1 × %2").arg(formatCount(*version.rows), formatCount(*version.columns));
}

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent), m_muted(mutedTextColor(QGuiApplication::palette()))
{
}

void HistoryModel::setVersions(std::vector<version::DatasetVersion> versions,
                               std::optional<std::uint64_t> workingCopySize)
{
    beginResetModel();
    m_versions = std::move(versions);
    m_workingCopySize = workingCopySize;
    endResetModel();
}

const version::DatasetVersion *HistoryModel::version(int row) const
{
    const int index = hasWorkingCopy() ? row - 1 : row;
    if (index < 0 || index >= static_cast<int>(m_versions.size()))
        return nullptr;
    return &m_versions[static_cast<std::size_t>(index)];
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return static_cast<int>(m_versions.size()) + (hasWorkingCopy() ? 1 : 0);
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() == SizeColumn || index.column() == ShapeColumn;
        return QVariant::fromValue((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (isWorkingCopy(index.row()))
        return workingCopyData(index.column(), role);
    return versionData(*version(index.row()), index.column(), role);
}

QVariant HistoryModel::versionData(const version::DatasetVersion &version, int column,
                                   int role) const
{
    if (role == CommitRole)
        return QString::fromStdString(version.commit);
    if (role == Qt::FontRole && column == CommitColumn)
        return QFont(QStringLiteral("monospace"));
    const QDateTime time = QDateTime::fromSecsSinceEpoch(version.time);
    switch (column) {
    case DateColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(time, QStringLiteral("yyyy-MM-dd HH:mm"));
        if (role == Qt::ToolTipRole) {
            const std::int64_t now = m_now ? m_now : QDateTime::currentSecsSinceEpoch();
            return formatRelativeTime(version.time, now);
        }
        if (role == RawValueRole)
            return QVariant::fromValue<qint64>(version.time);
        return {};
    case AuthorColumn:
        if (role == Qt::DisplayRole || role == RawValueRole)
            return QString::fromStdString(version.author);
        if (role == Qt::ToolTipRole)
            return QStringLiteral("%1 <%2>").arg(QString::fromStdString(version.author),
                                                 QString::fromStdString(version.email));
        return {};
    case MessageColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == RawValueRole)
            return QString::fromStdString(version.message);
        return {};
    case SizeColumn:
        if (role == Qt::DisplayRole)
            return formatBytes(version.size);
        if (role == Qt::ToolTipRole)
            return tr("%1 bytes · md5 %2")
                .arg(formatCount(version.size), QString::fromStdString(version.md5));
        if (role == RawValueRole)
            return QVariant::fromValue<qulonglong>(version.size);
        return {};
    case ShapeColumn:
        if (role == Qt::DisplayRole)
            return version.rows ? versionShapeText(version) : QStringLiteral("—");
        if (role == Qt::ToolTipRole)
            return version.rows ? tr("%1 rows × %2 columns")
                                      .arg(formatCount(*version.rows))
                                      .arg(version.columns ? formatCount(*version.columns)
                                                           : QStringLiteral("?"))
                                : tr("Not read yet: compare or open this version to count it");
        if (role == RawValueRole)
            return QVariant::fromValue<qulonglong>(version.rows.value_or(0));
        if (role == Qt::ForegroundRole && !version.rows)
            return m_muted;
        return {};
    case CommitColumn:
        if (role == Qt::DisplayRole || role == RawValueRole)
            return QString::fromStdString(version.commit.substr(0, shortCommitLength));
        if (role == Qt::ToolTipRole)
            return QString::fromStdString(version.commit);
        return {};
    default:
        return {};
    }
}

QVariant HistoryModel::workingCopyData(int column, int role) const
{
    if (role == CommitRole)
        return QString();
    if (role == Qt::FontRole) {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    if (role == Qt::ForegroundRole)
        return m_muted;
    switch (column) {
    case DateColumn:
        if (role == Qt::DisplayRole || role == RawValueRole)
            return tr("working copy");
        if (role == Qt::ToolTipRole)
            return tr("The file as it is on disk now, committed or not");
        return {};
    case MessageColumn:
        if (role == Qt::DisplayRole)
            return tr("(the file on disk)");
        return {};
    case SizeColumn:
        if (role == Qt::DisplayRole)
            return formatBytes(*m_workingCopySize);
        if (role == Qt::ToolTipRole)
            return tr("%1 bytes").arg(formatCount(*m_workingCopySize));
        if (role == RawValueRole)
            return QVariant::fromValue<qulonglong>(*m_workingCopySize);
        return {};
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole) {
        const bool number = section == SizeColumn || section == ShapeColumn;
        return QVariant::fromValue((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case AuthorColumn:
        return tr("Author");
    case MessageColumn:
        return tr("Message");
    case SizeColumn:
        return tr("Size");
    case ShapeColumn:
        return tr("Rows × columns");
    case CommitColumn:
        return tr("Commit");
    default:
        return {};
    }
}

} // namespace assay::ui
