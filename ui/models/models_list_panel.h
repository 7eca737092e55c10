#pragma once

#include "models/model_run_summary.h"

#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace assay::ui {

class ModelsListModel;

// The Models area's master list: a filter box (any column, case-insensitive) over the
// sortable table of model runs. Emits currentModelChanged with the selected run's id.
class ModelsListPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelsListPanel(QWidget *parent = nullptr);

    // Replaces the rows, keeping the selected model when it is still listed.
    void setModels(std::vector<ModelRunSummary> models);
    ModelsListModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterBox() const { return m_filter; }
    QTableView *view() const { return m_view; }

    // Selects the model run `runId`; false when the list does not show it.
    bool selectModel(const QString &runId);
    void selectFirst();
    QString currentModel() const { return m_current; }
    void focusFilter();

signals:
    void currentModelChanged(const QString &runId);

private:
    void emitCurrent();
    void updateCount();

    ModelsListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QTableView *m_view;
    QString m_current;
};

} // namespace assay::ui
