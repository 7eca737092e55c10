#pragma once

#include "govern/model_registry.h"

#include <QDialog>
#include <QPointer>

#include <filesystem>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace assay::ui {

class GateChecksModel;
class Job;
class JobRunner;

// Promote…: moves one model version to a stage with a reason. The model's gate is evaluated
// on the job runner as soon as the dialog opens (govern::evaluateGate) and each check is
// listed with its outcome; the gate decides only promotions to production. OK runs
// govern::promote off the GUI thread, asking for the password when the action needs one; a
// refusal is shown in the dialog, which stays open; success closes it and emits promoted().
class PromoteDialog : public QDialog {
    Q_OBJECT
public:
    PromoteDialog(JobRunner &jobs, std::filesystem::path root, govern::ModelVersion version,
                  bool accessControlOn, QWidget *parent = nullptr);

    void setStage(govern::Stage stage);
    govern::Stage stage() const;
    void setReason(const QString &reason);
    GateChecksModel *checks() const { return m_checks; }
    // Whether the gate's evaluation has arrived (or failed).
    bool isGateEvaluated() const { return m_evaluated; }
    // The refusal or error of the last attempt, as shown ("" before or after success).
    QString message() const;
    // Runs the promotion (what OK does).
    void promote();

signals:
    void promoted(const QString &model, int version, govern::Stage stage);

private:
    void evaluateGate();
    void showMessage(const QString &text, bool failure);
    void updateGateHint();

    JobRunner &m_jobs;
    std::filesystem::path m_root;
    govern::ModelVersion m_version;
    bool m_accessControlOn;
    QComboBox *m_stage;
    QLineEdit *m_reason;
    QLabel *m_gateHint;
    QTableView *m_checkTable;
    GateChecksModel *m_checks;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPointer<Job> m_gateJob;
    bool m_evaluated = false;
    bool m_gatePassed = false;
    bool m_busy = false;
};

} // namespace assay::ui
