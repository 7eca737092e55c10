#include "explain/explained_rows_model.h"

#include "common/format.h"
#include "explain/feature_value_text.h"

#include <cmath>
#include <limits>

namespace assay::ui {

ExplainedRowsModel::ExplainedRowsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ExplainedRowsModel::setRows(const std::vector<std::size_t> &rowIds,
                                 const model::FeatureMatrix &x, std::vector<double> outputs,
                                 const QString &outputTitle)
{
    beginResetModel();
    m_rowIds = &rowIds;
    m_x = &x;
    m_outputs = std::move(outputs);
    m_outputs.resize(rowIds.size(), std::nan(""));
    m_outputTitle = outputTitle;
    endResetModel();
}

void ExplainedRowsModel::clear()
{
    beginResetModel();
    m_rowIds = nullptr;
    m_x = nullptr;
    m_outputs.clear();
    endResetModel();
}

int ExplainedRowsModel::rowOfId(std::size_t rowId) const
{
    if (!m_rowIds)
        return -1;
    const auto &ids = *m_rowIds;
    for (std::size_t row = 0; row < ids.size(); ++row) {
        if (ids[row] == rowId)
            return int(row);
    }
    return -1;
}

int ExplainedRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_rowIds ? 0 : int(m_rowIds->size());
}

int ExplainedRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_x ? 0 : kFirstFeatureColumn + int(m_x->columns());
}

double ExplainedRowsModel::numberAt(int row, int column) const
{
    const auto r = std::size_t(row);
    if (column == kRowIdColumn)
        return double((*m_rowIds)[r]);
    if (column == kOutputColumn)
        return m_outputs[r];
    return m_x->at(r, std::size_t(column - kFirstFeatureColumn));
}

QVariant ExplainedRowsModel::data(const QModelIndex &index, int role) const
{
    if (!m_x || !index.isValid())
        return {};
    const int row = index.row();
    const int column = index.column();
    const double number = numberAt(row, column);
    switch (role) {
    case Qt::DisplayRole:
    case SearchRole:
        if (column == kRowIdColumn)
            return QString::number((*m_rowIds)[std::size_t(row)]);
        if (column == kOutputColumn)
            return formatNumber(number);
        return featureValueText(m_x->features[std::size_t(column - kFirstFeatureColumn)], number);
    case Qt::ToolTipRole:
        return std::isnan(number) ? QVariant() : QVariant(formatNumberFull(number));
    case SortRole:
        // Missing values sort after every number, in both directions' first screen.
        return std::isnan(number) ? std::numeric_limits<double>::max() : number;
    case RowIndexRole:
        return row;
    case Qt::TextAlignmentRole: {
        const bool text = column >= kFirstFeatureColumn &&
                          m_x->features[std::size_t(column - kFirstFeatureColumn)].kind ==
                              model::FeatureKind::Categorical;
        return QVariant::fromValue(Qt::AlignVCenter | (text ? Qt::AlignLeft : Qt::AlignRight));
    }
    default:
        return {};
    }
}

QVariant ExplainedRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || !m_x)
        return {};
    if (section == kRowIdColumn)
        return tr("Row");
    if (section == kOutputColumn)
        return m_outputTitle;
    return featureName(m_x->features[std::size_t(section - kFirstFeatureColumn)]);
}

} // namespace assay::ui
