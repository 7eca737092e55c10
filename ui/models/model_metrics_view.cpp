#include "models/model_metrics_view.h"

#include "common/list_table.h"
#include "common/theme.h"
#include "models/metrics_table_model.h"
#include "models/model_results.h"

#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

QString param(const ModelResults &results, const char *key)
{
    const auto found = results.run.params.find(key);
    return found == results.run.params.end() ? QString() : QString::fromStdString(found->second);
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ModelMetricsView::ModelMetricsView(QWidget *parent)
    : QWidget(parent), m_caption(new QLabel(this)), m_problem(new QLabel(this)),
      m_metrics(new MetricsTableModel(this)), m_metricsTable(new QTableView(this)),
      m_params(new QStandardItemModel(this)), m_paramsTable(new QTableView(this))
{
    setObjectName(QStringLiteral("modelMetrics"));
    m_caption->setTextFormat(Qt::RichText);
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setWordWrap(true);
    QPalette muted = m_problem->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(palette()));
    m_problem->setPalette(muted);

    setUpListTable(m_metricsTable, m_metrics, MetricsTableModel::SortRole,
                   QStringLiteral("modelMetricsTable"));
    m_metricsTable->setWordWrap(false);
    m_metricsTable->horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_metricsTable->horizontalHeader()->setMinimumSectionSize(60);
    setUpListTable(m_paramsTable, m_params, Qt::DisplayRole, QStringLiteral("modelParamsTable"));
    m_paramsTable->horizontalHeader()->setStretchLastSection(true);
    m_paramsTable->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_caption);
    layout->addWidget(m_problem);
    layout->addWidget(sectionTitle(tr("Metrics"), this));
    layout->addWidget(m_metricsTable, 2);
    layout->addWidget(sectionTitle(tr("Params"), this));
    layout->addWidget(m_paramsTable, 3);
}

void ModelMetricsView::showResults(const ModelResults &results)
{
    const QString dataName = param(results, "data");
    const QString split = param(results, "split");
    const QString folds = param(results, "cv_folds");
    const QString validation = folds.isEmpty() ? tr("split %1 (train, valid, test)").arg(split)
                                               : tr("%1-fold cross-validation").arg(folds);
    m_caption->setText(
        tr("<b>%1</b> model of <b>%2</b> (%3) on <code>%4</code> · %5 · seed %6")
            .arg(param(results, "model").toHtmlEscaped(), param(results, "target").toHtmlEscaped(),
                 results.task.toHtmlEscaped(), dataName.toHtmlEscaped(), validation.toHtmlEscaped(),
                 param(results, "seed").toHtmlEscaped()));
    m_problem->setText(results.evaluationProblem.isEmpty()
                           ? QString()
                           : tr("No evaluations to show: %1").arg(results.evaluationProblem));
    m_problem->setVisible(!results.evaluationProblem.isEmpty());
    m_metrics->setTable(metricsTableOf(results));
    m_metricsTable->resizeColumnsToContents();

    m_params->clear();
    m_params->setHorizontalHeaderLabels({tr("Param"), tr("Value")});
    for (const auto &[key, value] : results.run.params) {
        auto *valueItem = new QStandardItem(QString::fromStdString(value));
        valueItem->setToolTip(valueItem->text());
        m_params->appendRow({new QStandardItem(QString::fromStdString(key)), valueItem});
    }
    for (int row = 0; row < m_params->rowCount(); ++row) {
        for (int column = 0; column < 2; ++column)
            m_params->item(row, column)->setEditable(false);
    }
    m_paramsTable->setColumnWidth(0, 160);
}

} // namespace assay::ui
