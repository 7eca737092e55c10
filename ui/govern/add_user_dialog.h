#pragma once

#include "govern/access_control.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace assay::ui {

// Add User… (and Add First Admin…): name, OS login, role and password. Only collects and
// checks the fields; the users view runs govern::addUser with them.
class AddUserDialog : public QDialog {
    Q_OBJECT
public:
    // `firstAdmin`: the role is fixed to admin and a password is required (bootstrap).
    AddUserDialog(bool firstAdmin, const QString &suggestedLogin, QWidget *parent = nullptr);

    govern::User user() const;
    std::optional<std::string> password() const;

private:
    void check();

    bool m_firstAdmin;
    QLineEdit *m_name;
    QLineEdit *m_login;
    QComboBox *m_role;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace assay::ui
