#pragma once

#include "explain/explain_choice.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace assay::ui {

class ExplainModelPicker;
class ExplainParamForm;
class Job;
class JobRunner;
class TrainDataPicker;
class WorkspaceSession;
struct ExplainSources;

// Explain…: the model (a trained model of the workspace), the data and its git version, the
// method (TreeSHAP for tree models only), the rows and the method's parameters. Once a model
// and data are chosen they are read in the background and core resolves the parameters, so
// the boxes show the defaults the computation will use and a bad choice (a feature missing
// from the data, rows out of range, a bad value) is named before anything runs. "Explain"
// hands the choice and what was read to whoever computes it (explainRequested) and closes.
class ExplainDialog : public QDialog {
    Q_OBJECT
public:
    ExplainDialog(std::shared_ptr<WorkspaceSession> session, JobRunner &jobs,
                  QWidget *parent = nullptr);
    ~ExplainDialog() override;

    void setWorkspace(std::shared_ptr<WorkspaceSession> session);
    // Preselects a model run, data as an explanation names it ("data/credit.csv@3f2a9c1") and
    // a method; each may be empty. Applied once the lists are read.
    void preselect(const QString &runId, const QString &dataName,
                   std::optional<explain::ExplainMethod> method);
    void setMethod(explain::ExplainMethod method);
    // Rows [first, last) of the data; nullopt leaves that end to core's default.
    void setRows(std::optional<std::size_t> first, std::optional<std::size_t> last);

    ExplainChoice choice() const;
    // The `assay explain …` line of the current choice.
    QString commandLine() const;
    // Why Explain is not possible now ("" when it is).
    QString problem() const;
    // Lists, model and data read, defaults resolved (or a problem found).
    bool isLoading() const;
    bool isReady() const { return problem().isEmpty(); }

    // What the Explain button does: false (nothing emitted) when not ready.
    bool explain();
    void copyCommand();

    ExplainParamForm *params() const { return m_params; }
    ExplainModelPicker *models() const { return m_models; }
    TrainDataPicker *data() const { return m_data; }
    QPushButton *explainButton() const { return m_explain; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void explainRequested(const assay::ui::ExplainChoice &choice,
                          std::shared_ptr<const assay::ui::ExplainSources> sources);

private:
    QWidget *createButtons();
    void onModelChanged();
    void onDataChanged();
    void applyPendingData();
    void readSources();
    void scheduleDefaults();
    void resolveDefaults();
    void updateMethods();
    void updateState();

    std::shared_ptr<WorkspaceSession> m_session;
    JobRunner &m_jobs;
    ExplainModelPicker *m_models;
    TrainDataPicker *m_data;
    QComboBox *m_method;
    QLabel *m_methodHelp;
    QSpinBox *m_first;
    QSpinBox *m_last;
    QLabel *m_rowCount;
    ExplainParamForm *m_params;
    QLabel *m_status;
    QPushButton *m_copy;
    QPushButton *m_explain;
    QPushButton *m_close;

    QString m_pendingDataPath;
    QString m_pendingRevision;
    bool m_dataChosenByUser = false;

    std::shared_ptr<const ExplainSources> m_sources;
    ExplainChoice m_sourcesChoice; // what m_sources (or the job reading them) holds
    QString m_sourcesProblem;
    QPointer<Job> m_sourcesJob;
    QPointer<Job> m_defaultsJob;
    QTimer m_defaultsPause;
    bool m_defaultsCurrent = false; // the last resolution was of the current choice
    QString m_defaultsProblem;
    quint64 m_generation = 0; // counts choices: late answers are dropped
};

} // namespace assay::ui
