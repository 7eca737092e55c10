#include "govern/registered_models_model.h"

#include "common/theme.h"
#include "govern/stage_style.h"
#include "runs/run_cell_text.h"

#include <QDateTime>
#include <QGuiApplication>

namespace assay::ui {

const govern::ModelVersion *productionVersion(const govern::RegisteredModel &model)
{
    for (const govern::ModelVersion &version : model.versions) {
        if (version.stage == govern::Stage::Production)
            return &version;
    }
    return nullptr;
}

RegisteredModelsModel::RegisteredModelsModel(QObject *parent) : QAbstractTableModel(parent) {}

void RegisteredModelsModel::setModels(std::vector<govern::RegisteredModel> models)
{
    beginResetModel();
    m_models = std::move(models);
    endResetModel();
}

int RegisteredModelsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

int RegisteredModelsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegisteredModelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Model");
    case VersionsColumn:
        return tr("Versions");
    case ProductionColumn:
        return tr("Production");
    case CreatedColumn:
        return tr("Created");
    case ByColumn:
        return tr("By");
    default:
        return {};
    }
}

QVariant RegisteredModelsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const govern::RegisteredModel &model = m_models[std::size_t(index.row())];
    const govern::ModelVersion *production = productionVersion(model);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return QString::fromStdString(model.name);
        case VersionsColumn:
            return qlonglong(model.versions.size());
        case ProductionColumn:
            return production ? tr("v%1").arg(production->version) : tr("none");
        case CreatedColumn:
            return formatRunStart(model.createdMs);
        case ByColumn:
            return QString::fromStdString(model.createdBy);
        default:
            return {};
        }
    case SortRole:
        switch (column) {
        case VersionsColumn:
            return qlonglong(model.versions.size());
        case ProductionColumn:
            return production ? production->version : -1;
        case CreatedColumn:
            return qlonglong(model.createdMs);
        default:
            return data(index, Qt::DisplayRole);
        }
    case NameRole:
        return QString::fromStdString(model.name);
    case Qt::TextAlignmentRole:
        if (column == VersionsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        if (column == ProductionColumn)
            return statusDot(production ? StatusTone::Ok : StatusTone::Unknown,
                             QGuiApplication::palette());
        return {};
    case Qt::ToolTipRole:
        if (column == CreatedColumn)
            return describeRunStart(model.createdMs, QDateTime::currentMSecsSinceEpoch());
        if (column == NameColumn && !model.description.empty())
            return QString::fromStdString(model.description);
        return {};
    default:
        return {};
    }
}

} // namespace assay::ui
