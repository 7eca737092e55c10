#include "drift/test_selection.h"

namespace assay::drift {

bool comparedAsCategories(const ColumnFacts &facts)
{
    return !facts.numeric || facts.referenceDistinct <= kCategoricalDistinctLimit;
}

DriftTest chooseTest(const ColumnFacts &facts)
{
    const bool categories = comparedAsCategories(facts);
    if (facts.referenceValues <= kSmallReferenceRows) {
        if (!categories)
            return DriftTest::Ks;
        return facts.unionDistinct > 2 ? DriftTest::ChiSquare : DriftTest::Z;
    }
    return categories ? DriftTest::JensenShannon : DriftTest::Wasserstein;
}

} // namespace assay::drift
