#pragma once

#include "model/training_run.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace assay::ui {

class Job;
class JobRunner;
class WorkspaceSession;

// How the model is validated and how its run is recorded: a train/validation/test split
// (0.7/0.15/0.15) or k-fold cross-validation (5), the seed, the experiment (the workspace's
// experiments or a new name) and the run's name.
class TrainRunOptions : public QWidget {
    Q_OBJECT
public:
    TrainRunOptions(JobRunner &jobs, QWidget *parent = nullptr);

    // Lists the workspace's experiments in the experiment box (read in the background).
    void setWorkspace(std::shared_ptr<WorkspaceSession> session);
    // Fills the split or folds, seed, experiment and run name of `request`.
    void apply(model::TrainRequest &request) const;
    // Empty, or why the split cannot be used ("the fractions add up to 1.2").
    QString problem() const;
    // Shows the run name a run gets when the box is left empty.
    void setDefaultRunName(const QString &name);

    QRadioButton *splitButton() const { return m_split; }
    QRadioButton *crossValidationButton() const { return m_crossValidation; }
    QDoubleSpinBox *fractionBox(int part) const
    {
        return m_fractions[part];
    } // 0 train 1 valid 2 test
    QSpinBox *foldsBox() const { return m_folds; }
    QSpinBox *seedBox() const { return m_seed; }
    QComboBox *experimentBox() const { return m_experiment; }
    QLineEdit *runNameEdit() const { return m_runName; }

signals:
    void changed();

private:
    void updateEnabled();

    JobRunner &m_jobs;
    QRadioButton *m_split;
    QRadioButton *m_crossValidation;
    QDoubleSpinBox *m_fractions[3];
    QSpinBox *m_folds;
    QSpinBox *m_seed;
    QComboBox *m_experiment;
    QLineEdit *m_runName;
    QPointer<Job> m_experimentsJob;
};

} // namespace assay::ui
