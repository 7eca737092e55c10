#pragma once

#include <QSortFilterProxyModel>

namespace assay::ui {

// The Local tab's row search: a whole number matches the row with that id and the rows where
// a cell shows exactly that number; other text matches any cell whose shown text contains it,
// case-insensitive.
// Sorts on ExplainedRowsModel::SortRole.
class RowSearchProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RowSearchProxy(QObject *parent = nullptr);

    void setSearch(const QString &text);
    QString search() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    bool m_isId = false;
};

} // namespace assay::ui
