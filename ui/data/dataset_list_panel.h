#pragma once

#include "workspace/dataset_catalog.h"

#include <QWidget>

#include <vector>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace assay::ui {

class DatasetListModel;

// The Data area's master list: a filter box over the workspace's datasets.
// Emits currentDatasetChanged with the relative path of the selected dataset.
class DatasetListPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetListPanel(QWidget *parent = nullptr);

    // Replaces the list, keeping the selection when that dataset is still there.
    void setDatasets(std::vector<workspace::DatasetEntry> datasets);
    const DatasetListModel *model() const { return m_model; }
    DatasetListModel *model() { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterBox() const { return m_filter; }
    QTreeView *view() const { return m_view; }

    // Selects the dataset at `relativePath`; false when the list doesn't show it.
    bool selectDataset(const QString &relativePath);
    void selectFirst();
    QString currentDataset() const;
    void focusFilter();

signals:
    void currentDatasetChanged(const QString &relativePath);

private:
    void applyFilter(const QString &text);
    void emitCurrent();

    DatasetListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_view;
    QString m_current;
    bool m_filtering = false;
};

} // namespace assay::ui
