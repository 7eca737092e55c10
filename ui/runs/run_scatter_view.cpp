#include "runs/run_scatter_view.h"

#include "runs/run_scatter_chart.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace assay::ui {

RunScatterView::RunScatterView(QWidget *parent)
    : QWidget(parent), m_x(new QComboBox(this)), m_y(new QComboBox(this)),
      m_chart(new RunScatterChart(this))
{
    m_x->setObjectName(QStringLiteral("scatterX"));
    m_y->setObjectName(QStringLiteral("scatterY"));
    for (QComboBox *picker : {m_x, m_y}) {
        picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        picker->setMaxVisibleItems(25);
        connect(picker, &QComboBox::activated, this, &RunScatterView::replot);
    }
    auto *pickers = new QHBoxLayout;
    pickers->setContentsMargins(4, 4, 4, 0);
    pickers->addWidget(new QLabel(tr("X"), this));
    pickers->addWidget(m_x);
    pickers->addSpacing(8);
    pickers->addWidget(new QLabel(tr("Y"), this));
    pickers->addWidget(m_y);
    pickers->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(pickers);
    layout->addWidget(m_chart, 1);
}

void RunScatterView::setRuns(std::vector<const track::RunRecord *> runs)
{
    const RunField previousX = xField(), previousY = yField();
    m_runs = std::move(runs);
    m_fields = allFields(paramKeysOf(m_runs), metricKeysOf(m_runs));
    for (QComboBox *picker : {m_x, m_y}) {
        picker->clear();
        for (const RunField &field : m_fields)
            picker->addItem(field.qualifiedLabel());
    }
    if (m_fields.empty()) {
        replot();
        return;
    }
    int x = indexOf(previousX), y = indexOf(previousY);
    if (x < 0 || y < 0) {
        const auto differing =
            std::find_if(m_fields.begin(), m_fields.end(), [this](const RunField &f) {
                return f.kind == RunField::Kind::Param && fieldDiffers(m_runs, f);
            });
        const auto metric = std::find_if(m_fields.begin(), m_fields.end(), [](const RunField &f) {
            return f.kind == RunField::Kind::Metric;
        });
        x = differing != m_fields.end() ? int(differing - m_fields.begin()) : 0;
        y = metric != m_fields.end() ? int(metric - m_fields.begin())
                                     : std::min(1, int(m_fields.size()) - 1);
    }
    m_x->setCurrentIndex(x);
    m_y->setCurrentIndex(y);
    replot();
}

bool RunScatterView::setFields(const RunField &x, const RunField &y)
{
    const int xIndex = indexOf(x), yIndex = indexOf(y);
    if (xIndex < 0 || yIndex < 0)
        return false;
    m_x->setCurrentIndex(xIndex);
    m_y->setCurrentIndex(yIndex);
    replot();
    return true;
}

RunField RunScatterView::xField() const
{
    const int index = m_x->currentIndex();
    return index >= 0 && index < int(m_fields.size()) ? m_fields[std::size_t(index)] : RunField{};
}

RunField RunScatterView::yField() const
{
    const int index = m_y->currentIndex();
    return index >= 0 && index < int(m_fields.size()) ? m_fields[std::size_t(index)] : RunField{};
}

int RunScatterView::indexOf(const RunField &field) const
{
    const auto found = std::find(m_fields.begin(), m_fields.end(), field);
    return found == m_fields.end() ? -1 : int(found - m_fields.begin());
}

void RunScatterView::replot()
{
    std::vector<RunScatterChart::Point> points;
    points.reserve(m_runs.size());
    for (const track::RunRecord *run : m_runs)
        points.push_back({QString::fromStdString(run->info.runId), runLabel(run->info)});
    const RunField x = xField(), y = yField();
    m_chart->setData(std::move(points), x, fieldScale(m_runs, x), y, fieldScale(m_runs, y));
}

} // namespace assay::ui
