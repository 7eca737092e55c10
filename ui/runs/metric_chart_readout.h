#pragma once

#include "common/csv_export.h"
#include "runs/metric_chart_data.h"

#include <QPointF>

#include <memory>
#include <vector>

class QCPGraph;

namespace assay::ui {

// Where a point of a metric chart lies on its x axis, in words: "step 1,234", a local date
// and time, or "0:02:30 since the first point".
QString metricKeyText(double key, MetricXAxis axis);

// The hover read-out of the drawable point nearest to `pixel` (near plot key `key`) on
// `lines`, one per series of `data`: run name, where, value (and the raw value beneath a
// smoothed line). Empty when no point is within a few dozen pixels.
QString nearestPointReadout(const MetricChartData &data, const std::vector<QCPGraph *> &lines,
                            QPointF pixel, double key);

// The plotted numbers for Export CSV: run, run id, x, value (empty in a gap) and, with
// smoothing, the smoothed value; the runs one after another.
CsvTable metricChartCsv(std::shared_ptr<const MetricChartData> data);

} // namespace assay::ui
