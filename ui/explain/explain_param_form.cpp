#include "explain/explain_param_form.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLineEdit>

namespace assay::ui {

namespace {

using explain::ExplainMethod;

struct ParamSpec {
    const char *key;
    const char *label;
    const char *help;
    bool flag = false;
};

std::vector<ParamSpec> paramSpecs(ExplainMethod method)
{
    switch (method) {
    case ExplainMethod::TreeShap:
        return {{"interactions", "Interactions",
                 "Compute SHAP interaction values too (path-dependent only); the dependence plot "
                 "colours by each feature's strongest partner",
                 true},
                {"background", "Background rows",
                 "Interventional TreeSHAP against this many rows sampled from the data; empty: "
                 "path-dependent"},
                {"seed", "Seed", "Seeds the background sample"}};
    case ExplainMethod::KernelShap:
        return {{"coalitions", "Coalitions", "Coalitions sampled per row (2·features + 2048)"},
                {"clusters", "Background clusters", "k-means centres summarising the data"},
                {"seed", "Seed", "Seeds the coalitions and k-means"}};
    case ExplainMethod::Lime:
        return {{"samples", "Samples", "Perturbed samples per row"},
                {"kernel_width", "Kernel width", "The proximity kernel's width (0.75·√features)"},
                {"max_features", "Conditions", "Conditions kept per row"},
                {"seed", "Seed", "Seeds the perturbed samples"}};
    case ExplainMethod::Permutation:
        return {{"repeats", "Repeats", "Shuffles per feature"},
                {"metric", "Metric", "accuracy, roc_auc, log_loss, r2, rmse, mae, …"},
                {"target", "Label column", "The column holding the true labels"},
                {"seed", "Seed", "Seeds the shuffles"}};
    case ExplainMethod::PartialDependence:
        return {
            {"features", "Features",
             "Comma-separated feature names (by default the 4 with the largest mean |SHAP|)"},
            {"grid_resolution", "Grid points", "Grid points per feature"},
            {"percentiles", "Grid range", "Low and high percentile of the grid, e.g. 0.05,0.95"},
            {"ice_rows", "ICE curves", "Individual curves kept"}};
    }
    return {};
}

} // namespace

QString paramText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 6);
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts << paramText(item);
        return parts.join(QLatin1Char(','));
    }
    return {};
}

ExplainParamForm::ExplainParamForm(QWidget *parent)
    : QWidget(parent), m_layout(new QFormLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    setMethod(m_method);
}

void ExplainParamForm::clear()
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_fields.clear();
}

void ExplainParamForm::setMethod(ExplainMethod method)
{
    if (method == m_method && !m_fields.empty())
        return;
    m_method = method;
    clear();
    for (const ParamSpec &spec : paramSpecs(method)) {
        Field field{QString::fromLatin1(spec.key)};
        const QString label = tr(spec.label);
        const QString help = tr(spec.help);
        QWidget *editor = nullptr;
        if (spec.flag) {
            field.flag = new QCheckBox(this);
            connect(field.flag, &QCheckBox::toggled, this, &ExplainParamForm::changed);
            editor = field.flag;
        } else {
            field.box = new QLineEdit(this);
            field.box->setClearButtonEnabled(true);
            connect(field.box, &QLineEdit::textChanged, this, &ExplainParamForm::changed);
            editor = field.box;
        }
        editor->setObjectName(field.key);
        editor->setToolTip(help);
        m_layout->addRow(label, editor);
        m_fields.push_back(field);
    }
    emit changed();
}

void ExplainParamForm::setDefaults(const QJsonObject &resolved)
{
    for (const Field &field : m_fields) {
        const QJsonValue value = resolved.value(field.key);
        if (field.box)
            field.box->setPlaceholderText(value.isUndefined() || paramText(value).isEmpty()
                                              ? tr("default")
                                              : paramText(value));
    }
}

QJsonObject ExplainParamForm::params() const
{
    QJsonObject params;
    for (const Field &field : m_fields) {
        if (field.flag && field.flag->isChecked())
            params.insert(field.key, true);
        else if (field.box && !field.box->text().trimmed().isEmpty())
            params.insert(field.key, field.box->text().trimmed());
    }
    return params;
}

bool ExplainParamForm::setValue(const QString &key, const QString &text)
{
    for (const Field &field : m_fields) {
        if (field.key != key)
            continue;
        if (field.flag)
            field.flag->setChecked(text == QLatin1String("true"));
        else
            field.box->setText(text);
        return true;
    }
    return false;
}

QLineEdit *ExplainParamForm::box(const QString &key) const
{
    for (const Field &field : m_fields)
        if (field.key == key)
            return field.box;
    return nullptr;
}

} // namespace assay::ui
