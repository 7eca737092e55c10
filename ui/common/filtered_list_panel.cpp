#include "common/filtered_list_panel.h"

#include "common/list_table.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

FilteredListPanel::FilteredListPanel(QAbstractItemModel *model, Setup setup, QWidget *parent)
    : QWidget(parent), m_model(model), m_setup(std::move(setup)), m_proxy(nullptr),
      m_filter(new QLineEdit(this)), m_count(new QLabel(this)), m_view(new QTableView(this))
{
    m_proxy = setUpListTable(m_view, m_model, m_setup.sortRole, m_setup.settingsKey);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FilteredListPanel::emitCurrent);

    m_filter->setObjectName(m_setup.filterName);
    m_filter->setPlaceholderText(m_setup.placeholder);
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
    updateCount();
}

void FilteredListPanel::restoreSelection(const QString &previous)
{
    updateCount();
    m_current.clear();
    if (!previous.isEmpty() && select(previous))
        return;
    if (!previous.isEmpty())
        emit currentChanged({});
}

bool FilteredListPanel::select(const QString &key)
{
    int sourceRow = -1;
    for (int row = 0; row < m_model->rowCount() && sourceRow < 0; ++row)
        if (m_model->index(row, 0).data(m_setup.keyRole).toString() == key)
            sourceRow = row;
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

void FilteredListPanel::selectFirst()
{
    const QModelIndex first = m_proxy->index(0, 0);
    if (first.isValid())
        select(first.data(m_setup.keyRole).toString());
}

void FilteredListPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void FilteredListPanel::emitCurrent()
{
    const QString key = m_view->currentIndex().data(m_setup.keyRole).toString();
    if (key == m_current)
        return;
    m_current = key;
    emit currentChanged(key);
}

void FilteredListPanel::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? m_setup.countText(total)
                                    : tr("%1 of %2").arg(shown).arg(total));
}

} // namespace assay::ui
