#include "govern/users_model.h"

#include "common/theme.h"
#include "runs/run_cell_text.h"

#include <QDateTime>
#include <QGuiApplication>

namespace assay::ui {

UsersModel::UsersModel(QObject *parent) : QAbstractTableModel(parent) {}

void UsersModel::setUsers(std::vector<govern::User> users)
{
    beginResetModel();
    m_users = std::move(users);
    endResetModel();
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("User");
    case LoginColumn:
        return tr("OS login");
    case RoleColumn:
        return tr("Role");
    case PasswordColumn:
        return tr("Password");
    case CreatedColumn:
        return tr("Created");
    case ByColumn:
        return tr("By");
    case DisabledColumn:
        return tr("Status");
    default:
        return {};
    }
}

QVariant UsersModel::displayText(const govern::User &user, int column) const
{
    switch (column) {
    case NameColumn:
        return QString::fromStdString(user.name);
    case LoginColumn:
        return QString::fromStdString(user.osUser.value_or(user.name));
    case RoleColumn:
        return QString::fromUtf8(govern::roleName(user.role));
    case PasswordColumn:
        return user.hasPassword ? tr("set") : tr("none");
    case CreatedColumn:
        return formatRunStart(user.createdMs);
    case ByColumn:
        return QString::fromStdString(user.createdBy);
    case DisabledColumn:
        return user.disabled ? tr("disabled") : tr("active");
    default:
        return {};
    }
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const govern::User &user = m_users[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(user, column);
    case SortRole:
        if (column == RoleColumn)
            return int(user.role);
        if (column == CreatedColumn)
            return qlonglong(user.createdMs);
        return displayText(user, column);
    case NameRole:
        return QString::fromStdString(user.name);
    case Qt::DecorationRole:
        if (column == DisabledColumn)
            return statusDot(user.disabled ? StatusTone::Unknown : StatusTone::Ok,
                             QGuiApplication::palette());
        if (column == PasswordColumn && !user.hasPassword && user.role >= govern::Role::Approver)
            return statusDot(StatusTone::Warning, QGuiApplication::palette());
        return {};
    case Qt::ToolTipRole:
        if (column == CreatedColumn)
            return describeRunStart(user.createdMs, QDateTime::currentMSecsSinceEpoch());
        if (column == PasswordColumn && !user.hasPassword && user.role >= govern::Role::Approver)
            return tr("Approvers and admins need a password to act");
        if (column == LoginColumn && !user.osUser)
            return tr("No OS login mapped: the user's name is the login");
        return {};
    default:
        return {};
    }
}

} // namespace assay::ui
