#include "explain/local_explanation_view.h"

#include "common/table_actions.h"
#include "explain/explained_rows_model.h"
#include "explain/feature_value_text.h"
#include "explain/lime_chart.h"
#include "explain/row_search_proxy.h"
#include "explain/waterfall_chart.h"
#include "explain/waterfall_steps.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

constexpr std::size_t kWaterfallSteps = 10;

const explain::LimeResult *limeResultOf(const explain::Explanation &explanation)
{
    return std::get_if<explain::LimeResult>(&explanation.result);
}

} // namespace

LocalExplanationView::LocalExplanationView(QWidget *parent)
    : QWidget(parent), m_rows(new ExplainedRowsModel(this)), m_proxy(new RowSearchProxy(this)),
      m_searchBox(new QLineEdit(this)), m_table(new QTableView(this)),
      m_waterfall(new WaterfallChart(this)), m_lime(new LimeChart(this))
{
    m_proxy->setSourceModel(m_rows);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setDefaultSectionSize(90);
    TableActions::install(m_table, QStringLiteral("explainedRows"), Qt::DisplayRole);
    m_searchBox->setObjectName(QStringLiteral("explainRowSearch"));
    m_searchBox->setPlaceholderText(tr("Find a row by its number or a value"));
    m_searchBox->setClearButtonEnabled(true);
    connect(m_searchBox, &QLineEdit::textChanged, m_proxy, &RowSearchProxy::setSearch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LocalExplanationView::showCurrentRow);

    auto *rowsPane = new QWidget(this);
    auto *rowsLayout = new QVBoxLayout(rowsPane);
    rowsLayout->setContentsMargins(0, 0, 0, 0);
    rowsLayout->setSpacing(4);
    rowsLayout->addWidget(m_searchBox);
    rowsLayout->addWidget(m_table, 1);
    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_waterfall);
    charts->addWidget(m_lime);
    charts->setChildrenCollapsible(false);
    charts->setStretchFactor(0, 1);
    charts->setStretchFactor(1, 1);
    charts->setSizes({500, 500}); // halves, whatever the charts' size hints
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(rowsPane);
    split->addWidget(charts);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    split->setSizes({220, 480}); // the charts are what the tab is for
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(split);
}

void LocalExplanationView::showBundle(const ExplanationBundle &bundle, std::size_t output)
{
    const std::optional<std::size_t> previous = currentRowId();
    m_bundle = &bundle;
    m_output = output;
    const explain::Explanation &explanation = bundle.explanation;
    if (const auto *shap = std::get_if<explain::ShapExplanation>(&explanation.result)) {
        m_outputNames = outputNames(explanation.subject, shap->values.outputs);
        std::vector<double> outputs(shap->rowIds.size());
        for (std::size_t row = 0; row < outputs.size(); ++row)
            outputs[row] = shap->predictions[row * shap->values.outputs + output];
        m_rows->setRows(
            shap->rowIds, shap->x, std::move(outputs),
            tr("%1 (%2)").arg(m_outputNames.value(qsizetype(output)), shapUnit(explanation)));
        m_waterfall->setVisible(true);
    } else if (const auto *lime = limeResultOf(explanation)) {
        m_outputNames = outputNames(explanation.subject, explanation.subject.outputs.size());
        std::vector<double> outputs;
        for (const explain::LimeExplanation &row : lime->explanations)
            outputs.push_back(row.modelPrediction);
        m_rows->setRows(lime->rowIds, lime->x, std::move(outputs), tr("model prediction"));
        m_waterfall->setVisible(false);
    } else {
        m_rows->clear();
    }
    bool anyLime = limeResultOf(explanation) != nullptr;
    for (const explain::Explanation &companion : bundle.limeCompanions)
        anyLime = anyLime || limeResultOf(companion) != nullptr;
    m_lime->setVisible(anyLime);
    if (!previous || !selectRow(*previous)) {
        const QModelIndex first = m_proxy->index(0, 0);
        if (first.isValid())
            m_table->selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
    }
    showCurrentRow();
}

void LocalExplanationView::clear()
{
    m_bundle = nullptr;
    m_rows->clear();
    showCurrentRow();
}

bool LocalExplanationView::selectRow(std::size_t rowId)
{
    const int row = m_rows->rowOfId(rowId);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_rows->index(row, 0));
    if (!index.isValid()) {
        m_searchBox->clear();
        index = m_proxy->mapFromSource(m_rows->index(row, 0));
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

std::optional<std::size_t> LocalExplanationView::currentRowId() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return current.sibling(current.row(), ExplainedRowsModel::kRowIdColumn)
        .data(ExplainedRowsModel::SortRole)
        .toULongLong();
}

const explain::LimeExplanation *LocalExplanationView::limeOf(std::size_t rowId,
                                                             std::size_t output) const
{
    std::vector<const explain::Explanation *> candidates{&m_bundle->explanation};
    for (const explain::Explanation &companion : m_bundle->limeCompanions)
        candidates.push_back(&companion);
    for (const explain::Explanation *candidate : candidates) {
        const explain::LimeResult *lime = limeResultOf(*candidate);
        if (!lime)
            continue;
        for (const explain::LimeExplanation &row : lime->explanations) {
            const bool sameOutput =
                candidate->subject.task != model::Task::Multiclass || row.output == output;
            if (row.row < lime->rowIds.size() && lime->rowIds[row.row] == rowId && sameOutput)
                return &row;
        }
    }
    return nullptr;
}

void LocalExplanationView::showCurrentRow()
{
    const std::optional<std::size_t> rowId = currentRowId();
    if (!m_bundle || !rowId) {
        m_waterfall->clearWaterfall(tr("Pick a row to see its explanation"));
        m_lime->clearExplanation({});
        return;
    }
    const QString outputName = m_outputNames.value(qsizetype(m_output));
    const explain::Explanation &explanation = m_bundle->explanation;
    if (const auto *shap = std::get_if<explain::ShapExplanation>(&explanation.result)) {
        const auto row =
            std::size_t(m_table->currentIndex().data(ExplainedRowsModel::RowIndexRole).toInt());
        const auto contributions = shap->values.of(row, m_output);
        std::vector<QString> labels;
        for (std::size_t feature = 0; feature < shap->values.features; ++feature) {
            const model::FeatureSpec &spec = shap->x.features[feature];
            labels.push_back(QStringLiteral("%1 = %2").arg(
                featureName(spec), featureValueText(spec, shap->x.at(row, feature))));
        }
        m_waterfall->setWaterfall(
            tr("Row %1: %2").arg(*rowId).arg(outputName), contributions[shap->values.features],
            waterfallSteps(contributions[shap->values.features],
                           contributions.first(shap->values.features), labels, kWaterfallSteps),
            shapUnit(explanation));
    }
    if (const explain::LimeExplanation *lime = limeOf(*rowId, m_output))
        m_lime->setExplanation(*lime, outputName);
    else
        m_lime->clearExplanation(tr("No LIME explanation of row %1").arg(*rowId));
}

} // namespace assay::ui
