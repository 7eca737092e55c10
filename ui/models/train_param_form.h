#pragma once

#include "model/trainer.h"

#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QFormLayout;

namespace assay::ui {

// The parameters of one trainer as a form generated from its ParamSpecs: a spin box for
// Int, a number box for Double, a combo box for Choice; ranges from the spec, the default
// preselected, the help as tooltip.
class TrainParamForm : public QWidget {
    Q_OBJECT
public:
    explicit TrainParamForm(QWidget *parent = nullptr);

    // Rebuilds the form for `specs` at their defaults.
    void setSpecs(std::vector<model::ParamSpec> specs);
    const std::vector<model::ParamSpec> &specs() const { return m_specs; }

    // The values that differ from their defaults, as `--param NAME=VALUE` texts.
    std::map<std::string, std::string> changedValues() const;
    // Sets `name` from text as `--param` takes it; false for an unknown name or bad text.
    bool setValue(const std::string &name, const QString &text);
    void resetToDefaults();
    // The editor of parameter `name`, or nullptr.
    QWidget *editor(const std::string &name) const;

signals:
    void changed();

private:
    QWidget *createEditor(const model::ParamSpec &spec);
    QString valueText(std::size_t index) const;
    static QString defaultText(const model::ParamSpec &spec);

    QFormLayout *m_layout;
    std::vector<model::ParamSpec> m_specs;
    std::vector<QWidget *> m_editors; // parallel to m_specs
};

} // namespace assay::ui
