#pragma once

#include "version/data_status.h"
#include "workspace/dataset_catalog.h"

#include <QAbstractTableModel>

#include <string>
#include <unordered_map>
#include <vector>

namespace assay::ui {

// The workspace's datasets as findDatasets() lists them: path, size and whether DVC
// tracks them — refined by the latest `data status` into modified or not in cache (a word
// and a coloured dot, never the colour alone).
class DatasetListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PathColumn, SizeColumn, StatusColumn, ColumnCount };
    enum Role {
        RelativePathRole = Qt::UserRole + 1, // QString, the key used to select a dataset
        SizeBytesRole,                       // qulonglong, for sorting
    };

    explicit DatasetListModel(QObject *parent = nullptr);

    void setDatasets(std::vector<workspace::DatasetEntry> datasets);
    // States from a status check, by data path relative to the workspace root.
    void setOutputStates(std::unordered_map<std::string, version::OutputState> states);
    const std::vector<workspace::DatasetEntry> &datasets() const { return m_datasets; }
    const workspace::DatasetEntry &dataset(int row) const;
    // The row of the dataset at `relativePath`, or -1.
    int rowOf(const QString &relativePath) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant statusData(const workspace::DatasetEntry &entry, int role) const;

    std::vector<workspace::DatasetEntry> m_datasets;
    std::unordered_map<std::string, version::OutputState> m_states;
};

} // namespace assay::ui
