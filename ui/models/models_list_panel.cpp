#include "models/models_list_panel.h"

#include "models/models_list_model.h"

#include <QHeaderView>
#include <QTableView>

namespace assay::ui {

ModelsListPanel::ModelsListPanel(QWidget *parent) : ModelsListPanel(new ModelsListModel, parent) {}

ModelsListPanel::ModelsListPanel(ModelsListModel *model, QWidget *parent)
    : FilteredListPanel(model,
                        {.sortRole = ModelsListModel::SortRole,
                         .keyRole = ModelsListModel::RunIdRole,
                         .settingsKey = QStringLiteral("modelsList"),
                         .filterName = QStringLiteral("modelsFilter"),
                         .placeholder = tr("Filter models (Ctrl+F)"),
                         .countText = [](int total) { return tr("%n model(s)", nullptr, total); }},
                        parent),
      m_model(model)
{
    m_model->setParent(this);
    QTableView *table = view();
    table->horizontalHeader()->setStretchLastSection(false);
    table->setColumnWidth(ModelsListModel::NameColumn, 190);
    table->setColumnWidth(ModelsListModel::MetricColumn, 105);
    table->setColumnWidth(ModelsListModel::ValueColumn, 110);
    table->setColumnWidth(ModelsListModel::TestsColumn, 100);
    table->setColumnWidth(ModelsListModel::ModelColumn, 60);
    table->setColumnWidth(ModelsListModel::TaskColumn, 80);
    table->setColumnWidth(ModelsListModel::TargetColumn, 100);
    table->setColumnWidth(ModelsListModel::StatusColumn, 90);
    table->setColumnWidth(ModelsListModel::StartedColumn, 130);
}

void ModelsListPanel::setModels(std::vector<ModelRunSummary> models)
{
    const QString previous = current();
    m_model->setModels(std::move(models));
    restoreSelection(previous);
}

} // namespace assay::ui
