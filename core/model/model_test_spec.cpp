#include "model/model_test_spec.h"

#include "common/atomic_file.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <span>

namespace assay::model {

namespace {

constexpr std::array<std::string_view, 13> kHigherIsBetter{"accuracy",
                                                           "precision",
                                                           "recall",
                                                           "f1",
                                                           "precision_macro",
                                                           "recall_macro",
                                                           "f1_macro",
                                                           "precision_weighted",
                                                           "recall_weighted",
                                                           "f1_weighted",
                                                           "roc_auc",
                                                           "pr_auc",
                                                           "r2"};
constexpr std::array<std::string_view, 5> kLowerIsBetter{"log_loss", "brier", "rmse", "mae",
                                                         "mape"};

constexpr std::array<std::string_view, 5> kCheckKeys{"metric", "invariance", "directional",
                                                     "prediction_range", "no_nan"};

std::string joined(std::span<const std::string_view> words)
{
    std::string text;
    for (const auto word : words)
        text += (text.empty() ? "" : ", ") + std::string(word);
    return text;
}

std::string location(std::string_view file, const YAML::Mark &mark)
{
    std::string where(file);
    if (!mark.is_null())
        where += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
    return where;
}

class SpecParser {
public:
    explicit SpecParser(std::string_view displayName) : m_file(displayName) {}

    Result<ModelTestSpec> spec(const YAML::Node &root) const
    {
        if (!root.IsMap() || !root["tests"])
            return error(root, {}, "expected a map with a 'tests' list");
        for (const auto &entry : root)
            if (entry.first.Scalar() != "tests")
                return error(entry.first, entry.first.Scalar(), "unknown key (expected 'tests')");
        const YAML::Node tests = root["tests"];
        if (!tests.IsSequence() || tests.size() == 0)
            return error(tests, "tests", "expected a non-empty list of tests");
        ModelTestSpec spec;
        std::set<std::string> names;
        for (std::size_t i = 0; i < tests.size(); ++i) {
            const std::string key = "tests[" + std::to_string(i) + "]";
            auto test = this->test(tests[i], key);
            if (!test)
                return test.error();
            if (!test->has_value())
                continue;
            if (!names.insert((*test)->name).second)
                return error(tests[i], key + ".name",
                             "another test is already named '" + (*test)->name + "'");
            spec.tests.push_back(std::move(**test));
        }
        if (spec.tests.empty())
            return error(tests, "tests", "every test is switched off");
        return spec;
    }

private:
    Error error(const YAML::Node &node, const std::string &key, const std::string &message) const
    {
        return Error::invalidInput(location(m_file, node.Mark()) + ": " +
                                   (key.empty() ? "" : key + ": ") + message);
    }

    // Every key of `node` must be one of `allowed`.
    Status onlyKeys(const YAML::Node &node, const std::string &key,
                    std::initializer_list<std::string_view> allowed) const
    {
        for (const auto &item : node) {
            const std::string name = item.first.Scalar();
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
                return error(item.first, key + "." + name,
                             "unknown key (expected " +
                                 joined(std::vector<std::string_view>(allowed)) + ")");
        }
        return {};
    }

    // The value of `parent.name`; InvalidInput at the parent when it is missing.
    Result<YAML::Node> field(const YAML::Node &parent, const std::string &name,
                             const std::string &key) const
    {
        const YAML::Node node = parent[name];
        if (!node)
            return error(parent, key + "." + name, "missing");
        return node;
    }

    Result<double> number(const YAML::Node &parent, const std::string &name,
                          const std::string &key) const
    {
        auto node = field(parent, name, key);
        if (!node)
            return node.error();
        double value = 0;
        if (!node->IsScalar() || !YAML::convert<double>::decode(*node, value) || std::isnan(value))
            return error(*node, key + "." + name,
                         "expected a number, got " + (node->IsScalar()
                                                          ? "'" + node->Scalar() + "'"
                                                          : std::string("a list or map")));
        return value;
    }

    Result<double> nonNegative(const YAML::Node &parent, const std::string &name,
                               const std::string &key) const
    {
        auto value = number(parent, name, key);
        if (value && *value < 0)
            return error(parent[name], key + "." + name, "expected a number >= 0");
        return value;
    }

    Result<std::size_t> count(const YAML::Node &parent, const std::string &name,
                              const std::string &key, std::size_t least) const
    {
        auto value = number(parent, name, key);
        if (!value)
            return value.error();
        if (*value < static_cast<double>(least) || *value != std::floor(*value) || *value > 1e9)
            return error(parent[name], key + "." + name,
                         "expected a whole number >= " + std::to_string(least));
        return static_cast<std::size_t>(*value);
    }

    Result<std::string> text(const YAML::Node &parent, const std::string &name,
                             const std::string &key) const
    {
        auto node = field(parent, name, key);
        if (!node)
            return node.error();
        if (!node->IsScalar() || node->Scalar().empty())
            return error(*node, key + "." + name, "expected text");
        return node->Scalar();
    }

    Result<std::optional<ModelTest>> test(const YAML::Node &node, const std::string &key) const
    {
        if (!node.IsMap())
            return error(node, key, "expected a map such as {metric: roc_auc, min: 0.75}");
        std::vector<std::string> checkKeys;
        for (const auto &item : node) {
            const std::string name = item.first.Scalar();
            if (std::find(kCheckKeys.begin(), kCheckKeys.end(), name) != kCheckKeys.end())
                checkKeys.push_back(name);
        }
        if (checkKeys.size() != 1)
            return error(node, key,
                         (checkKeys.empty() ? std::string("no check")
                                            : "more than one check (" + checkKeys[0] + ", " +
                                                  checkKeys[1] + "); write one test for each") +
                             " (expected one of " + joined(kCheckKeys) + ")");
        ModelTest test;
        test.origin = location(m_file, node.Mark());
        if (const YAML::Node name = node["name"]) {
            auto value = text(node, "name", key);
            if (!value)
                return value.error();
            test.name = *value;
        }
        if (const YAML::Node where = node["where"]) {
            auto expression = text(node, "where", key);
            if (!expression)
                return expression.error();
            auto filter = SliceFilter::parse(*expression);
            if (!filter)
                return error(where, key + ".where", filter.error().message);
            test.where = std::move(*filter);
        }
        const std::string kind = checkKeys.front();
        const std::string checkKey = key + "." + kind;
        const YAML::Node body = node[kind];
        Status parsed;
        if (kind == "metric") {
            parsed = metric(node, key, test);
        } else if (kind == "no_nan") {
            bool on = false;
            ASSAY_TRY(onlyKeys(node, key, {"name", "where", "no_nan"}));
            if (!body.IsScalar() || !YAML::convert<bool>::decode(body, on))
                return error(body, checkKey, "expected true or false");
            if (!on)
                return std::optional<ModelTest>();
            test.check = NoNanCheck{};
        } else {
            ASSAY_TRY(onlyKeys(node, key, {"name", "where", kind}));
            if (!body.IsMap())
                return error(body, checkKey, "expected a map of settings");
            parsed = kind == "invariance"    ? invariance(body, checkKey, test)
                     : kind == "directional" ? directional(body, checkKey, test)
                                             : range(body, checkKey, test);
        }
        if (!parsed)
            return parsed.error();
        if (test.name.empty())
            test.name = defaultName(test);
        return std::optional<ModelTest>(std::move(test));
    }

    Status metric(const YAML::Node &node, const std::string &key, ModelTest &test) const
    {
        ASSAY_TRY(onlyKeys(
            node, key,
            {"name", "where", "metric", "min", "max", "baseline", "baseline_model", "max_drop"}));
        auto name = text(node, "metric", key);
        if (!name)
            return name.error();
        if (!higherIsBetter(*name))
            return error(node["metric"], key + ".metric",
                         "unknown metric '" + *name + "' (expected " + joined(kHigherIsBetter) +
                             ", " + joined(kLowerIsBetter) + ")");
        const bool hasBaseline = node["baseline"] || node["baseline_model"];
        if (!hasBaseline) {
            if (node["max_drop"])
                return error(node["max_drop"], key + ".max_drop",
                             "needs a 'baseline' run id or a 'baseline_model' file");
            MetricCheck check{*name, {}, {}};
            for (const char *side : {"min", "max"})
                if (node[side]) {
                    auto value = number(node, side, key);
                    if (!value)
                        return value.error();
                    (std::string_view(side) == "min" ? check.min : check.max) = *value;
                }
            if (!check.min && !check.max)
                return error(node, key, "a metric test needs 'min', 'max' or a baseline");
            if (check.min && check.max && *check.min > *check.max)
                return error(node["min"], key + ".min", "is above max");
            test.check = check;
            return {};
        }
        if (node["baseline"] && node["baseline_model"])
            return error(
                node["baseline_model"], key + ".baseline_model",
                "give either 'baseline' (a run id) or 'baseline_model' (a file), not both");
        for (const char *side : {"min", "max"})
            if (node[side])
                return error(
                    node[side], key + "." + side,
                    "a baseline test takes 'max_drop'; write bounds in a test of their own");
        if (!node["max_drop"])
            return error(node, key, "a baseline test needs 'max_drop'");
        BaselineCheck check;
        check.metric = *name;
        check.source =
            node["baseline"] ? BaselineCheck::Source::Run : BaselineCheck::Source::ModelFile;
        const char *sourceKey = node["baseline"] ? "baseline" : "baseline_model";
        auto reference = text(node, sourceKey, key);
        if (!reference)
            return reference.error();
        check.reference = *reference;
        auto maxDrop = nonNegative(node, "max_drop", key);
        if (!maxDrop)
            return maxDrop.error();
        check.maxDrop = *maxDrop;
        test.check = check;
        return {};
    }

    Status invariance(const YAML::Node &body, const std::string &key, ModelTest &test) const
    {
        InvarianceCheck check;
        auto column = text(body, "column", key);
        if (!column)
            return column.error();
        check.column = *column;
        auto perturb = text(body, "perturb", key);
        if (!perturb)
            return perturb.error();
        const std::string &how = *perturb;
        if (how == "noise") {
            check.perturbation = Perturbation::Noise;
            ASSAY_TRY(onlyKeys(body, key, {"column", "perturb", "scale", "max_change"}));
            auto scale = number(body, "scale", key);
            if (!scale)
                return scale.error();
            if (*scale <= 0)
                return error(body["scale"], key + ".scale", "expected a number > 0");
            check.scale = *scale;
        } else if (how == "swap") {
            check.perturbation = Perturbation::Swap;
            ASSAY_TRY(onlyKeys(body, key, {"column", "perturb", "with", "max_change"}));
            auto with = text(body, "with", key);
            if (!with)
                return with.error();
            if (*with == check.column)
                return error(body["with"], key + ".with",
                             "swapping a column with itself changes nothing");
            check.with = *with;
        } else if (how == "set") {
            check.perturbation = Perturbation::Set;
            ASSAY_TRY(onlyKeys(body, key, {"column", "perturb", "value", "max_change"}));
            const YAML::Node value = body["value"];
            if (!value)
                return error(body, key + ".value",
                             "perturb: set needs a 'value' (null for missing)");
            if (!value.IsNull() && !value.IsScalar())
                return error(value, key + ".value", "expected a number, a category or null");
            if (!value.IsNull())
                check.value = value.Scalar();
        } else if (how == "shuffle") {
            check.perturbation = Perturbation::Shuffle;
            ASSAY_TRY(onlyKeys(body, key, {"column", "perturb", "max_change"}));
        } else {
            return error(body["perturb"], key + ".perturb",
                         "unknown perturbation '" + how +
                             "' (expected noise, swap, set or shuffle)");
        }
        auto maxChange = nonNegative(body, "max_change", key);
        if (!maxChange)
            return maxChange.error();
        check.maxChange = *maxChange;
        test.check = check;
        return {};
    }

    Status directional(const YAML::Node &body, const std::string &key, ModelTest &test) const
    {
        ASSAY_TRY(
            onlyKeys(body, key, {"column", "direction", "tolerance", "steps", "rows", "class"}));
        DirectionalCheck check;
        auto column = text(body, "column", key);
        if (!column)
            return column.error();
        check.column = *column;
        auto direction = text(body, "direction", key);
        if (!direction)
            return direction.error();
        if (*direction != "increasing" && *direction != "decreasing")
            return error(body["direction"], key + ".direction",
                         "expected increasing or decreasing, got '" + *direction + "'");
        check.direction = *direction == "increasing" ? DirectionalCheck::Direction::Increasing
                                                     : DirectionalCheck::Direction::Decreasing;
        if (body["tolerance"]) {
            auto tolerance = nonNegative(body, "tolerance", key);
            if (!tolerance)
                return tolerance.error();
            check.tolerance = *tolerance;
        }
        if (body["steps"]) {
            auto steps = count(body, "steps", key, 2);
            if (!steps)
                return steps.error();
            check.steps = *steps;
        }
        if (body["rows"]) {
            auto rows = count(body, "rows", key, 1);
            if (!rows)
                return rows.error();
            check.rows = *rows;
        }
        if (body["class"]) {
            auto label = text(body, "class", key);
            if (!label)
                return label.error();
            check.outputClass = *label;
        }
        test.check = check;
        return {};
    }

    Status range(const YAML::Node &body, const std::string &key, ModelTest &test) const
    {
        ASSAY_TRY(onlyKeys(body, key, {"min", "max"}));
        PredictionRangeCheck check;
        for (const char *side : {"min", "max"})
            if (body[side]) {
                auto value = number(body, side, key);
                if (!value)
                    return value.error();
                (std::string_view(side) == "min" ? check.min : check.max) = *value;
            }
        if (!check.min && !check.max)
            return error(body, key, "expected min, max or both");
        if (check.min && check.max && *check.min > *check.max)
            return error(body["min"], key + ".min", "is above max");
        test.check = check;
        return {};
    }

    static std::string defaultName(const ModelTest &test);

    std::string m_file;
};

std::string shortNumber(double value)
{
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.')
        text.pop_back();
    return text;
}

std::string SpecParser::defaultName(const ModelTest &test)
{
    std::string name = std::visit(
        [](const auto &check) -> std::string {
            using Check = std::decay_t<decltype(check)>;
            if constexpr (std::is_same_v<Check, MetricCheck>) {
                if (check.min && check.max)
                    return check.metric + " in [" + shortNumber(*check.min) + ", " +
                           shortNumber(*check.max) + "]";
                return check.metric + (check.min ? " >= " + shortNumber(*check.min)
                                                 : " <= " + shortNumber(*check.max));
            } else if constexpr (std::is_same_v<Check, BaselineCheck>) {
                return check.metric + " vs baseline " + check.reference;
            } else if constexpr (std::is_same_v<Check, InvarianceCheck>) {
                static constexpr const char *kHow[] = {"noise", "swap", "set", "shuffle"};
                return check.column + " " + kHow[static_cast<int>(check.perturbation)] +
                       " invariance";
            } else if constexpr (std::is_same_v<Check, DirectionalCheck>) {
                return std::string("prediction ") +
                       (check.direction == DirectionalCheck::Direction::Increasing ? "increasing"
                                                                                   : "decreasing") +
                       " in " + check.column;
            } else if constexpr (std::is_same_v<Check, PredictionRangeCheck>) {
                if (check.min && check.max)
                    return "predictions in [" + shortNumber(*check.min) + ", " +
                           shortNumber(*check.max) + "]";
                return check.min ? "predictions >= " + shortNumber(*check.min)
                                 : "predictions <= " + shortNumber(*check.max);
            } else {
                return "no NaN predictions";
            }
        },
        test.check);
    if (test.where)
        name += " where " + test.where->expression();
    return name;
}

Error yamlError(std::string_view displayName, const YAML::Exception &e)
{
    return Error::invalidInput(location(displayName, e.mark) + ": " + e.msg);
}

} // namespace

std::string_view checkKindName(const ModelCheck &check)
{
    static constexpr std::string_view kNames[] = {"metric",      "baseline",         "invariance",
                                                  "directional", "prediction_range", "no_nan"};
    return kNames[check.index()];
}

std::optional<bool> higherIsBetter(std::string_view metric)
{
    if (std::find(kHigherIsBetter.begin(), kHigherIsBetter.end(), metric) != kHigherIsBetter.end())
        return true;
    if (std::find(kLowerIsBetter.begin(), kLowerIsBetter.end(), metric) != kLowerIsBetter.end())
        return false;
    return std::nullopt;
}

Result<ModelTestSpec> parseModelTestSpec(std::string_view yaml, std::string_view displayName)
{
    try {
        const YAML::Node root = YAML::Load(std::string(yaml));
        return SpecParser(displayName).spec(root);
    } catch (const YAML::Exception &e) {
        return yamlError(displayName, e);
    }
}

Result<ModelTestSpec> loadModelTestSpec(const std::filesystem::path &path)
{
    auto bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    auto spec = parseModelTestSpec(*bytes, path.string());
    if (!spec)
        return spec;
    for (auto &test : spec->tests)
        if (auto *baseline = std::get_if<BaselineCheck>(&test.check);
            baseline && baseline->source == BaselineCheck::Source::ModelFile &&
            std::filesystem::path(baseline->reference).is_relative())
            baseline->reference =
                (path.parent_path() / baseline->reference).lexically_normal().string();
    return spec;
}

} // namespace assay::model
