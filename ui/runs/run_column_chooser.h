#pragma once

#include "runs/run_column.h"

#include <QFrame>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace assay::ui {

struct RunsSnapshot;

// The searchable column chooser of the runs table: a popup with a search line and every
// param, metric and tag key of the snapshot as a checkable item under its group. Each
// change is applied at once through columnsChanged().
class RunColumnChooser : public QFrame {
    Q_OBJECT
public:
    RunColumnChooser(const RunsSnapshot &snapshot, const QList<RunColumn> &chosen,
                     QWidget *parent = nullptr);

    // Chosen columns: those chosen before in their order, then new ones in list order.
    QList<RunColumn> chosen() const;
    void setSearch(const QString &text);
    QLineEdit *searchBox() const { return m_search; }
    QTreeWidget *keyList() const { return m_keys; }
    // Shows the popup under `anchor`, the search line focused.
    void popUpBelow(QWidget *anchor);

signals:
    void columnsChanged(const QList<RunColumn> &columns);
    void defaultRequested();

private:
    void addGroup(const QString &title, RunColumn::Kind kind, const QStringList &keys);
    void applySearch();
    void onItemChanged(QTreeWidgetItem *item);

    QLineEdit *m_search;
    QTreeWidget *m_keys;
    QList<RunColumn> m_initial;
    QList<RunColumn> m_chosen;
    bool m_filling = false;
    bool m_changePending = false;
};

} // namespace assay::ui
