#include "govern/registry_list_panel.h"

#include "govern/registered_models_model.h"

#include <QHeaderView>
#include <QTableView>

namespace assay::ui {

RegistryListPanel::RegistryListPanel(QWidget *parent)
    : RegistryListPanel(new RegisteredModelsModel, parent)
{
}

RegistryListPanel::RegistryListPanel(RegisteredModelsModel *model, QWidget *parent)
    : FilteredListPanel(model,
                        {.sortRole = RegisteredModelsModel::SortRole,
                         .keyRole = RegisteredModelsModel::NameRole,
                         .settingsKey = QStringLiteral("registryList"),
                         .filterName = QStringLiteral("registryFilter"),
                         .placeholder = tr("Filter registered models (Ctrl+F)"),
                         .countText = [](int total) { return tr("%n model(s)", nullptr, total); }},
                        parent),
      m_model(model)
{
    m_model->setParent(this);
    QTableView *table = view();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setMinimumSectionSize(40);
    table->setColumnWidth(RegisteredModelsModel::NameColumn, 120);
    table->setColumnWidth(RegisteredModelsModel::VersionsColumn, 65);
    table->setColumnWidth(RegisteredModelsModel::ProductionColumn, 90);
    table->setColumnWidth(RegisteredModelsModel::CreatedColumn, 120);
}

void RegistryListPanel::setModels(std::vector<govern::RegisteredModel> models)
{
    const QString previous = current();
    m_model->setModels(std::move(models));
    restoreSelection(previous);
}

} // namespace assay::ui
