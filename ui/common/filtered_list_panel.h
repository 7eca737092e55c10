#pragma once

#include <QString>
#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace assay::ui {

// An area's master list: a filter box (any column, case-insensitive) and a count over a
// sortable table (setUpListTable). Rows are known by the text of `keyRole` (a run id, a
// cache key); the panel remembers the selected key and emits currentChanged when it changes.
class FilteredListPanel : public QWidget {
    Q_OBJECT
public:
    struct Setup {
        int sortRole = 0;
        int keyRole = 0;
        QString settingsKey;                  // where TableActions keeps the columns
        QString filterName;                   // the filter box's object name
        QString placeholder;                  // "Filter models (Ctrl+F)"
        std::function<QString(int)> countText; // the label for `total` rows, all shown
    };

    FilteredListPanel(QAbstractItemModel *model, Setup setup, QWidget *parent = nullptr);

    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterBox() const { return m_filter; }
    QTableView *view() const { return m_view; }

    // Selects the row whose key is `key` (clearing a filter that hides it); false when the
    // list does not have it.
    bool select(const QString &key);
    void selectFirst();
    QString current() const { return m_current; }
    void focusFilter();

signals:
    void currentChanged(const QString &key);

protected:
    // Call after the model was reset: keeps the selection `previous` when it is still listed,
    // else tells that nothing is selected any more.
    void restoreSelection(const QString &previous);

private:
    void emitCurrent();
    void updateCount();

    QAbstractItemModel *m_model;
    Setup m_setup;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QTableView *m_view;
    QString m_current;
};

} // namespace assay::ui
