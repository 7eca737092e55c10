#include "runs/parallel_coordinates_data.h"

namespace assay::ui {

std::vector<RunField> defaultParallelFields(const std::vector<const track::RunRecord *> &runs)
{
    std::vector<RunField> fields;
    for (const QString &key : paramKeysOf(runs)) {
        const RunField field{RunField::Kind::Param, key};
        if (fieldDiffers(runs, field))
            fields.push_back(field);
    }
    const QStringList metrics = metricKeysOf(runs);
    if (!metrics.isEmpty())
        fields.push_back({RunField::Kind::Metric, metrics.front()});
    return fields;
}

std::vector<ParallelAxis> parallelAxes(const std::vector<const track::RunRecord *> &runs,
                                       const std::vector<RunField> &fields)
{
    std::vector<ParallelAxis> axes;
    axes.reserve(fields.size());
    for (const RunField &field : fields)
        axes.push_back({field, fieldScale(runs, field)});
    return axes;
}

} // namespace assay::ui
