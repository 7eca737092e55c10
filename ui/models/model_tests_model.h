#pragma once

#include "model/model_checks.h"

#include <QAbstractTableModel>

#include <vector>

namespace assay::ui {

// The stored results of `assay test` for one model: PASS or FAIL (a word and a status dot),
// the test's name and kind, the measured value, the bound it had to satisfy and the detail.
class ModelTestsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ResultColumn,
        NameColumn,
        KindColumn,
        ValueColumn,
        BoundColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ModelTestsModel(QObject *parent = nullptr);

    void setResults(std::vector<model::ModelTestResult> results);
    const std::vector<model::ModelTestResult> &results() const { return m_results; }
    int failedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant text(const model::ModelTestResult &result, int column) const;

    std::vector<model::ModelTestResult> m_results;
};

} // namespace assay::ui
