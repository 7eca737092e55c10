#pragma once

#include "govern/model_registry.h"

#include <QDialog>

#include <filesystem>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace assay::ui {

class JobRunner;

// Set Alias…: points an alias ("champion") at one version of a model, moving it from the
// version that held it. Runs govern::setAlias off the GUI thread; a refusal is shown in the
// dialog; success closes it and emits aliasSet().
class AliasDialog : public QDialog {
    Q_OBJECT
public:
    AliasDialog(JobRunner &jobs, std::filesystem::path root, govern::RegisteredModel model,
                int version, bool accessControlOn, QWidget *parent = nullptr);

    void setAlias(const QString &alias);
    QString message() const;
    void apply();

signals:
    void aliasSet(const QString &model, const QString &alias, int version);

private:
    JobRunner &m_jobs;
    std::filesystem::path m_root;
    govern::RegisteredModel m_model;
    bool m_accessControlOn;
    QComboBox *m_alias;
    QComboBox *m_version;
    QLineEdit *m_reason;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace assay::ui
