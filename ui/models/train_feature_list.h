#pragma once

#include "models/train_columns.h"

#include <QListWidget>
#include <QStringList>

#include <vector>

namespace assay::ui {

// The data's columns as a checkable list: checked ones are the model's features. The
// target is hidden; ids and datetimes start unchecked, their tooltips say why.
class TrainFeatureList : public QListWidget {
    Q_OBJECT
public:
    explicit TrainFeatureList(QWidget *parent = nullptr);

    void setColumns(std::vector<TrainColumn> columns);
    const std::vector<TrainColumn> &columns() const { return m_columns; }
    void setTarget(const QString &target);

    // Checked and unchecked columns besides the target, in the data's order.
    QStringList checkedFeatures() const;
    QStringList uncheckedColumns() const;
    // Checks exactly `names` (and nothing else).
    void checkOnly(const QStringList &names);
    void checkSuggested();

signals:
    void changed();

private:
    QStringList namesWith(Qt::CheckState state) const;

    std::vector<TrainColumn> m_columns;
};

} // namespace assay::ui
