#include "track/latest_metric.h"

namespace assay::track {

bool replacesLatest(const MetricPoint &candidate, const MetricPoint &latest)
{
    if (candidate.step != latest.step)
        return candidate.step > latest.step;
    if (candidate.timestampMs != latest.timestampMs)
        return candidate.timestampMs > latest.timestampMs;
    return candidate.value > latest.value;
}

} // namespace assay::track
