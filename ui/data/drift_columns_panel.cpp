#include "data/drift_columns_panel.h"

#include "common/distribution_chart.h"
#include "common/distribution_delegate.h"
#include "common/format.h"
#include "common/list_table.h"
#include "data/drift_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

DriftColumnsPanel::DriftColumnsPanel(const QString &tableName, QWidget *parent)
    : QSplitter(Qt::Vertical, parent), m_table(new QTableView(this)), m_model(new DriftModel(this)),
      m_proxy(nullptr), m_chartTitle(new QLabel(this)), m_chart(new DistributionChart(this))
{
    m_proxy = setUpListTable(m_table, m_model, DriftModel::SortRole, tableName);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setItemDelegateForColumn(
        DriftModel::DistributionColumn,
        new DistributionDelegate(
            [this](const QModelIndex &index) -> const DistributionData * {
                const QModelIndex source = m_proxy->mapToSource(index);
                return source.isValid() ? &m_model->distribution(source.row()) : nullptr;
            },
            m_table));

    auto *chartSection = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(chartSection);
    chartLayout->setContentsMargins(0, 4, 0, 0);
    chartLayout->setSpacing(2);
    QFont bold = m_chartTitle->font();
    bold.setBold(true);
    m_chartTitle->setFont(bold);
    chartLayout->addWidget(m_chartTitle);
    chartLayout->addWidget(m_chart, 1);
    m_chart->setObjectName(QStringLiteral("driftChart"));
    addWidget(m_table);
    addWidget(chartSection);
    setChildrenCollapsible(false);
    setSizes({420, 300});

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showChartFor(m_proxy->mapToSource(current).row());
            });
}

void DriftColumnsPanel::setDrift(std::shared_ptr<const drift::DatasetDrift> result, const QString &referenceName,
                                 const QString &currentName)
{
    m_model->setDrift(std::move(result), referenceName, currentName);
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(DriftModel::DistributionColumn, 150);
    if (m_model->rowCount() == 0)
        return;
    selectColumn(m_model->rowOf(m_chosenColumn) >= 0 ? m_chosenColumn
                                                     : QString::fromStdString(m_model->column(0).name));
}

void DriftColumnsPanel::clear()
{
    m_model->setDrift(nullptr);
    m_chart->clearData();
    m_chartTitle->clear();
}

void DriftColumnsPanel::selectColumn(const QString &column)
{
    const int row = m_model->rowOf(column);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
    showChartFor(row);
}

void DriftColumnsPanel::showChartFor(int row)
{
    const drift::ColumnDrift &column = m_model->column(row);
    m_chosenColumn = QString::fromStdString(column.name);
    QString title = tr("%1 — %2").arg(m_chosenColumn, column.drifted ? tr("drifted") : tr("stable"));
    if (column.test != drift::DriftTest::None)
        title += tr(" (%1 %2)").arg(QString::fromUtf8(drift::testName(column.test)), formatNumber(column.statistic));
    m_chartTitle->setText(title);
    m_chart->setData(m_model->distribution(row));
}

} // namespace assay::ui
