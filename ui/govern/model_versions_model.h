#pragma once

#include "govern/model_registry.h"

#include <QAbstractTableModel>

#include <vector>

namespace assay::ui {

// The versions of one registered model, newest first: version, stage (dot and word), aliases,
// the run that trained it (in the run's colour, as in every area), created and by whom.
class ModelVersionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { VersionColumn, StageColumn, AliasesColumn, RunColumn, CreatedColumn, ByColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        VersionRole, // int
    };

    explicit ModelVersionsModel(QObject *parent = nullptr);

    void setVersions(std::vector<govern::ModelVersion> versions);
    const std::vector<govern::ModelVersion> &versions() const { return m_versions; }
    int rowOf(int version) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayText(const govern::ModelVersion &version, int column) const;

    std::vector<govern::ModelVersion> m_versions;
};

} // namespace assay::ui
