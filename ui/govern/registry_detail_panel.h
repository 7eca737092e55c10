#pragma once

#include "govern/model_registry.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace assay::ui {

class EmptyState;
class ModelVersionsModel;
class TransitionsModel;

// The registry's detail: the selected model's versions (stage, aliases, run, created, by) and
// the selected version's transition history, with Promote… and Set Alias… for that version.
// The panel only shows; the area runs the dialogs (promoteRequested, aliasRequested).
class RegistryDetailPanel : public QWidget {
    Q_OBJECT
public:
    explicit RegistryDetailPanel(QWidget *parent = nullptr);

    // Shows `model` with its history, keeping the selected version when it still exists
    // (else the newest one).
    void showModel(const govern::RegisteredModel &model, std::vector<govern::Transition> history);
    void showMessage(const QString &title, const QString &body);
    QString shownModel() const { return m_shownModel; }

    bool selectVersion(int version);
    // The selected version's number, or 0.
    int currentVersion() const;

    ModelVersionsModel *versions() const { return m_versions; }
    TransitionsModel *history() const { return m_history; }
    QTableView *versionTable() const { return m_versionTable; }
    QPushButton *promoteButton() const { return m_promote; }

signals:
    void currentVersionChanged(int version);
    void promoteRequested(int version);
    void aliasRequested(int version);
    void exportRequested(int version);

private:
    void showHistoryOfCurrent();

    QStackedWidget *m_stack;
    EmptyState *m_empty;
    QLabel *m_title;
    QLabel *m_description;
    QPushButton *m_promote;
    QPushButton *m_alias;
    QPushButton *m_export;
    ModelVersionsModel *m_versions;
    QSortFilterProxyModel *m_versionProxy;
    QTableView *m_versionTable;
    QLabel *m_historyTitle;
    TransitionsModel *m_history;
    QTableView *m_historyTable;
    std::vector<govern::Transition> m_allHistory;
    QString m_shownModel;
};

} // namespace assay::ui
