#include "models/confusion_matrix_view.h"

#include "common/table_actions.h"
#include "common/theme.h"
#include "models/confusion_matrix_model.h"
#include "models/model_results.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace assay::ui {

ConfusionMatrixView::ConfusionMatrixView(QWidget *parent)
    : QWidget(parent), m_picker(new QComboBox(this)), m_caption(new QLabel(this)),
      m_model(new ConfusionMatrixModel(this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("modelConfusion"));
    m_picker->setObjectName(QStringLiteral("confusionPartPicker"));
    m_model->setShadeColor(accentColor(palette()));
    m_table->setObjectName(QStringLiteral("confusionMatrix"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::ContiguousSelection);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    TableActions::install(m_table, QStringLiteral("confusionMatrix"),
                          ConfusionMatrixModel::CountRole);

    auto *pickerRow = new QHBoxLayout;
    pickerRow->addWidget(new QLabel(tr("Part:"), this));
    pickerRow->addWidget(m_picker);
    pickerRow->addSpacing(12);
    pickerRow->addWidget(m_caption, 1);
    m_caption->setText(tr("Rows: true class · columns: predicted class · each cell: count and "
                          "share of its row"));
    QPalette muted = m_caption->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(palette()));
    m_caption->setPalette(muted);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(pickerRow);
    layout->addWidget(m_table, 1);

    connect(m_picker, &QComboBox::currentIndexChanged, this, &ConfusionMatrixView::showChoice);
}

bool ConfusionMatrixView::hasMatrix(const ModelResults &results)
{
    const auto all = results.allEvaluations();
    return std::any_of(all.begin(), all.end(), [](const EvaluatedPart *part) {
        return !part->evaluation.confusion.empty();
    });
}

void ConfusionMatrixView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_model->setShadeColor(accentColor(palette()));
    QWidget::changeEvent(event);
}

void ConfusionMatrixView::showResults(const ModelResults &results)
{
    const QSignalBlocker blocker(m_picker);
    const QString previous = m_picker->currentText();
    m_picker->clear();
    m_matrices.clear();
    m_labels = results.classes;
    std::vector<const std::vector<std::vector<std::int64_t>> *> folds;
    // Held-out parts first: the test part is the honest picture.
    for (const char *name : {"test", "valid", "train"}) {
        for (const EvaluatedPart &part : results.evaluations.parts) {
            if (part.name == QLatin1String(name) && !part.evaluation.confusion.empty()) {
                m_picker->addItem(part.name == QLatin1String("train") && results.isCrossValidation()
                                      ? tr("train (all rows)")
                                      : part.name);
                m_matrices.push_back(part.evaluation.confusion);
            }
        }
    }
    for (const EvaluatedPart &fold : results.evaluations.folds) {
        if (fold.evaluation.confusion.empty())
            continue;
        folds.push_back(&fold.evaluation.confusion);
        m_picker->addItem(fold.name);
        m_matrices.push_back(fold.evaluation.confusion);
    }
    if (folds.size() > 1) {
        if (auto sum = sumConfusionMatrices(folds); !sum.empty()) {
            // Every row was held out exactly once: the sum is the out-of-fold matrix.
            m_picker->insertItem(0, tr("all folds (out-of-fold)"));
            m_matrices.insert(m_matrices.begin(), std::move(sum));
        }
    }
    const int keep = m_picker->findText(previous);
    m_picker->setCurrentIndex(keep >= 0 ? keep : 0);
    showChoice(m_picker->currentIndex());
}

void ConfusionMatrixView::showChoice(int index)
{
    if (index < 0 || std::size_t(index) >= m_matrices.size()) {
        m_model->setMatrix({}, {});
        return;
    }
    m_model->setMatrix(m_matrices[std::size_t(index)], m_labels);
    fitCells();
}

void ConfusionMatrixView::fitCells()
{
    const QFontMetrics metrics = m_table->fontMetrics();
    int width = metrics.horizontalAdvance(QStringLiteral("100.0 %")) + 24;
    for (int column = 0; column < m_model->columnCount(); ++column)
        width = std::max(
            width,
            metrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + 16);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString text = m_model->index(row, m_model->columnCount() - 1).data().toString();
        width = std::max(width, metrics.horizontalAdvance(text) + 24);
    }
    m_table->horizontalHeader()->setDefaultSectionSize(width);
    m_table->verticalHeader()->setDefaultSectionSize(metrics.height() * 2 + 16);
}

} // namespace assay::ui
