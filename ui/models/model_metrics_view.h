#pragma once

#include <QWidget>

class QLabel;
class QStandardItemModel;
class QTableView;

namespace assay::ui {

class MetricsTableModel;
struct ModelResults;

// The Metrics tab: what was trained on what (a caption), the metrics of every part or fold
// (with the mean ± std row of a cross-validation), and the run's params.
class ModelMetricsView : public QWidget {
    Q_OBJECT
public:
    explicit ModelMetricsView(QWidget *parent = nullptr);

    void showResults(const ModelResults &results);
    MetricsTableModel *metricsModel() const { return m_metrics; }
    QTableView *metricsTable() const { return m_metricsTable; }
    QTableView *paramsTable() const { return m_paramsTable; }

private:
    QLabel *m_caption;
    QLabel *m_problem;
    MetricsTableModel *m_metrics;
    QTableView *m_metricsTable;
    QStandardItemModel *m_params;
    QTableView *m_paramsTable;
};

} // namespace assay::ui
