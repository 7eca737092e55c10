#pragma once

#include "model/task.h"

#include <QWidget>

#include <map>
#include <string>

class QComboBox;
class QLabel;
class QPushButton;

namespace assay::ui {

class TrainParamForm;

// The model to train: every trainer core has (model::trainers()), those that cannot learn
// the task disabled, with its description and a parameter form built from its ParamSpecs.
class TrainModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainModelPanel(QWidget *parent = nullptr);

    // Disables the trainers that do not support `task`; moves off the current one if needed.
    void setTask(model::Task task);
    bool selectTrainer(const QString &name);
    QString trainer() const;
    // The parameters that differ from their defaults (NAME → text).
    std::map<std::string, std::string> params() const;

    QComboBox *trainerBox() const { return m_trainer; }
    TrainParamForm *paramForm() const { return m_params; }
    QPushButton *resetButton() const { return m_reset; }

signals:
    void changed();

private:
    void showTrainer(int index);
    bool isEnabled(int index) const;

    QComboBox *m_trainer;
    QLabel *m_description;
    TrainParamForm *m_params;
    QPushButton *m_reset;
};

} // namespace assay::ui
