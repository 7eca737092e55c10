#pragma once

#include "common/result.h"
#include "model/model.h"

#include <QJsonObject>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace assay::model {

// One node of a binary decision tree. An inner node sends a row left when its feature's value,
// rounded to float, is < threshold (Numeric) or == threshold (Categorical: the category code,
// one category against the rest); a missing value goes left when defaultLeft. These are
// XGBoost's semantics, so imported models predict exactly as XGBoost does.
struct TreeNode {
    std::int32_t left = -1; // -1 on leaves
    std::int32_t right = -1;
    std::int32_t feature = -1;
    float threshold = 0;
    bool defaultLeft = true;
    bool categorical = false;
    float leafValue = 0; // leaves only: added to the output `Tree::outputGroup`
    double cover = 0;    // training weight that reached the node (hessian sum or row count)

    bool isLeaf() const { return left < 0; }
};

// Whether `value` (a feature value as the trees see it, in float) goes to the node's left child:
// a missing value follows defaultLeft, a category goes left when it equals the threshold, a
// number when it is below. Everything that walks trees routes through this, so explanations
// follow the model's own predictions.
inline bool goesLeft(const TreeNode &node, float value)
{
    if (std::isnan(value))
        return node.defaultLeft;
    return node.categorical ? value == node.threshold : value < node.threshold;
}

// Nodes in any order with the root at index 0.
struct Tree {
    std::vector<TreeNode> nodes;
    std::int32_t outputGroup = 0; // which output (class) the leaf values add to

    // The index of the leaf `row` reaches.
    std::int32_t leafIndex(std::span<const double> row) const;
};

// The number of splits on the longest path from the root (0 for a single leaf or no nodes).
std::size_t treeDepth(const Tree &tree);

// How summed leaf values become predictions.
enum class OutputLink {
    Identity, // regression, and forests whose leaves hold probabilities already averaged
    Logistic, // binary: sigmoid(margin)
    Softmax,  // multiclass: softmax over the outputs' margins
};

// A sum of trees: CART (one tree), random forests (leaves pre-divided by the tree count),
// gradient boosting and imported XGBoost models. margin[g] = baseMargin[g] + Σ leaf values of
// the trees of group g, accumulated in float in tree order, as XGBoost does.
class TreeEnsemble final : public Model {
public:
    TreeEnsemble(ModelSignature signature, std::vector<Tree> trees, std::vector<float> baseMargin,
                 OutputLink link);

    std::string_view kind() const override { return "trees"; }
    void predict(const FeatureMatrix &x, std::span<double> out,
                 unsigned threads = 0) const override;
    // Margins before the link: rows × outputCount(); TreeSHAP explains these.
    void predictMargin(const FeatureMatrix &x, std::span<double> out, unsigned threads = 0) const;

    const std::vector<Tree> &trees() const { return m_trees; }
    const std::vector<float> &baseMargin() const { return m_baseMargin; }
    OutputLink link() const { return m_link; }

    QJsonObject parametersToJson() const override;
    // Reads what parametersToJson wrote; errors name the key under "model".
    static Result<std::unique_ptr<TreeEnsemble>> fromJson(ModelSignature signature,
                                                          const QJsonObject &parameters);

private:
    // The trees laid out for prediction: 12-byte nodes of every tree in one array, the right
    // child next to the left one, so a walk touches few cache lines.
    struct PackedNode {
        float value;                // threshold, or the leaf value
        std::uint32_t left;         // index of the left child, the right one follows; 0 on leaves
        std::uint32_t featureFlags; // feature index | kDefaultLeft | kCategorical
    };
    static constexpr std::uint32_t kDefaultLeft = 1u << 31;
    static constexpr std::uint32_t kCategorical = 1u << 30;
    static constexpr std::uint32_t kFeatureMask = kCategorical - 1;

    void pack();
    void addTree(std::size_t tree, const float *features, std::size_t rows, std::size_t columns,
                 float *margins, std::size_t outputs) const;
    void predictBlocks(const FeatureMatrix &x, std::span<double> out, bool linked,
                       unsigned threads) const;

    std::vector<Tree> m_trees;
    std::vector<PackedNode> m_packed;
    std::vector<std::uint32_t> m_roots;  // per tree, its root in m_packed
    std::vector<std::uint32_t> m_depths; // per tree, the longest path from the root to a leaf
    std::vector<float> m_baseMargin;
    OutputLink m_link;
};

} // namespace assay::model
