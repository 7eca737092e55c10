#include "model/split_finder.h"

#include <algorithm>

namespace assay::model {

namespace {

// XGBoost's kRtEps: smaller gains are rounding noise.
constexpr double kMinGain = 1e-6;

class SplitScorer {
public:
    SplitScorer(const GradientSum &total, const QuantizedGradients &units,
                const SplitParams &params)
        : m_total(total), m_units(units), m_params(params),
          m_parentScore(structureScore(units.grad(total), units.hess(total), params.lambda))
    {
    }

    // Keeps `left` (and its complement) in `best` when it beats it.
    void consider(const GradientSum &left, int bin, bool defaultLeft, Split &best) const
    {
        const GradientSum right = m_total - left;
        const double leftHess = m_units.hess(left);
        const double rightHess = m_units.hess(right);
        if (leftHess < m_params.minChildWeight || rightHess < m_params.minChildWeight ||
            left.hess <= 0 || right.hess <= 0)
            return;
        const double gain = structureScore(m_units.grad(left), leftHess, m_params.lambda) +
                            structureScore(m_units.grad(right), rightHess, m_params.lambda) -
                            m_parentScore;
        if (gain <= std::max(kMinGain, m_params.gamma) || gain <= best.gain)
            return;
        best.gain = gain;
        best.bin = bin;
        best.defaultLeft = defaultLeft;
        best.left = left;
        best.right = right;
        best.feature = 0; // marks valid; the caller sets the real index
    }

private:
    const GradientSum &m_total;
    const QuantizedGradients &m_units;
    const SplitParams &m_params;
    double m_parentScore;
};

bool isEmpty(const GradientSum &sum)
{
    return sum.grad == 0 && sum.hess == 0;
}

} // namespace

double structureScore(double grad, double hess, double lambda)
{
    return grad * grad / (hess + lambda);
}

double leafWeight(double grad, double hess, double lambda)
{
    return -grad / (hess + lambda);
}

Split bestSplitOfFeature(const GradientSum *histogram, const GradientSum &total,
                         std::size_t feature, const FeatureBins &bins,
                         const QuantizedGradients &units, const SplitParams &params)
{
    const SplitScorer scorer(total, units, params);
    const bool hasMissing = bins.missingBin >= 0;
    const GradientSum missing = hasMissing ? histogram[bins.missingBin] : GradientSum{};
    Split best;
    best.categorical = bins.categorical;
    if (bins.categorical) {
        for (int code = 0; code < bins.splitBins; ++code) {
            if (isEmpty(histogram[code]))
                continue;
            scorer.consider(histogram[code], code, false, best);
            if (hasMissing)
                scorer.consider(histogram[code] + missing, code, true, best);
        }
    } else {
        GradientSum below;
        for (int bin = 0; bin + 1 < bins.splitBins; ++bin) {
            // An empty bin leaves the sums, hence the gain, as at the previous boundary, which
            // was considered first and wins ties.
            if (isEmpty(histogram[bin]))
                continue;
            below += histogram[bin];
            scorer.consider(below, bin, false, best);
            if (hasMissing)
                scorer.consider(below + missing, bin, true, best);
        }
    }
    if (best.valid())
        best.feature = static_cast<int>(feature);
    return best;
}

} // namespace assay::model
