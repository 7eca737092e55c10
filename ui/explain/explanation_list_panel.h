#pragma once

#include "explain/explanation_store.h"

#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace assay::ui {

class ExplanationListModel;

// The Explain area's master list: a filter box (any column, case-insensitive) over the
// sortable table of cached explanations. Emits currentChanged with the selected one's key.
class ExplanationListPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExplanationListPanel(QWidget *parent = nullptr);

    // Replaces the rows, keeping the selection when it is still listed.
    void setEntries(std::vector<explain::ExplanationEntry> entries);
    ExplanationListModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterBox() const { return m_filter; }
    QTableView *view() const { return m_view; }

    bool select(const QString &key);
    void selectFirst();
    QString current() const { return m_current; }
    void focusFilter();

signals:
    void currentChanged(const QString &key);

private:
    void emitCurrent();
    void updateCount();

    ExplanationListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QTableView *m_view;
    QString m_current;
};

} // namespace assay::ui
