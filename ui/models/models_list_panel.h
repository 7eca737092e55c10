#pragma once

#include "common/filtered_list_panel.h"
#include "models/model_run_summary.h"

#include <vector>

namespace assay::ui {

class ModelsListModel;

// The Models area's master list: the sortable, filterable table of model runs. Its keys (and
// currentChanged's) are run ids.
class ModelsListPanel : public FilteredListPanel {
    Q_OBJECT
public:
    explicit ModelsListPanel(QWidget *parent = nullptr);

    // Replaces the rows, keeping the selected model when it is still listed.
    void setModels(std::vector<ModelRunSummary> models);
    ModelsListModel *model() const { return m_model; }

private:
    explicit ModelsListPanel(ModelsListModel *model, QWidget *parent);

    ModelsListModel *m_model;
};

} // namespace assay::ui
