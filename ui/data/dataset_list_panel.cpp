#include "data/dataset_list_panel.h"

#include "data/dataset_list_model.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace assay::ui {

DatasetListPanel::DatasetListPanel(QWidget *parent)
    : QWidget(parent), m_model(new DatasetListModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)),
      m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(DatasetListModel::PathColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(DatasetListModel::RelativePathRole);

    m_filter->setObjectName(QStringLiteral("datasetFilter"));
    m_filter->setPlaceholderText(tr("Filter datasets (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &DatasetListPanel::applyFilter);

    m_view->setObjectName(QStringLiteral("datasetList"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(DatasetListModel::PathColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(DatasetListModel::SizeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DatasetListModel::StatusColumn, QHeaderView::ResizeToContents);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DatasetListPanel::emitCurrent);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
}

void DatasetListPanel::setDatasets(std::vector<workspace::DatasetEntry> datasets)
{
    const QString previous = m_current;
    m_model->setDatasets(std::move(datasets));
    if (previous.isEmpty())
        return;
    if (m_model->rowOf(previous) >= 0) {
        selectDataset(previous); // may be hidden by the filter: then it just stays open
        return;
    }
    m_current.clear();
    emit currentDatasetChanged({});
}

bool DatasetListPanel::selectDataset(const QString &relativePath)
{
    const int sourceRow = m_model->rowOf(relativePath);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    emitCurrent();
    return true;
}

void DatasetListPanel::selectFirst()
{
    const QModelIndex first = m_proxy->index(0, 0);
    if (first.isValid())
        selectDataset(first.data(DatasetListModel::RelativePathRole).toString());
}

QString DatasetListPanel::currentDataset() const
{
    return m_current;
}

void DatasetListPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void DatasetListPanel::applyFilter(const QString &text)
{
    // Hiding the selected row moves the selection model's current index to a neighbour;
    // that is not the user choosing another dataset, so the open one stays open.
    m_filtering = true;
    m_proxy->setFilterFixedString(text);
    const int sourceRow = m_model->rowOf(m_current);
    const QModelIndex visible =
        sourceRow < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (visible.isValid())
        m_view->selectionModel()->setCurrentIndex(visible, QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
    else
        m_view->selectionModel()->clear();
    m_filtering = false;
}

void DatasetListPanel::emitCurrent()
{
    if (m_filtering)
        return;
    // Filtering can hide the selected row; the dataset stays open until another is chosen.
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const QString path = current.data(DatasetListModel::RelativePathRole).toString();
    if (path == m_current)
        return;
    m_current = path;
    emit currentDatasetChanged(path);
}

} // namespace assay::ui
