#include "common/tsv.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <algorithm>

namespace assay::ui {

QString selectionToTsv(const QModelIndexList &selection, int role)
{
    if (selection.isEmpty())
        return {};
    int top = selection.first().row(), bottom = top;
    int left = selection.first().column(), right = left;
    for (const QModelIndex &index : selection) {
        top = std::min(top, index.row());
        bottom = std::max(bottom, index.row());
        left = std::min(left, index.column());
        right = std::max(right, index.column());
    }
    const int width = right - left + 1;
    QList<QStringList> grid(bottom - top + 1, QStringList(width));
    for (const QModelIndex &index : selection) {
        QString value = index.data(role).toString();
        value.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
        grid[index.row() - top][index.column() - left] = value;
    }
    QString text;
    for (const QStringList &row : std::as_const(grid)) {
        text += row.join(u'\t');
        text += u'\n';
    }
    return text;
}

} // namespace assay::ui
