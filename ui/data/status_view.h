#pragma once

#include "version/data_status.h"

#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace assay::ui {

class EmptyState;
class StatusModel;

// The Status tab: which tracked data changed or went missing, which table files are not
// tracked yet, and the two steps that record a new version: Add (track the file's current
// content in the cache and its `.dvc` pointer) and Commit (commit the changed pointers).
class StatusView : public QWidget {
    Q_OBJECT
public:
    explicit StatusView(QWidget *parent = nullptr);

    void showLoading();
    void showError(const QString &message);
    // `changedPointers`: `.dvc`/.gitignore files that differ from HEAD (what Commit commits).
    void setStatus(const version::StatusReport &report, const std::vector<std::string> &untracked,
                   std::vector<std::string> changedPointers);
    // Selects the row of `relativePath` when it is listed.
    void selectDataset(const QString &relativePath);
    // While an Add or Commit runs, both wait.
    void setBusy(bool busy);

    StatusModel *model() const { return m_model; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *commitButton() const { return m_commit; }
    QString summaryText() const;
    bool isShowingStatus() const;

    // Asks for the commit message, then emits commitRequested().
    void askToCommit();

signals:
    void addRequested(const QString &relativePath);
    void commitRequested(const QString &message);
    void refreshRequested();

private:
    QString selectedPath() const;
    void updateButtons();

    QStackedWidget *m_stack;
    EmptyState *m_message;
    QWidget *m_page;
    QLabel *m_summary;
    QTableView *m_view;
    StatusModel *m_model;
    QPushButton *m_add;
    QPushButton *m_commit;
    QPushButton *m_refresh;
    std::vector<std::string> m_changedPointers;
    bool m_busy = false;
};

} // namespace assay::ui
