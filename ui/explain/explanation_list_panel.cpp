#include "explain/explanation_list_panel.h"

#include "explain/explanation_list_model.h"

#include <QHeaderView>
#include <QTableView>

namespace assay::ui {

ExplanationListPanel::ExplanationListPanel(QWidget *parent)
    : ExplanationListPanel(new ExplanationListModel, parent)
{
}

ExplanationListPanel::ExplanationListPanel(ExplanationListModel *model, QWidget *parent)
    : FilteredListPanel(
          model,
          {.sortRole = ExplanationListModel::SortRole,
           .keyRole = ExplanationListModel::KeyRole,
           .settingsKey = QStringLiteral("explanationsList"),
           .filterName = QStringLiteral("explanationsFilter"),
           .placeholder = tr("Filter explanations (Ctrl+F)"),
           .countText = [](int total) { return tr("%n explanation(s)", nullptr, total); }},
          parent),
      m_model(model)
{
    m_model->setParent(this);
    QTableView *table = view();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(ExplanationListModel::ModelColumn, 90);
    table->setColumnWidth(ExplanationListModel::MethodColumn, 120);
    table->setColumnWidth(ExplanationListModel::DetailsColumn, 130);
    table->setColumnWidth(ExplanationListModel::RowsColumn, 56);
    table->setColumnWidth(ExplanationListModel::DataColumn, 120);
}

void ExplanationListPanel::setEntries(std::vector<explain::ExplanationEntry> entries)
{
    const QString previous = current();
    m_model->setEntries(std::move(entries));
    restoreSelection(previous);
}

} // namespace assay::ui
