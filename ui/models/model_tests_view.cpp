#include "models/model_tests_view.h"

#include "common/empty_state.h"
#include "common/list_table.h"
#include "common/verdict_banner.h"
#include "models/model_results.h"
#include "models/model_tests_model.h"

#include <QHeaderView>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

ModelTestsView::ModelTestsView(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_page(new QWidget(m_stack)),
      m_banner(new VerdictBanner(m_page)), m_model(new ModelTestsModel(this)),
      m_table(new QTableView(m_page)), m_empty(new EmptyState(m_stack))
{
    setObjectName(QStringLiteral("modelTests"));
    setUpListTable(m_table, m_model, ModelTestsModel::SortRole, QStringLiteral("modelTestsTable"));
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    m_table->setColumnWidth(ModelTestsModel::ResultColumn, 80);
    m_table->setColumnWidth(ModelTestsModel::NameColumn, 200);
    m_table->setColumnWidth(ModelTestsModel::KindColumn, 110);
    m_table->setColumnWidth(ModelTestsModel::ValueColumn, 80);
    m_table->setColumnWidth(ModelTestsModel::BoundColumn, 130);

    auto *pageLayout = new QVBoxLayout(m_page);
    pageLayout->setContentsMargins(6, 6, 6, 6);
    pageLayout->addWidget(m_banner);
    pageLayout->addWidget(m_table, 1);
    m_stack->addWidget(m_page);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

bool ModelTestsView::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void ModelTestsView::showResults(const ModelResults &results)
{
    if (!results.tests) {
        m_model->setResults({});
        const QString runId = QString::fromStdString(results.run.info.runId);
        if (!results.testsProblem.isEmpty())
            m_empty->setContent(tr("Cannot read the test results"), results.testsProblem,
                                EmptyState::Tone::Error);
        else
            m_empty->setContent(
                tr("Not tested yet"),
                tr("Describe what the model must do in a spec (minimum metrics, slices, "
                   "invariance, directions, prediction range) and run `assay test --model %1 "
                   "--data DATA --spec tests.yaml`; the results are stored with this run.")
                    .arg(runId.left(8)));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_model->setResults(*results.tests);
    const int total = m_model->rowCount();
    const int failed = m_model->failedCount();
    if (failed == 0)
        m_banner->setVerdict(StatusTone::Ok, tr("All %1 tests pass").arg(total),
                             tr("Stored by the last `assay test` of this model."));
    else
        m_banner->setVerdict(StatusTone::Failed, tr("%1 of %2 tests fail").arg(failed).arg(total),
                             tr("Sort by Result to list the failures first."));
    m_stack->setCurrentWidget(m_page);
}

} // namespace assay::ui
