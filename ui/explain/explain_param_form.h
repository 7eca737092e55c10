#pragma once

#include "explain/explain_method.h"

#include <QJsonObject>
#include <QWidget>

#include <vector>

class QCheckBox;
class QFormLayout;
class QLineEdit;

namespace assay::ui {

// The parameters of one explanation method, by their CLI names: a box per parameter whose
// placeholder shows the value core fills in when the box is left empty (see setDefaults), a
// check box for a flag. Only what the user typed or checked is given, so the CLI line and
// the cache key come out as `assay explain` would make them.
class ExplainParamForm : public QWidget {
    Q_OBJECT
public:
    explicit ExplainParamForm(QWidget *parent = nullptr);

    // Shows the parameters of `method`; what was typed for another method is dropped.
    void setMethod(explain::ExplainMethod method);
    explain::ExplainMethod method() const { return m_method; }
    // The values core resolved (explain::resolvedParams), shown as placeholders.
    void setDefaults(const QJsonObject &resolved);
    // The given parameters: typed text as text, checked flags as true.
    QJsonObject params() const;
    // Types `text` into the box of `key` (or checks a flag for "true"); false when the
    // method has no such parameter.
    bool setValue(const QString &key, const QString &text);
    QLineEdit *box(const QString &key) const;

signals:
    void changed();

private:
    struct Field {
        QString key;
        QLineEdit *box = nullptr;  // a value
        QCheckBox *flag = nullptr; // or a flag
    };

    void clear();

    explain::ExplainMethod m_method = explain::ExplainMethod::TreeShap;
    QFormLayout *m_layout;
    std::vector<Field> m_fields;
};

// "0.05,0.95", "age,income", "5000", "2.598": a resolved parameter as a box shows it.
QString paramText(const QJsonValue &value);

} // namespace assay::ui
