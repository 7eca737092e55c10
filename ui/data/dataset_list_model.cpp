#include "data/dataset_list_model.h"

#include "common/format.h"
#include "common/theme.h"

#include <QGuiApplication>
#include <QIcon>

namespace assay::ui {

namespace {

const QIcon &trackedIcon()
{
    static const QIcon icon = statusDot(StatusTone::Ok, QGuiApplication::palette());
    return icon;
}

const QIcon &missingIcon()
{
    static const QIcon icon = statusDot(StatusTone::Warning, QGuiApplication::palette());
    return icon;
}

} // namespace

DatasetListModel::DatasetListModel(QObject *parent) : QAbstractTableModel(parent) {}

void DatasetListModel::setDatasets(std::vector<workspace::DatasetEntry> datasets)
{
    beginResetModel();
    m_datasets = std::move(datasets);
    endResetModel();
}

const workspace::DatasetEntry &DatasetListModel::dataset(int row) const
{
    return m_datasets.at(static_cast<std::size_t>(row));
}

int DatasetListModel::rowOf(const QString &relativePath) const
{
    const std::string key = relativePath.toStdString();
    for (std::size_t i = 0; i < m_datasets.size(); ++i) {
        if (m_datasets[i].relativePath == key)
            return static_cast<int>(i);
    }
    return -1;
}

int DatasetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_datasets.size());
}

int DatasetListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatasetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const workspace::DatasetEntry &entry = dataset(index.row());
    if (role == RelativePathRole)
        return QString::fromStdString(entry.relativePath);
    if (role == SizeBytesRole)
        return QVariant::fromValue<qulonglong>(entry.sizeBytes);

    switch (index.column()) {
    case PathColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return QString::fromStdString(entry.relativePath);
        return {};
    case SizeColumn:
        if (role == Qt::DisplayRole)
            return entry.presentInWorkspace ? formatBytes(entry.sizeBytes) : QStringLiteral("—");
        if (role == Qt::ToolTipRole)
            return tr("%1 bytes").arg(formatCount(entry.sizeBytes));
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case StatusColumn:
        return statusData(entry, role);
    default:
        return {};
    }
}

void DatasetListModel::setOutputStates(std::unordered_map<std::string, version::OutputState> states)
{
    m_states = std::move(states);
    if (!m_datasets.empty())
        emit dataChanged(index(0, StatusColumn), index(rowCount() - 1, StatusColumn));
}

QVariant DatasetListModel::statusData(const workspace::DatasetEntry &entry, int role) const
{
    const auto known = m_states.find(entry.relativePath);
    const auto state = known == m_states.end() ? version::OutputState::Unchanged : known->second;
    switch (role) {
    case Qt::DisplayRole:
        if (!entry.presentInWorkspace || state == version::OutputState::NotInWorkspace)
            return tr("not checked out");
        if (entry.tracked && state == version::OutputState::Modified)
            return tr("modified");
        if (entry.tracked && state == version::OutputState::NotInCache)
            return tr("not in cache");
        return entry.tracked ? tr("tracked") : tr("untracked");
    case Qt::DecorationRole:
        if (!entry.presentInWorkspace || (entry.tracked && state != version::OutputState::Unchanged))
            return missingIcon();
        return entry.tracked ? trackedIcon() : QVariant();
    case Qt::ForegroundRole:
        if (!entry.tracked)
            return QBrush(mutedTextColor(QGuiApplication::palette()));
        return {};
    case Qt::ToolTipRole:
        if (!entry.tracked)
            return tr("Not tracked: `assay data add %1` records it in the content store")
                .arg(QString::fromStdString(entry.relativePath));
        return tr("Tracked by %1.dvc (md5 %2)")
            .arg(QString::fromStdString(entry.relativePath), QString::fromStdString(entry.md5));
    default:
        return {};
    }
}

QVariant DatasetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PathColumn:
            return tr("Dataset");
        case SizeColumn:
            return tr("Size");
        case StatusColumn:
            return tr("Status");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == SizeColumn ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    return {};
}

} // namespace assay::ui
