#include "models/train_number_box.h"

#include <QRegularExpression>

#include <cmath>

namespace assay::ui {

namespace {

// Enough for the 15 significant digits a double keeps of typed values like 1e-12.
constexpr int kDecimals = 15;
constexpr double kStepWhenZero = 0.1;

} // namespace

TrainNumberBox::TrainNumberBox(QWidget *parent) : QDoubleSpinBox(parent)
{
    setDecimals(kDecimals);
    setAlignment(Qt::AlignRight);
}

QString TrainNumberBox::textFromValue(double value) const
{
    return QString::number(value, 'g', 12);
}

double TrainNumberBox::valueFromText(const QString &text) const
{
    return text.trimmed().toDouble();
}

QValidator::State TrainNumberBox::validate(QString &text, int &) const
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    const double value = trimmed.toDouble(&ok);
    if (ok)
        return value >= minimum() && value <= maximum() ? QValidator::Acceptable
                                                        : QValidator::Intermediate;
    // Half-typed numbers: "", "-", "1e", "0."
    static const QRegularExpression partial(
        QStringLiteral("^[-+]?[0-9]*\\.?[0-9]*([eE][-+]?[0-9]*)?$"));
    return partial.match(trimmed).hasMatch() ? QValidator::Intermediate : QValidator::Invalid;
}

void TrainNumberBox::stepBy(int steps)
{
    const double magnitude = std::abs(value());
    const double step =
        magnitude > 0 ? std::pow(10.0, std::floor(std::log10(magnitude))) : kStepWhenZero;
    setValue(value() + steps * step);
}

} // namespace assay::ui
