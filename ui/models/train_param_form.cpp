#include "models/train_param_form.h"

#include "models/train_number_box.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace assay::ui {

namespace {

using Type = model::ParamSpec::Type;

QString numberText(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

TrainParamForm::TrainParamForm(QWidget *parent) : QWidget(parent), m_layout(new QFormLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void TrainParamForm::setSpecs(std::vector<model::ParamSpec> specs)
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_editors.clear();
    m_specs = std::move(specs);
    for (const model::ParamSpec &spec : m_specs) {
        QWidget *editor = createEditor(spec);
        const QString name = QString::fromStdString(spec.name);
        editor->setObjectName(name);
        const QString tooltip =
            tr("%1\nDefault: %2 (--param %3=…)")
                .arg(QString::fromStdString(spec.help), defaultText(spec), name);
        editor->setToolTip(tooltip);
        auto *label = new QLabel(name, this);
        label->setToolTip(tooltip);
        label->setBuddy(editor);
        m_layout->addRow(label, editor);
        m_editors.push_back(editor);
    }
    if (m_specs.empty())
        m_layout->addRow(new QLabel(tr("This model has no parameters."), this));
}

QWidget *TrainParamForm::createEditor(const model::ParamSpec &spec)
{
    switch (spec.type) {
    case Type::Int: {
        auto *box = new QSpinBox(this);
        box->setRange(int(spec.minimum), int(spec.maximum));
        box->setValue(int(spec.defaultValue));
        box->setAlignment(Qt::AlignRight);
        box->setGroupSeparatorShown(false);
        connect(box, &QSpinBox::valueChanged, this, &TrainParamForm::changed);
        return box;
    }
    case Type::Double: {
        auto *box = new TrainNumberBox(this);
        box->setRange(spec.minimum, spec.maximum);
        box->setValue(spec.defaultValue);
        connect(box, &QDoubleSpinBox::valueChanged, this, &TrainParamForm::changed);
        return box;
    }
    case Type::Choice: {
        auto *box = new QComboBox(this);
        for (const std::string &choice : spec.choices)
            box->addItem(QString::fromStdString(choice));
        connect(box, &QComboBox::currentIndexChanged, this, &TrainParamForm::changed);
        return box;
    }
    }
    return new QWidget(this);
}

QString TrainParamForm::defaultText(const model::ParamSpec &spec)
{
    if (spec.type == Type::Choice)
        return spec.choices.empty() ? QString() : QString::fromStdString(spec.choices.front());
    return numberText(spec.defaultValue);
}

QString TrainParamForm::valueText(std::size_t index) const
{
    QWidget *editor = m_editors[index];
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        return QString::number(spin->value());
    if (auto *number = qobject_cast<QDoubleSpinBox *>(editor))
        return numberText(number->value());
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentText();
    return {};
}

std::map<std::string, std::string> TrainParamForm::changedValues() const
{
    std::map<std::string, std::string> values;
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        const QString text = valueText(i);
        if (text != defaultText(m_specs[i]))
            values[m_specs[i].name] = text.toStdString();
    }
    return values;
}

bool TrainParamForm::setValue(const std::string &name, const QString &text)
{
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        if (m_specs[i].name != name)
            continue;
        QWidget *editor = m_editors[i];
        bool ok = true;
        if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
            const int value = text.toInt(&ok);
            if (ok)
                spin->setValue(value);
        } else if (auto *number = qobject_cast<QDoubleSpinBox *>(editor)) {
            const double value = text.toDouble(&ok);
            if (ok)
                number->setValue(value);
        } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            const int index = combo->findText(text);
            ok = index >= 0;
            if (ok)
                combo->setCurrentIndex(index);
        }
        return ok;
    }
    return false;
}

void TrainParamForm::resetToDefaults()
{
    for (std::size_t i = 0; i < m_specs.size(); ++i)
        setValue(m_specs[i].name, defaultText(m_specs[i]));
}

QWidget *TrainParamForm::editor(const std::string &name) const
{
    for (std::size_t i = 0; i < m_specs.size(); ++i)
        if (m_specs[i].name == name)
            return m_editors[i];
    return nullptr;
}

} // namespace assay::ui
