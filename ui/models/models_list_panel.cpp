#include "models/models_list_panel.h"

#include "common/list_table.h"
#include "models/models_list_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

ModelsListPanel::ModelsListPanel(QWidget *parent)
    : QWidget(parent), m_model(new ModelsListModel(this)), m_proxy(nullptr),
      m_filter(new QLineEdit(this)), m_count(new QLabel(this)), m_view(new QTableView(this))
{
    m_proxy =
        setUpListTable(m_view, m_model, ModelsListModel::SortRole, QStringLiteral("modelsList"));
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    m_view->setColumnWidth(ModelsListModel::NameColumn, 190);
    m_view->setColumnWidth(ModelsListModel::MetricColumn, 105);
    m_view->setColumnWidth(ModelsListModel::ValueColumn, 110);
    m_view->setColumnWidth(ModelsListModel::TestsColumn, 100);
    m_view->setColumnWidth(ModelsListModel::ModelColumn, 60);
    m_view->setColumnWidth(ModelsListModel::TaskColumn, 80);
    m_view->setColumnWidth(ModelsListModel::TargetColumn, 100);
    m_view->setColumnWidth(ModelsListModel::StatusColumn, 90);
    m_view->setColumnWidth(ModelsListModel::StartedColumn, 130);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ModelsListPanel::emitCurrent);

    m_filter->setObjectName(QStringLiteral("modelsFilter"));
    m_filter->setPlaceholderText(tr("Filter models (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateCount();
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
}

void ModelsListPanel::setModels(std::vector<ModelRunSummary> models)
{
    const QString previous = m_current;
    m_model->setModels(std::move(models));
    updateCount();
    m_current.clear();
    if (!previous.isEmpty() && selectModel(previous))
        return;
    if (!previous.isEmpty())
        emit currentModelChanged({});
}

bool ModelsListPanel::selectModel(const QString &runId)
{
    const int sourceRow = m_model->rowOf(runId);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        m_filter->clear(); // the filter hid it: show everything rather than nothing
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    emitCurrent();
    return true;
}

void ModelsListPanel::selectFirst()
{
    const QModelIndex first = m_proxy->index(0, 0);
    if (first.isValid())
        selectModel(first.data(ModelsListModel::RunIdRole).toString());
}

void ModelsListPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void ModelsListPanel::emitCurrent()
{
    const QString runId = m_view->currentIndex().data(ModelsListModel::RunIdRole).toString();
    if (runId == m_current)
        return;
    m_current = runId;
    emit currentModelChanged(runId);
}

void ModelsListPanel::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n model(s)", nullptr, total)
                                    : tr("%1 of %2").arg(shown).arg(total));
}

} // namespace assay::ui
