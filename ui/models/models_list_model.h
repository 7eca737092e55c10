#pragma once

#include "models/model_run_summary.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

#include <vector>

namespace assay::ui {

// The Models area's master list: one row per trained model (name in its run colour, headline
// metric with its part, value or mean ± std, model tests, trainer, task, target, status, start
// time), the figures first so a narrow list still ranks the models.
// data() formats from the summaries it holds; SortRole gives raw values to sort on.
class ModelsListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        MetricColumn,
        ValueColumn,
        TestsColumn,
        ModelColumn,
        TaskColumn,
        TargetColumn,
        StatusColumn,
        StartedColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers, start as epoch ms
        RunIdRole,                   // QString
    };

    explicit ModelsListModel(QObject *parent = nullptr);

    // Replaces the rows; one reset (the list is short: one row per model).
    void setModels(std::vector<ModelRunSummary> models);
    const std::vector<ModelRunSummary> &models() const { return m_models; }
    // The row of the model run `runId`, or -1.
    int rowOf(const QString &runId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayText(const ModelRunSummary &model, int column) const;
    QVariant sortValue(const ModelRunSummary &model, int column) const;

    std::vector<ModelRunSummary> m_models;
};

// "0.9123" or "0.9123 ± 0.0040" (cross-validation).
QString formatHeadline(const ModelRunSummary &model);

} // namespace assay::ui
