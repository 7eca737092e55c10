#include "explain/shap_path.h"

namespace assay::explain {

void extendPath(PathElement *path, std::size_t length, double zeroFraction, double oneFraction,
                std::int32_t feature)
{
    path[length] = {feature, zeroFraction, oneFraction, length == 0 ? 1.0 : 0.0};
    for (std::size_t i = length; i-- > 0;) {
        path[i + 1].weight += oneFraction * path[i].weight * double(i + 1) / double(length + 1);
        path[i].weight = zeroFraction * path[i].weight * double(length - i) / double(length + 1);
    }
}

void unwindPath(PathElement *path, std::size_t length, std::size_t index)
{
    const std::size_t last = length - 1;
    const double one = path[index].oneFraction;
    const double zero = path[index].zeroFraction;
    double next = path[last].weight;
    for (std::size_t j = last; j-- > 0;) {
        if (one != 0) {
            const double kept = path[j].weight;
            path[j].weight = next * double(last + 1) / (double(j + 1) * one);
            next = kept - path[j].weight * zero * double(last - j) / double(last + 1);
        } else {
            path[j].weight = path[j].weight * double(last + 1) / (zero * double(last - j));
        }
    }
    for (std::size_t j = index; j < last; ++j) {
        path[j].feature = path[j + 1].feature;
        path[j].zeroFraction = path[j + 1].zeroFraction;
        path[j].oneFraction = path[j + 1].oneFraction;
    }
}

double unwoundPathSum(const PathElement *path, std::size_t length, std::size_t index)
{
    const std::size_t last = length - 1;
    const double one = path[index].oneFraction;
    const double zero = path[index].zeroFraction;
    double next = path[last].weight;
    double total = 0;
    for (std::size_t j = last; j-- > 0;) {
        if (one != 0) {
            const double weight = next * double(last + 1) / (double(j + 1) * one);
            total += weight;
            next = path[j].weight - weight * zero * double(last - j) / double(last + 1);
        } else {
            total += path[j].weight * double(last + 1) / (zero * double(last - j));
        }
    }
    return total;
}

} // namespace assay::explain
