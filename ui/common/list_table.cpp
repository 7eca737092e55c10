#include "common/list_table.h"

#include "common/table_actions.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace assay::ui {

QSortFilterProxyModel *setUpListTable(QTableView *view, QAbstractItemModel *model, int sortRole,
                                      const QString &key)
{
    view->setObjectName(key);
    auto *sorted = new QSortFilterProxyModel(view);
    sorted->setSourceModel(model);
    sorted->setSortRole(sortRole);
    view->setModel(sorted);
    QHeaderView *header = view->horizontalHeader();
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setSortIndicatorClearable(true);
    view->setSortingEnabled(true);
    TableActions::install(view, key, Qt::DisplayRole);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    return sorted;
}

} // namespace assay::ui
