#include "explain/explanation_list_panel.h"

#include "common/list_table.h"
#include "explain/explanation_list_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

ExplanationListPanel::ExplanationListPanel(QWidget *parent)
    : QWidget(parent), m_model(new ExplanationListModel(this)), m_proxy(nullptr),
      m_filter(new QLineEdit(this)), m_count(new QLabel(this)), m_view(new QTableView(this))
{
    m_proxy = setUpListTable(m_view, m_model, ExplanationListModel::SortRole,
                             QStringLiteral("explanationsList"));
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(ExplanationListModel::ModelColumn, 90);
    m_view->setColumnWidth(ExplanationListModel::MethodColumn, 120);
    m_view->setColumnWidth(ExplanationListModel::DetailsColumn, 130);
    m_view->setColumnWidth(ExplanationListModel::RowsColumn, 56);
    m_view->setColumnWidth(ExplanationListModel::DataColumn, 120);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ExplanationListPanel::emitCurrent);

    m_filter->setObjectName(QStringLiteral("explanationsFilter"));
    m_filter->setPlaceholderText(tr("Filter explanations (Ctrl+F)"));
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

void ExplanationListPanel::setEntries(std::vector<explain::ExplanationEntry> entries)
{
    const QString previous = m_current;
    m_model->setEntries(std::move(entries));
    updateCount();
    m_current.clear();
    if (!previous.isEmpty() && select(previous))
        return;
    if (!previous.isEmpty())
        emit currentChanged({});
}

bool ExplanationListPanel::select(const QString &key)
{
    const int sourceRow = m_model->rowOf(key);
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

void ExplanationListPanel::selectFirst()
{
    const QModelIndex first = m_proxy->index(0, 0);
    if (first.isValid())
        select(first.data(ExplanationListModel::KeyRole).toString());
}

void ExplanationListPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void ExplanationListPanel::emitCurrent()
{
    const QString key = m_view->currentIndex().data(ExplanationListModel::KeyRole).toString();
    if (key == m_current)
        return;
    m_current = key;
    emit currentChanged(key);
}

void ExplanationListPanel::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n explanation(s)", nullptr, total)
                                    : tr("%1 of %2").arg(shown).arg(total));
}

} // namespace assay::ui
