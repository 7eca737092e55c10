#pragma once

#include "govern/access_control.h"

#include <QAbstractTableModel>

#include <vector>

namespace assay::ui {

// The workspace's users: name, OS login, role, whether a password is set, created, by whom,
// and whether the user is disabled.
class UsersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, LoginColumn, RoleColumn, PasswordColumn, CreatedColumn, ByColumn, DisabledColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        NameRole,
    };

    explicit UsersModel(QObject *parent = nullptr);

    void setUsers(std::vector<govern::User> users);
    const std::vector<govern::User> &users() const { return m_users; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayText(const govern::User &user, int column) const;

    std::vector<govern::User> m_users;
};

} // namespace assay::ui
