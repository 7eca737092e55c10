#include "govern/users_view.h"

#include "common/empty_state.h"
#include "common/list_table.h"
#include "common/theme.h"
#include "govern/add_user_dialog.h"
#include "govern/governed_call.h"
#include "govern/users_model.h"
#include "workspace/workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

UsersView::UsersView(QWidget *parent)
    : QWidget(parent), m_model(new UsersModel(this)), m_stack(new QStackedWidget(this)),
      m_permission(new QLabel), m_add(new QPushButton(tr("Add User…"))),
      m_role(new QPushButton(tr("Change Role…"))), m_remove(new QPushButton(tr("Remove…"))),
      m_table(new QTableView), m_empty(new EmptyState)
{
    setUpListTable(m_table, m_model, UsersModel::SortRole, QStringLiteral("usersTable"));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (const int column : {int(UsersModel::NameColumn), int(UsersModel::LoginColumn)})
        m_table->setColumnWidth(column, 130);
    m_table->setColumnWidth(UsersModel::CreatedColumn, 130);
    m_permission->setObjectName(QStringLiteral("usersPermission"));
    m_permission->setWordWrap(true);
    m_add->setObjectName(QStringLiteral("addUser"));
    m_role->setObjectName(QStringLiteral("changeRole"));
    m_remove->setObjectName(QStringLiteral("removeUser"));

    auto *page = new QWidget;
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_permission, 1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_role);
    buttons->addWidget(m_remove);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addLayout(buttons);
    pageLayout->addWidget(m_table, 1);
    m_stack->addWidget(page);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_empty->setContent(
        tr("Access control is off"),
        tr("This workspace has no users yet, so everyone may do everything — change data, "
           "promote models, edit cards. Adding a first admin turns access control on: from then "
           "on every change is checked against the users' roles.\n"
           "From the command line: `assay users add NAME --role admin`"));
    connect(m_empty->addButton(tr("Add First Admin…")), &QPushButton::clicked, this,
            [this] { addUser(true); });
    connect(m_add, &QPushButton::clicked, this, [this] { addUser(false); });
    connect(m_role, &QPushButton::clicked, this, &UsersView::changeRole);
    connect(m_remove, &QPushButton::clicked, this, &UsersView::removeSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_role->setEnabled(m_mayManage && !selectedUser().isEmpty());
        m_remove->setEnabled(m_mayManage && !selectedUser().isEmpty());
    });
}

void UsersView::setContext(JobRunner *jobs, std::filesystem::path root)
{
    m_jobs = jobs;
    m_root = std::move(root);
}

void UsersView::setUsers(std::vector<govern::User> users, std::optional<govern::User> me,
                         const QString &sessionUser)
{
    m_sessionUser = sessionUser;
    const bool accessControlOn = !users.empty();
    m_mayManage = !accessControlOn || (me && me->role == govern::Role::Admin);
    QStringList admins;
    for (const govern::User &user : users) {
        if (user.role == govern::Role::Admin && !user.disabled)
            admins << QString::fromStdString(user.name);
    }
    m_model->setUsers(std::move(users));
    m_stack->setCurrentIndex(accessControlOn ? 0 : 1);
    m_add->setVisible(m_mayManage);
    m_role->setVisible(m_mayManage);
    m_remove->setVisible(m_mayManage);
    m_role->setEnabled(m_mayManage && !selectedUser().isEmpty());
    m_remove->setEnabled(m_mayManage && !selectedUser().isEmpty());
    const QString who = me ? tr("You act as %1 (%2).")
                                 .arg(QString::fromStdString(me->name),
                                      QString::fromUtf8(govern::roleName(me->role)))
                           : tr("Your login %1 is not a user here: you act as a viewer.")
                                 .arg(sessionUser);
    m_permission->setText(
        m_mayManage ? who + u' ' + tr("As an admin you may add users, change roles and remove users.")
                    : who + u' ' + tr("Only admins may change users and roles: %1.")
                                      .arg(admins.join(QStringLiteral(", "))));
}

bool UsersView::isReadOnly() const
{
    return !m_mayManage;
}

bool UsersView::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString UsersView::permissionText() const
{
    return m_permission->text();
}

QString UsersView::selectedUser() const
{
    return m_table->currentIndex().data(UsersModel::NameRole).toString();
}

void UsersView::showError(const QString &message)
{
    m_lastError = message;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Users"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void UsersView::runManage(const QString &title, std::function<Status(workspace::Workspace &)> work)
{
    GovernedCall call{.jobs = m_jobs,
                      .receiver = this,
                      .dialogParent = this,
                      .root = m_root,
                      .action = govern::Action::ManageUsers,
                      .accessControlOn = m_model->rowCount() > 0,
                      .title = title,
                      .work = std::move(work),
                      .done = [this](const Status &status) {
                          if (!status.ok()) {
                              showError(QString::fromStdString(status.error().message));
                              return;
                          }
                          m_lastError.clear();
                          emit usersChanged();
                      }};
    call.start();
}

void UsersView::addUser(bool firstAdmin)
{
    if (!m_jobs)
        return;
    AddUserDialog dialog(firstAdmin, m_sessionUser, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const govern::User user = dialog.user();
    const auto password = dialog.password();
    if (firstAdmin && password && user.osUser.value_or(user.name) == m_sessionUser.toStdString()) {
        // The session is that admin from now on: keep the password so the next change works.
        govern::Credentials credentials = govern::sessionCredentials();
        credentials.password = *password;
        govern::setSessionCredentials(std::move(credentials));
    }
    runManage(tr("Adding user %1").arg(QString::fromStdString(user.name)),
              [user, password](workspace::Workspace &workspace) {
                  return govern::addUser(workspace.database(), user, password);
              });
}

void UsersView::changeRole()
{
    const QString name = selectedUser();
    if (name.isEmpty() || !m_jobs)
        return;
    QStringList roles;
    for (const govern::Role role : {govern::Role::Viewer, govern::Role::Scientist,
                                    govern::Role::Approver, govern::Role::Admin})
        roles << QString::fromUtf8(govern::roleName(role));
    const QString current = m_table->currentIndex()
                                .siblingAtColumn(UsersModel::RoleColumn)
                                .data()
                                .toString();
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Change Role"),
                                                 tr("New role of %1:").arg(name), roles,
                                                 int(roles.indexOf(current)), false, &ok);
    if (!ok || chosen == current)
        return;
    const govern::Role role = govern::parseRole(chosen.toStdString()).value();
    runManage(tr("Changing the role of %1").arg(name),
              [name = name.toStdString(), role](workspace::Workspace &workspace) {
                  return govern::setUserRole(workspace.database(), name, role);
              });
}

void UsersView::removeSelected()
{
    const QString name = selectedUser();
    if (name.isEmpty() || !m_jobs)
        return;
    if (QMessageBox::question(this, tr("Remove User"),
                              tr("Remove %1? They keep their audit entries but may no longer "
                                 "act in this workspace.")
                                  .arg(name)) != QMessageBox::Yes)
        return;
    runManage(tr("Removing user %1").arg(name),
              [name = name.toStdString()](workspace::Workspace &workspace) {
                  return govern::removeUser(workspace.database(), name);
              });
}

} // namespace assay::ui
