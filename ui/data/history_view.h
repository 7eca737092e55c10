#pragma once

#include "version/dataset_history.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QModelIndex;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace assay::ui {

class EmptyState;
class HistoryModel;

// The History tab: the versions of the selected tracked dataset, newest first, under its
// working copy. Selecting two rows and pressing Compare (or double-clicking a version,
// which compares it with the version before) asks for a diff.
class HistoryView : public QWidget {
    Q_OBJECT
public:
    explicit HistoryView(QWidget *parent = nullptr);

    void showMessage(const QString &title, const QString &body);
    void showLoading(const QString &relativePath);
    void showError(const QString &message);
    void setVersions(std::vector<version::DatasetVersion> versions,
                     std::optional<std::uint64_t> workingCopySize);

    HistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *compareButton() const { return m_compare; }
    EmptyState *message() const { return m_message; }
    bool isShowingVersions() const;
    // Selects these rows of the model (for tests and --view).
    void selectRows(const QList<int> &rows);

signals:
    // Two rows of model(): the older one first. Commit ids are empty for the working copy.
    void compareRequested(const QString &olderCommit, const QString &newerCommit);

private:
    QList<int> selectedRows() const;
    // The model row of an index of the (sorted) view.
    int sourceRow(const QModelIndex &viewIndex) const;
    void updateCompareButton();
    void compareSelected();
    void compareWithPrevious(int row);

    QStackedWidget *m_stack;
    EmptyState *m_message;
    QWidget *m_page;
    QTableView *m_view;
    HistoryModel *m_model;
    QLabel *m_hint;
    QPushButton *m_compare;
};

} // namespace assay::ui
