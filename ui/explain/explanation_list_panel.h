#pragma once

#include "common/filtered_list_panel.h"
#include "explain/explanation_store.h"

#include <vector>

namespace assay::ui {

class ExplanationListModel;

// The Explain area's master list: the sortable, filterable table of cached explanations. Its
// keys (and currentChanged's) are the explanations' cache keys.
class ExplanationListPanel : public FilteredListPanel {
    Q_OBJECT
public:
    explicit ExplanationListPanel(QWidget *parent = nullptr);

    // Replaces the rows, keeping the selection when it is still listed.
    void setEntries(std::vector<explain::ExplanationEntry> entries);
    ExplanationListModel *model() const { return m_model; }

private:
    explicit ExplanationListPanel(ExplanationListModel *model, QWidget *parent);

    ExplanationListModel *m_model;
};

} // namespace assay::ui
