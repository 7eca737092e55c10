#pragma once

#include <QString>

class QAbstractItemModel;
class QSortFilterProxyModel;
class QTableView;

namespace assay::ui {

// Gives a small table of the workbench its usual look and habits: sortable by a header click
// through a proxy on `sortRole` (the model's own order until then), whole-row selection, no
// grid, alternating rows, no row numbers, left-aligned headers, the column chooser and CSV
// export (TableActions under `key`). Returns the proxy, parented to the view.
QSortFilterProxyModel *setUpListTable(QTableView *view, QAbstractItemModel *model, int sortRole,
                                      const QString &key);

} // namespace assay::ui
