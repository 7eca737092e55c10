#include "explain/row_search_proxy.h"

#include "explain/explained_rows_model.h"

namespace assay::ui {

RowSearchProxy::RowSearchProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ExplainedRowsModel::SortRole);
}

void RowSearchProxy::setSearch(const QString &text)
{
    m_search = text.trimmed();
    m_search.toULongLong(&m_isId);
    invalidateRowsFilter();
}

bool RowSearchProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_search.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    const QString id = model->index(sourceRow, ExplainedRowsModel::kRowIdColumn, sourceParent)
                           .data(ExplainedRowsModel::SearchRole)
                           .toString();
    if (m_isId && id == m_search)
        return true;
    for (int column = ExplainedRowsModel::kOutputColumn; column < model->columnCount(sourceParent);
         ++column) {
        const QString text = model->index(sourceRow, column, sourceParent)
                                 .data(ExplainedRowsModel::SearchRole)
                                 .toString();
        if (m_isId ? text == m_search : text.contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace assay::ui
