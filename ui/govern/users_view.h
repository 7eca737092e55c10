#pragma once

#include "govern/access_control.h"

#include <QWidget>

#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace assay::workspace {
class Workspace;
}

namespace assay::ui {

class EmptyState;
class JobRunner;
class UsersModel;

// Users and roles. Admins add users, change roles and remove users (govern::addUser,
// setUserRole, removeUser on the job runner, asking for the password); everyone else sees the
// table read-only with a line naming who may change it. While the workspace has no users
// (access control off) an empty state says so and offers Add First Admin….
class UsersView : public QWidget {
    Q_OBJECT
public:
    explicit UsersView(QWidget *parent = nullptr);

    void setContext(JobRunner *jobs, std::filesystem::path root);
    // `me`: the user the session acts as; `sessionUser`: its login.
    void setUsers(std::vector<govern::User> users, std::optional<govern::User> me,
                  const QString &sessionUser);

    UsersModel *model() const { return m_model; }
    bool isReadOnly() const;
    bool isShowingEmptyState() const;
    QString permissionText() const;
    // The last refusal or error shown ("" after a success).
    const QString &lastError() const { return m_lastError; }

    // What the buttons do, for the selected user where it applies.
    void addUser(bool firstAdmin);
    void changeRole();
    void removeSelected();

signals:
    void usersChanged();

private:
    QString selectedUser() const;
    void runManage(const QString &title, std::function<Status(workspace::Workspace &)> work);
    void showError(const QString &message);

    JobRunner *m_jobs = nullptr;
    std::filesystem::path m_root;
    UsersModel *m_model;
    QStackedWidget *m_stack;
    QLabel *m_permission;
    QPushButton *m_add;
    QPushButton *m_role;
    QPushButton *m_remove;
    QTableView *m_table;
    EmptyState *m_empty;
    QString m_sessionUser;
    bool m_mayManage = false;
    QString m_lastError;
};

} // namespace assay::ui
