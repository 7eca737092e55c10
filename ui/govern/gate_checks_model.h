#pragma once

#include "govern/model_registry.h"

#include <QAbstractTableModel>

#include <vector>

namespace assay::ui {

// A gate's checks as the promote dialog shows them: the outcome (dot and "passed"/"failed"),
// the check's name and what was found.
class GateChecksModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { OutcomeColumn, CheckColumn, DetailColumn, ColumnCount };

    explicit GateChecksModel(QObject *parent = nullptr);

    void setChecks(std::vector<govern::GateCheck> checks);
    const std::vector<govern::GateCheck> &checks() const { return m_checks; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<govern::GateCheck> m_checks;
};

} // namespace assay::ui
