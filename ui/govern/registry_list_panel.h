#pragma once

#include "common/filtered_list_panel.h"
#include "govern/model_registry.h"

#include <vector>

namespace assay::ui {

class RegisteredModelsModel;

// The registry's master list: registered models, filterable and sortable. Keys are model names.
class RegistryListPanel : public FilteredListPanel {
    Q_OBJECT
public:
    explicit RegistryListPanel(QWidget *parent = nullptr);

    // Replaces the rows, keeping the selected model when it is still registered.
    void setModels(std::vector<govern::RegisteredModel> models);
    RegisteredModelsModel *model() const { return m_model; }

private:
    RegistryListPanel(RegisteredModelsModel *model, QWidget *parent);

    RegisteredModelsModel *m_model;
};

} // namespace assay::ui
