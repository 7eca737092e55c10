#pragma once

#include "govern/model_registry.h"

#include <QAbstractTableModel>

#include <vector>

namespace assay::ui {

// The registry's master list: one row per registered model with its version count, the
// version in production (with the stage's dot and word) and when and by whom it was created.
class RegisteredModelsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, VersionsColumn, ProductionColumn, CreatedColumn, ByColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        NameRole, // the model's name, the list's key
    };

    explicit RegisteredModelsModel(QObject *parent = nullptr);

    void setModels(std::vector<govern::RegisteredModel> models);
    const std::vector<govern::RegisteredModel> &models() const { return m_models; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<govern::RegisteredModel> m_models;
};

// The version of `model` in production, or nullptr.
const govern::ModelVersion *productionVersion(const govern::RegisteredModel &model);

} // namespace assay::ui
