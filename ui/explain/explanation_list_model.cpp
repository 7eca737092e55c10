#include "explain/explanation_list_model.h"

#include "common/format.h"
#include "explain/explanation_details.h"
#include "runs/run_palette.h"
#include "runs/run_swatch.h"

#include <QDateTime>

#include <algorithm>
#include <map>

namespace assay::ui {

QString modelLabel(const std::string &modelName, const std::string &runId)
{
    if (!runId.empty() && (modelName.empty() || modelName == runId))
        return QString::fromStdString(runId).left(8);
    return QString::fromStdString(modelName);
}

ExplanationListModel::ExplanationListModel(QObject *parent) : QAbstractTableModel(parent) {}

void ExplanationListModel::setEntries(std::vector<explain::ExplanationEntry> entries)
{
    // Group by model: each model ranks by its newest explanation.
    std::map<std::string, std::int64_t> newestOfModel;
    for (const auto &entry : entries) {
        auto &newest = newestOfModel[entry.modelMd5];
        newest = std::max(newest, entry.createdMs);
    }
    std::stable_sort(entries.begin(), entries.end(), [&](const auto &a, const auto &b) {
        const std::int64_t groupA = newestOfModel[a.modelMd5], groupB = newestOfModel[b.modelMd5];
        if (groupA != groupB)
            return groupA > groupB;
        if (a.modelMd5 != b.modelMd5)
            return a.modelMd5 < b.modelMd5;
        return a.createdMs > b.createdMs;
    });
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int ExplanationListModel::rowOf(const QString &key) const
{
    const std::string wanted = key.toStdString();
    for (std::size_t row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].key == wanted)
            return int(row);
    }
    return -1;
}

const explain::ExplanationEntry *ExplanationListModel::entryOf(const QString &key) const
{
    const int row = rowOf(key);
    return row < 0 ? nullptr : &m_entries[std::size_t(row)];
}

int ExplanationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ExplanationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExplanationListModel::displayText(const explain::ExplanationEntry &entry, int column) const
{
    switch (column) {
    case ModelColumn:
        return modelLabel(entry.modelName, entry.runId);
    case MethodColumn:
        // The narrow list's name for the method; the detail panel's title spells it out.
        return entry.method == explain::ExplainMethod::Permutation ? tr("Permutation")
               : entry.method == explain::ExplainMethod::PartialDependence
                   ? tr("PDP / ICE")
                   : QString::fromUtf8(explain::methodTitle(entry.method));
    case DetailsColumn:
        return explanationDetails(entry);
    case DataColumn:
        return QString::fromStdString(entry.dataName);
    case RowsColumn:
        return formatCount(entry.rows);
    case CreatedColumn:
        return QDateTime::fromMSecsSinceEpoch(entry.createdMs)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    default:
        return {};
    }
}

QVariant ExplanationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const explain::ExplanationEntry &entry = m_entries[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(entry, column);
    case SortRole:
        if (column == RowsColumn)
            return qulonglong(entry.rows);
        if (column == CreatedColumn)
            return qlonglong(entry.createdMs);
        return displayText(entry, column);
    case KeyRole:
        return QString::fromStdString(entry.key);
    case Qt::DecorationRole:
        if (column == ModelColumn && !entry.runId.empty())
            return runSwatch(runColor(QString::fromStdString(entry.runId)));
        return {};
    case Qt::ToolTipRole:
        if (column == ModelColumn)
            return QString::fromStdString(entry.modelName);
        if (column == CreatedColumn)
            return formatRelativeTime(entry.createdMs / 1000, QDateTime::currentSecsSinceEpoch());
        return displayText(entry, column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignVCenter |
                                   (column == RowsColumn ? Qt::AlignRight : Qt::AlignLeft));
    default:
        return {};
    }
}

QVariant ExplanationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ModelColumn:
        return tr("Model");
    case MethodColumn:
        return tr("Method");
    case DetailsColumn:
        return tr("Details");
    case DataColumn:
        return tr("Data");
    case RowsColumn:
        return tr("Rows");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace assay::ui
