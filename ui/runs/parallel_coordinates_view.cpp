#include "runs/parallel_coordinates_view.h"

#include "runs/metric_key_choice.h"

#include "runs/parallel_coordinates_chart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace assay::ui {

ParallelCoordinatesView::ParallelCoordinatesView(QWidget *parent)
    : QWidget(parent), m_params(new QToolButton(this)), m_metric(new QComboBox(this)),
      m_hint(new QLabel(this)), m_chart(new ParallelCoordinatesChart(this))
{
    m_params->setText(tr("Params"));
    m_params->setPopupMode(QToolButton::InstantPopup);
    m_params->setMenu(new QMenu(m_params));
    m_params->setToolTip(tr("The params shown as axes"));
    m_metric->setObjectName(QStringLiteral("parallelMetric"));
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_hint->setText(tr("Each line is a run; axes run from min (bottom) to max (top)."));
    m_hint->setEnabled(false);

    auto *pickers = new QHBoxLayout;
    pickers->setContentsMargins(4, 4, 4, 0);
    pickers->addWidget(m_params);
    pickers->addSpacing(8);
    pickers->addWidget(new QLabel(tr("Metric"), this));
    pickers->addWidget(m_metric);
    pickers->addSpacing(8);
    pickers->addWidget(m_hint, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(pickers);
    layout->addWidget(m_chart, 1);

    connect(m_metric, &QComboBox::activated, this, [this] {
        m_userPicked = true;
        replot();
    });
}

void ParallelCoordinatesView::setRuns(std::vector<const track::RunRecord *> runs)
{
    m_runs = std::move(runs);
    m_paramKeys = paramKeysOf(m_runs);
    const QString previousMetric = m_metric->currentText();
    const QStringList metrics = metricKeysOf(m_runs);
    m_metric->clear();
    m_metric->addItem(tr("(none)"));
    m_metric->addItems(metrics);

    QStringList kept;
    for (const QString &key : m_checkedParams)
        if (m_paramKeys.contains(key))
            kept << key;
    if (!m_userPicked || kept.isEmpty()) {
        m_userPicked = false;
        m_checkedParams.clear();
        for (const RunField &field : defaultParallelFields(m_runs))
            if (field.kind == RunField::Kind::Param)
                m_checkedParams << field.key;
        m_metric->setCurrentIndex(std::max(0, m_metric->findText(preferredMetricKey(metrics))));
    } else {
        m_checkedParams = kept;
        const int index = m_metric->findText(previousMetric);
        m_metric->setCurrentIndex(index > 0 ? index : (metrics.isEmpty() ? 0 : 1));
    }
    rebuildParamMenu();
    replot();
}

std::vector<RunField> ParallelCoordinatesView::shownFields() const
{
    std::vector<RunField> fields;
    for (const QString &key : m_paramKeys)
        if (m_checkedParams.contains(key))
            fields.push_back({RunField::Kind::Param, key});
    if (m_metric->currentIndex() > 0)
        fields.push_back({RunField::Kind::Metric, m_metric->currentText()});
    return fields;
}

void ParallelCoordinatesView::setShownParams(const QStringList &params)
{
    m_userPicked = true;
    m_checkedParams = params;
    rebuildParamMenu();
    replot();
}

void ParallelCoordinatesView::setMetric(const QString &metric)
{
    const int index = m_metric->findText(metric);
    if (index <= 0)
        return;
    m_userPicked = true;
    m_metric->setCurrentIndex(index);
    replot();
}

void ParallelCoordinatesView::rebuildParamMenu()
{
    QMenu *menu = m_params->menu();
    menu->clear();
    for (const QString &key : m_paramKeys) {
        QAction *action = menu->addAction(key);
        action->setCheckable(true);
        action->setChecked(m_checkedParams.contains(key));
        connect(action, &QAction::toggled, this, [this, key](bool checked) {
            m_userPicked = true;
            m_checkedParams.removeAll(key);
            if (checked)
                m_checkedParams << key;
            replot();
        });
    }
    if (m_paramKeys.isEmpty())
        menu->addAction(tr("No params logged"))->setEnabled(false);
}

void ParallelCoordinatesView::replot()
{
    const int params = int(m_checkedParams.size());
    m_params->setText(tr("Params (%1 of %2)").arg(params).arg(m_paramKeys.size()));
    std::vector<ParallelCoordinatesChart::Line> lines;
    lines.reserve(m_runs.size());
    for (const track::RunRecord *run : m_runs)
        lines.push_back({QString::fromStdString(run->info.runId), runLabel(run->info)});
    m_chart->setData(std::move(lines), parallelAxes(m_runs, shownFields()));
}

} // namespace assay::ui
