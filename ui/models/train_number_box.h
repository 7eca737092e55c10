#pragma once

#include <QDoubleSpinBox>

namespace assay::ui {

// A spin box for a real-valued parameter that shows the shortest text of its value
// ("0.3", "1e-06", "1000") instead of a fixed number of decimals, so tiny tolerances and
// large penalties both fit and read as typed. Steps by a power of ten near the value.
class TrainNumberBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit TrainNumberBox(QWidget *parent = nullptr);

    QString textFromValue(double value) const override;
    double valueFromText(const QString &text) const override;
    QValidator::State validate(QString &text, int &position) const override;
    void stepBy(int steps) override;
};

} // namespace assay::ui
