#include "explain/explanation_bundle.h"

#include <QCoreApplication>

namespace assay::ui {

QString shapUnit(const explain::Explanation &explanation)
{
    const auto *shap = std::get_if<explain::ShapExplanation>(&explanation.result);
    const std::string space = shap ? shap->space : std::string();
    if (space == "margin" && explanation.subject.task != model::Task::Regression)
        return QCoreApplication::translate("ExplanationBundle", "log-odds");
    if (space == "probability")
        return QCoreApplication::translate("ExplanationBundle", "probability");
    return QCoreApplication::translate("ExplanationBundle", "model output");
}

QStringList outputNames(const explain::ExplanationSubject &subject, std::size_t outputs)
{
    QStringList names;
    for (std::size_t output = 0; output < outputs; ++output) {
        if (output < subject.outputs.size() && !subject.outputs[output].empty()) {
            const QString name = QString::fromStdString(subject.outputs[output]);
            // A classifier's outputs are its class labels, often bare numbers ("1").
            names << (subject.task == model::Task::Regression
                          ? name
                          : QCoreApplication::translate("ExplanationBundle", "class %1").arg(name));
        } else
            names << QCoreApplication::translate("ExplanationBundle", "prediction");
    }
    return names;
}

} // namespace assay::ui
