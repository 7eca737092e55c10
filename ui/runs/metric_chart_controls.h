#pragma once

#include "runs/metric_chart_data.h"

#include <QTimer>
#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

namespace assay::ui {

// The two rows above the metric charts: single metric or all metrics, which metric, the
// x axis, EMA smoothing, log scale and ignoring outliers.
class MetricChartControls : public QWidget {
    Q_OBJECT
public:
    static constexpr double kMaxSmoothing = 0.99;

    explicit MetricChartControls(QWidget *parent = nullptr);

    MetricChartOptions options() const;
    void setOptions(const MetricChartOptions &options);
    MetricChartMode mode() const { return m_mode; }
    void setMode(MetricChartMode mode);
    // Fills the metric picker, keeping `current` chosen.
    void setMetricKeys(const QStringList &keys, const QString &current);
    QString metric() const;

    QComboBox *metricPicker() const { return m_metric; }
    QSlider *smoothingSlider() const { return m_smoothing; }

signals:
    // X axis, log scale and outliers at once; smoothing once the slider rests a moment.
    void optionsChanged();
    void modeChanged(assay::ui::MetricChartMode mode);
    void metricChanged(const QString &key);

private:
    void showSmoothing();

    MetricChartMode m_mode = MetricChartMode::Single;
    QButtonGroup *m_modes;
    QComboBox *m_metric;
    QComboBox *m_xAxis;
    QSlider *m_smoothing;
    QLabel *m_smoothingValue;
    QCheckBox *m_logScale;
    QCheckBox *m_ignoreOutliers;
    QTimer m_smoothingPause;
};

} // namespace assay::ui
