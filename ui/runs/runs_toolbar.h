#pragma once

#include "runs/run_column.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QToolButton;

namespace assay::ui {

class RunFilterBox;
struct RunsSnapshot;

// The Runs area's toolbar: experiment picker, filter box, run count, column chooser
// button, group-by picker, the show hidden / show deleted toggles and a menu of the rest.
// Below it, a line that appears while the filter does not parse.
class RunsToolbar : public QWidget {
    Q_OBJECT
public:
    explicit RunsToolbar(QWidget *parent = nullptr);

    // Fills the experiment and group-by pickers and the filter's completion, keeping the
    // current choices when the snapshot still has them.
    void setSnapshot(const RunsSnapshot &snapshot);
    void setCounts(int inScope, int shown);

    RunFilterBox *filterBox() const { return m_filter; }
    QComboBox *experimentPicker() const { return m_experiment; }
    QComboBox *groupByPicker() const { return m_groupBy; }
    QToolButton *columnsButton() const { return m_columns; }
    QToolButton *showHiddenButton() const { return m_showHidden; }
    QToolButton *showDeletedButton() const { return m_showDeleted; }
    QLabel *countLabel() const { return m_count; }
    QLabel *errorLabel() const { return m_error; }

    QString experiment() const; // empty: every experiment
    std::optional<RunColumn> groupBy() const;
    // Chooses the group-by field by id ("params.lr"); false when the picker lacks it.
    bool setGroupBy(const QString &columnId);

signals:
    void experimentChanged(const QString &experiment);
    void groupByChanged(std::optional<RunColumn> column);
    void columnsRequested();
    void showHiddenToggled(bool show);
    void showDeletedToggled(bool show);
    void importRequested();
    void exportRequested();
    void refreshRequested();

private:
    QComboBox *m_experiment;
    RunFilterBox *m_filter;
    QLabel *m_count;
    QToolButton *m_columns;
    QComboBox *m_groupBy;
    QToolButton *m_showHidden;
    QToolButton *m_showDeleted;
    QToolButton *m_more;
    QLabel *m_error;
    QString m_pendingGroupBy; // restored before the snapshot had the key
};

} // namespace assay::ui
