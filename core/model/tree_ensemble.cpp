#include "model/tree_ensemble.h"

#include "common/parallel_for.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace assay::model {

namespace {

// Rows are predicted in blocks: every tree walks the block's rows before the next tree is
// loaded, so a tree stays in cache while the block's features do too.
constexpr std::size_t kBlockRows = 64;

std::int32_t walk(const std::vector<TreeNode> &nodes, const float *features)
{
    std::int32_t index = 0;
    while (!nodes[index].isLeaf()) {
        const TreeNode &node = nodes[index];
        index = goesLeft(node, features[node.feature]) ? node.left : node.right;
    }
    return index;
}

std::size_t depthBelow(const std::vector<TreeNode> &nodes, std::int32_t index)
{
    const TreeNode &node = nodes[index];
    if (node.isLeaf())
        return 0;
    return 1 + std::max(depthBelow(nodes, node.left), depthBelow(nodes, node.right));
}

QString linkName(OutputLink link)
{
    switch (link) {
    case OutputLink::Identity: return QStringLiteral("identity");
    case OutputLink::Logistic: return QStringLiteral("logistic");
    case OutputLink::Softmax: return QStringLiteral("softmax");
    }
    return {};
}

std::optional<OutputLink> linkFromName(const QString &name)
{
    for (OutputLink link : {OutputLink::Identity, OutputLink::Logistic, OutputLink::Softmax})
        if (linkName(link) == name)
            return link;
    return std::nullopt;
}

void applyLink(OutputLink link, std::span<float> margins)
{
    switch (link) {
    case OutputLink::Identity:
        return;
    case OutputLink::Logistic:
        for (float &value : margins)
            value = 1.0f / (1.0f + std::exp(-value));
        return;
    case OutputLink::Softmax: {
        const float largest = *std::max_element(margins.begin(), margins.end());
        float total = 0;
        for (float &value : margins) {
            value = std::exp(value - largest);
            total += value;
        }
        for (float &value : margins)
            value /= total;
        return;
    }
    }
}

template <typename Node>
QJsonArray arrayOf(const std::vector<TreeNode> &nodes, Node field)
{
    QJsonArray array;
    for (const auto &node : nodes)
        array.append(field(node));
    return array;
}

Result<std::vector<double>> numbersAt(const QJsonObject &object, const char *key,
                                      std::size_t expected, const std::string &where)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isArray())
        return Error::invalidInput(where + "." + key + ": expected an array");
    const QJsonArray array = value.toArray();
    if (expected != 0 && static_cast<std::size_t>(array.size()) != expected)
        return Error::invalidInput(where + "." + key + ": expected " + std::to_string(expected) +
                                   " values, found " + std::to_string(array.size()));
    std::vector<double> numbers;
    numbers.reserve(array.size());
    for (const auto &item : array) {
        if (!item.isDouble() && !item.isBool())
            return Error::invalidInput(where + "." + key + ": expected numbers");
        numbers.push_back(item.isBool() ? double(item.toBool()) : item.toDouble());
    }
    return numbers;
}

// Every node but the root must be the child of exactly one node, reachable from the root.
Status checkShape(const std::vector<TreeNode> &nodes, const std::string &where)
{
    std::vector<std::uint8_t> reached(nodes.size(), 0);
    std::vector<std::int32_t> pending{0};
    reached[0] = 1;
    while (!pending.empty()) {
        const TreeNode &node = nodes[pending.back()];
        pending.pop_back();
        if (node.isLeaf())
            continue;
        for (std::int32_t child : {node.left, node.right}) {
            if (child <= 0 || static_cast<std::size_t>(child) >= nodes.size() || reached[child])
                return Error::invalidInput(where + ": node children do not form a tree (child " +
                                           std::to_string(child) + ")");
            reached[child] = 1;
            pending.push_back(child);
        }
    }
    if (std::find(reached.begin(), reached.end(), 0) != reached.end())
        return Error::invalidInput(where + ": some nodes are not reachable from the root");
    return {};
}

Result<Tree> treeFromJson(const QJsonObject &object, const ModelSignature &signature,
                          const std::string &where)
{
    auto left = numbersAt(object, "left", 0, where);
    if (!left)
        return left.error();
    const std::size_t count = left->size();
    if (count == 0)
        return Error::invalidInput(where + ".left: a tree needs at least one node");
    auto right = numbersAt(object, "right", count, where);
    auto feature = numbersAt(object, "feature", count, where);
    auto threshold = numbersAt(object, "threshold", count, where);
    auto defaultLeft = numbersAt(object, "default_left", count, where);
    auto categorical = numbersAt(object, "categorical", count, where);
    auto value = numbersAt(object, "value", count, where);
    auto cover = numbersAt(object, "cover", count, where);
    for (const auto *part : {&right, &feature, &threshold, &defaultLeft, &categorical, &value, &cover})
        if (!*part)
            return part->error();

    Tree tree;
    tree.outputGroup = object.value(QStringLiteral("group")).toInt(-1);
    if (tree.outputGroup < 0 || static_cast<std::size_t>(tree.outputGroup) >= signature.outputCount())
        return Error::invalidInput(where + ".group: expected an output index below " +
                                   std::to_string(signature.outputCount()));
    tree.nodes.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        TreeNode &node = tree.nodes[i];
        node.left = static_cast<std::int32_t>((*left)[i]);
        node.right = static_cast<std::int32_t>((*right)[i]);
        node.feature = static_cast<std::int32_t>((*feature)[i]);
        node.threshold = static_cast<float>((*threshold)[i]);
        node.defaultLeft = (*defaultLeft)[i] != 0;
        node.categorical = (*categorical)[i] != 0;
        node.leafValue = static_cast<float>((*value)[i]);
        node.cover = (*cover)[i];
        if (!node.isLeaf() &&
            (node.feature < 0 || static_cast<std::size_t>(node.feature) >= signature.features.size()))
            return Error::invalidInput(where + ".feature[" + std::to_string(i) +
                                       "]: no feature with index " + std::to_string(node.feature));
    }
    ASSAY_TRY(checkShape(tree.nodes, where));
    return tree;
}

} // namespace

std::size_t treeDepth(const Tree &tree)
{
    return tree.nodes.empty() ? 0 : depthBelow(tree.nodes, 0);
}

std::int32_t Tree::leafIndex(std::span<const double> row) const
{
    std::vector<float> features(row.begin(), row.end());
    return walk(nodes, features.data());
}

TreeEnsemble::TreeEnsemble(ModelSignature signature, std::vector<Tree> trees,
                           std::vector<float> baseMargin, OutputLink link)
    : Model(std::move(signature)), m_trees(std::move(trees)), m_baseMargin(std::move(baseMargin)),
      m_link(link)
{
    m_baseMargin.resize(this->signature().outputCount(), 0.0f);
    pack();
}

void TreeEnsemble::pack()
{
    m_packed.clear();
    m_roots.clear();
    m_depths.clear();
    for (const Tree &tree : m_trees) {
        // Breadth-first, so each node's children land side by side.
        const auto root = static_cast<std::uint32_t>(m_packed.size());
        m_roots.push_back(root);
        std::vector<std::int32_t> order{0};
        std::vector<std::uint32_t> depth{0};
        m_packed.push_back({});
        std::uint32_t deepest = 0;
        for (std::size_t next = 0; next < order.size(); ++next) {
            const TreeNode &node = tree.nodes[order[next]];
            PackedNode &packed = m_packed[root + next];
            deepest = std::max(deepest, depth[next]);
            if (node.isLeaf()) {
                packed = {node.leafValue, 0, 0};
                continue;
            }
            packed.value = node.threshold;
            packed.left = root + static_cast<std::uint32_t>(order.size());
            packed.featureFlags = static_cast<std::uint32_t>(node.feature) |
                                  (node.defaultLeft ? kDefaultLeft : 0u) |
                                  (node.categorical ? kCategorical : 0u);
            order.push_back(node.left);
            order.push_back(node.right);
            depth.insert(depth.end(), 2, depth[next] + 1);
            m_packed.resize(root + order.size());
        }
        m_depths.push_back(deepest);
    }
}

// Walks a few rows through one tree in lockstep, one level at a time: the rows' loads overlap
// and the branch-free step keeps the pipeline full. A row at a leaf stays there.
void TreeEnsemble::addTree(std::size_t tree, const float *features, std::size_t rows,
                           std::size_t columns, float *margins, std::size_t outputs) const
{
    constexpr std::size_t kLanes = 16;
    const std::uint32_t root = m_roots[tree];
    const std::uint32_t depth = m_depths[tree];
    const auto group = static_cast<std::size_t>(m_trees[tree].outputGroup);
    const PackedNode *nodes = m_packed.data();
    for (std::size_t first = 0; first < rows; first += kLanes) {
        const std::size_t lanes = std::min(kLanes, rows - first);
        std::uint32_t index[kLanes];
        std::fill_n(index, lanes, root);
        for (std::uint32_t level = 0; level < depth; ++level) {
            for (std::size_t lane = 0; lane < lanes; ++lane) {
                const PackedNode &node = nodes[index[lane]];
                if (node.left == 0)
                    continue;
                const float value = features[(first + lane) * columns + (node.featureFlags & kFeatureMask)];
                const bool below = (node.featureFlags & kCategorical) ? value == node.value : value < node.value;
                const bool left = std::isnan(value) ? (node.featureFlags & kDefaultLeft) != 0 : below;
                index[lane] = node.left + (left ? 0u : 1u);
            }
        }
        for (std::size_t lane = 0; lane < lanes; ++lane)
            margins[(first + lane) * outputs + group] += nodes[index[lane]].value;
    }
}

void TreeEnsemble::predictBlocks(const FeatureMatrix &x, std::span<double> out, bool linked,
                                 unsigned threads) const
{
    const std::size_t outputs = signature().outputCount();
    const std::size_t columns = x.columns();
    const std::size_t blocks = (x.rows + kBlockRows - 1) / kBlockRows;
    parallelForOn(threads, blocks, [&](std::size_t block) {
        const std::size_t first = block * kBlockRows;
        const std::size_t count = std::min(kBlockRows, x.rows - first);
        std::vector<float> features(count * columns);
        for (std::size_t i = 0; i < count * columns; ++i)
            features[i] = static_cast<float>(x.values[first * columns + i]);
        std::vector<float> margins(count * outputs);
        for (std::size_t row = 0; row < count; ++row)
            std::copy(m_baseMargin.begin(), m_baseMargin.end(), margins.begin() + row * outputs);
        for (std::size_t t = 0; t < m_trees.size(); ++t)
            addTree(t, features.data(), count, columns, margins.data(), outputs);
        for (std::size_t row = 0; row < count; ++row) {
            const std::span<float> rowMargins(margins.data() + row * outputs, outputs);
            if (linked)
                applyLink(m_link, rowMargins);
            std::copy(rowMargins.begin(), rowMargins.end(), out.begin() + (first + row) * outputs);
        }
    });
}

void TreeEnsemble::predict(const FeatureMatrix &x, std::span<double> out, unsigned threads) const
{
    predictBlocks(x, out, true, threads);
}

void TreeEnsemble::predictMargin(const FeatureMatrix &x, std::span<double> out, unsigned threads) const
{
    predictBlocks(x, out, false, threads);
}

QJsonObject TreeEnsemble::parametersToJson() const
{
    QJsonArray trees;
    for (const Tree &tree : m_trees) {
        const auto &nodes = tree.nodes;
        trees.append(QJsonObject{
            {QStringLiteral("group"), tree.outputGroup},
            {QStringLiteral("left"), arrayOf(nodes, [](const TreeNode &n) { return n.left; })},
            {QStringLiteral("right"), arrayOf(nodes, [](const TreeNode &n) { return n.right; })},
            {QStringLiteral("feature"), arrayOf(nodes, [](const TreeNode &n) { return n.feature; })},
            {QStringLiteral("threshold"),
             arrayOf(nodes, [](const TreeNode &n) { return double(n.threshold); })},
            {QStringLiteral("default_left"),
             arrayOf(nodes, [](const TreeNode &n) { return n.defaultLeft; })},
            {QStringLiteral("categorical"),
             arrayOf(nodes, [](const TreeNode &n) { return n.categorical; })},
            {QStringLiteral("value"), arrayOf(nodes, [](const TreeNode &n) { return double(n.leafValue); })},
            {QStringLiteral("cover"), arrayOf(nodes, [](const TreeNode &n) { return n.cover; })},
        });
    }
    QJsonArray baseMargin;
    for (float margin : m_baseMargin)
        baseMargin.append(double(margin));
    return QJsonObject{{QStringLiteral("link"), linkName(m_link)},
                       {QStringLiteral("base_margin"), baseMargin},
                       {QStringLiteral("trees"), trees}};
}

Result<std::unique_ptr<TreeEnsemble>> TreeEnsemble::fromJson(ModelSignature signature,
                                                             const QJsonObject &parameters)
{
    const auto link = linkFromName(parameters.value(QStringLiteral("link")).toString());
    if (!link)
        return Error::invalidInput("model.link: expected identity, logistic or softmax");
    const QJsonArray baseArray = parameters.value(QStringLiteral("base_margin")).toArray();
    if (baseArray.size() != static_cast<qsizetype>(signature.outputCount()))
        return Error::invalidInput("model.base_margin: expected " +
                                   std::to_string(signature.outputCount()) + " values");
    std::vector<float> baseMargin;
    for (const auto &value : baseArray)
        baseMargin.push_back(static_cast<float>(value.toDouble()));

    const QJsonArray treeArray = parameters.value(QStringLiteral("trees")).toArray();
    std::vector<Tree> trees;
    trees.reserve(treeArray.size());
    for (qsizetype t = 0; t < treeArray.size(); ++t) {
        const QJsonObject object = treeArray[t].toObject();
        const std::string where = "model.trees[" + std::to_string(t) + "]";
        auto tree = treeFromJson(object, signature, where);
        if (!tree)
            return tree.error();
        trees.push_back(std::move(*tree));
    }
    return std::make_unique<TreeEnsemble>(std::move(signature), std::move(trees),
                                          std::move(baseMargin), *link);
}

} // namespace assay::model
