#include "runs/metric_chart_controls.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace assay::ui {

namespace {

constexpr int kSliderSteps = 99; // the slider counts hundredths of the EMA weight
constexpr int kSmoothingPauseMs = 120;

QToolButton *modeButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setCheckable(true);
    button->setAutoRaise(false);
    return button;
}

} // namespace

MetricChartControls::MetricChartControls(QWidget *parent)
    : QWidget(parent), m_modes(new QButtonGroup(this)), m_metric(new QComboBox(this)),
      m_xAxis(new QComboBox(this)), m_smoothing(new QSlider(Qt::Horizontal, this)),
      m_smoothingValue(new QLabel(this)), m_logScale(new QCheckBox(tr("Log scale"), this)),
      m_ignoreOutliers(new QCheckBox(tr("Ignore outliers"), this))
{
    auto *single = modeButton(tr("One metric"), tr("One metric across the selected runs"), this);
    auto *grid =
        modeButton(tr("All metrics"), tr("Every metric of the selected runs, small"), this);
    m_modes->addButton(single, int(MetricChartMode::Single));
    m_modes->addButton(grid, int(MetricChartMode::Grid));
    single->setChecked(true);
    m_ignoreOutliers->setChecked(MetricChartOptions{}.ignoreOutliers);

    m_metric->setObjectName(QStringLiteral("metricPicker"));
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_metric->setMinimumContentsLength(12);
    m_xAxis->addItem(tr("Step"), int(MetricXAxis::Step));
    m_xAxis->addItem(tr("Wall time"), int(MetricXAxis::WallTime));
    m_xAxis->addItem(tr("Relative time"), int(MetricXAxis::RelativeTime));
    m_smoothing->setRange(0, kSliderSteps);
    m_smoothing->setMaximumWidth(160);
    m_smoothing->setToolTip(tr("Exponential moving average, debiased at the start as in "
                               "TensorBoard; the raw line stays faint behind"));
    m_smoothingValue->setMinimumWidth(
        m_smoothingValue->fontMetrics().horizontalAdvance(QStringLiteral("0.00")));
    m_logScale->setToolTip(tr("Values ≤ 0 cannot be drawn on a log scale and are left out"));
    m_ignoreOutliers->setToolTip(tr("Scale the y axis to the 5th–95th percentile of the values, "
                                    "so a few spikes don't flatten the curves"));
    m_smoothingPause.setSingleShot(true);
    m_smoothingPause.setInterval(kSmoothingPauseMs);
    showSmoothing();

    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(single);
    top->addWidget(grid);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Metric"), this));
    top->addWidget(m_metric);
    top->addStretch(1);
    auto *bottom = new QHBoxLayout;
    bottom->setSpacing(6);
    bottom->addWidget(new QLabel(tr("X axis"), this));
    bottom->addWidget(m_xAxis);
    bottom->addSpacing(12);
    bottom->addWidget(new QLabel(tr("Smoothing"), this));
    bottom->addWidget(m_smoothing);
    bottom->addWidget(m_smoothingValue);
    bottom->addSpacing(12);
    bottom->addWidget(m_logScale);
    bottom->addWidget(m_ignoreOutliers);
    bottom->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addLayout(bottom);

    connect(m_modes, &QButtonGroup::idClicked, this, [this](int id) {
        setMode(MetricChartMode(id));
        emit modeChanged(m_mode);
    });
    connect(m_metric, &QComboBox::activated, this, [this] { emit metricChanged(metric()); });
    connect(m_xAxis, &QComboBox::activated, this, &MetricChartControls::optionsChanged);
    connect(m_logScale, &QCheckBox::toggled, this, &MetricChartControls::optionsChanged);
    connect(m_ignoreOutliers, &QCheckBox::toggled, this, &MetricChartControls::optionsChanged);
    connect(m_smoothing, &QSlider::valueChanged, this, [this] {
        showSmoothing();
        m_smoothingPause.start();
    });
    connect(&m_smoothingPause, &QTimer::timeout, this, &MetricChartControls::optionsChanged);
}

MetricChartOptions MetricChartControls::options() const
{
    MetricChartOptions options;
    options.xAxis = MetricXAxis(m_xAxis->currentData().toInt());
    options.smoothing = double(m_smoothing->value()) / 100.0;
    options.logScale = m_logScale->isChecked();
    options.ignoreOutliers = m_ignoreOutliers->isChecked();
    return options;
}

void MetricChartControls::setOptions(const MetricChartOptions &options)
{
    const QSignalBlocker blockAxis(m_xAxis), blockSlider(m_smoothing), blockLog(m_logScale),
        blockOutliers(m_ignoreOutliers);
    m_xAxis->setCurrentIndex(m_xAxis->findData(int(options.xAxis)));
    m_smoothing->setValue(
        int(std::lround(std::clamp(options.smoothing, 0.0, kMaxSmoothing) * 100)));
    m_logScale->setChecked(options.logScale);
    m_ignoreOutliers->setChecked(options.ignoreOutliers);
    showSmoothing();
}

void MetricChartControls::setMode(MetricChartMode mode)
{
    m_mode = mode;
    m_modes->button(int(mode))->setChecked(true);
    m_metric->setEnabled(mode == MetricChartMode::Single);
}

void MetricChartControls::setMetricKeys(const QStringList &keys, const QString &current)
{
    const QSignalBlocker block(m_metric);
    m_metric->clear();
    m_metric->addItems(keys);
    m_metric->setCurrentIndex(std::max<qsizetype>(0, keys.indexOf(current)));
}

QString MetricChartControls::metric() const
{
    return m_metric->currentText();
}

void MetricChartControls::showSmoothing()
{
    m_smoothingValue->setText(QString::number(double(m_smoothing->value()) / 100.0, 'f', 2));
}

} // namespace assay::ui
