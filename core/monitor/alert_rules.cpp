#include "monitor/alert_rules.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <charconv>
#include <cmath>
#include <sstream>

namespace assay::monitor {

namespace {

struct Operator {
    std::string_view text;
    AlertRule::Kind kind;
};
// Two-character operators first, so ">=" is not read as ">".
constexpr std::array kOperators = {
    Operator{">=", AlertRule::Kind::AtLeast}, Operator{"<=", AlertRule::Kind::AtMost},
    Operator{">", AlertRule::Kind::Above},    Operator{"<", AlertRule::Kind::Below},
};

constexpr std::array<std::string_view, 5> kPerformanceMetrics = {"accuracy", "precision", "recall",
                                                                 "f1", "roc_auc"};

std::string_view trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

bool knownMetric(std::string_view metric)
{
    for (std::string_view plain : {"dataset_drift_share", "drifted_features", "prediction_drift_score",
                                   "missing_share_change", "reconstruction_error"})
        if (metric == plain)
            return true;
    if (metric.starts_with("feature_drift_score:"))
        return metric.size() > std::string_view("feature_drift_score:").size();
    for (std::string_view prefix : {"estimated_", "realized_"})
        if (metric.starts_with(prefix))
            for (std::string_view performance : kPerformanceMetrics)
                if (metric.substr(prefix.size()) == performance)
                    return true;
    return false;
}

std::string numberText(double value)
{
    std::ostringstream out;
    out.precision(15);
    out << value;
    return out.str();
}

} // namespace

Result<AlertRule> parseAlertRule(std::string_view text)
{
    const std::string quoted = "alert rule '" + std::string(text) + "'";
    const std::string_view rule = trim(text);
    AlertRule parsed;
    std::string_view metric;
    if (rule.ends_with(" band")) {
        metric = trim(rule.substr(0, rule.size() - 5));
        parsed.kind = AlertRule::Kind::OutsideBand;
    } else {
        std::size_t at = std::string_view::npos;
        const Operator *found = nullptr;
        for (const Operator &op : kOperators) {
            at = rule.find(op.text);
            if (at != std::string_view::npos) {
                found = &op;
                break;
            }
        }
        if (!found)
            return Error::invalidInput(quoted + ": expected 'METRIC < VALUE', 'METRIC >= VALUE' or "
                                                "'METRIC band'");
        metric = trim(rule.substr(0, at));
        const std::string_view number = trim(rule.substr(at + found->text.size()));
        const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), parsed.value);
        if (error != std::errc() || end != number.data() + number.size() || !std::isfinite(parsed.value))
            return Error::invalidInput(quoted + ": '" + std::string(number) + "' is not a number");
        parsed.kind = found->kind;
    }
    if (!knownMetric(metric))
        return Error::invalidInput(quoted + ": unknown metric '" + std::string(metric) +
                                   "' (dataset_drift_share, drifted_features, prediction_drift_score, "
                                   "missing_share_change, reconstruction_error, feature_drift_score:NAME, "
                                   "estimated_ or realized_ accuracy, precision, recall, f1, roc_auc)");
    parsed.metric = std::string(metric);
    return parsed;
}

std::string alertRuleText(const AlertRule &rule)
{
    if (rule.kind == AlertRule::Kind::OutsideBand)
        return rule.metric + " band";
    for (const Operator &op : kOperators)
        if (op.kind == rule.kind)
            return rule.metric + " " + std::string(op.text) + " " + numberText(rule.value);
    return rule.metric;
}

Result<std::vector<AlertRule>> parseAlertRules(std::string_view json)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return Error::invalidInput("alert rules: expected a JSON array of rule texts");
    const QJsonArray array = document.array();
    if (array.isEmpty())
        return defaultAlertRules();
    std::vector<AlertRule> rules;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array[i].isString())
            return Error::invalidInput("alert rules[" + std::to_string(i) + "]: expected a rule text");
        auto rule = parseAlertRule(array[i].toString().toStdString());
        if (!rule)
            return rule.error();
        rules.push_back(std::move(*rule));
    }
    return rules;
}

std::string alertRulesJson(const std::vector<AlertRule> &rules)
{
    QJsonArray array;
    for (const AlertRule &rule : rules)
        array.append(QString::fromStdString(alertRuleText(rule)));
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

std::vector<AlertRule> defaultAlertRules()
{
    return {
        {.metric = "dataset_drift_share", .kind = AlertRule::Kind::AtLeast, .value = 0.5},
        {.metric = "prediction_drift_score", .kind = AlertRule::Kind::AtLeast, .value = 1.0},
        {.metric = "reconstruction_error", .kind = AlertRule::Kind::OutsideBand, .value = 0},
        {.metric = "estimated_roc_auc", .kind = AlertRule::Kind::OutsideBand, .value = 0},
        {.metric = "realized_roc_auc", .kind = AlertRule::Kind::OutsideBand, .value = 0},
    };
}

bool breaks(const AlertRule &rule, std::optional<double> value, std::optional<double> bandLow,
            std::optional<double> bandHigh)
{
    if (!value || std::isnan(*value))
        return false;
    switch (rule.kind) {
    case AlertRule::Kind::Above:
        return *value > rule.value;
    case AlertRule::Kind::AtLeast:
        return *value >= rule.value;
    case AlertRule::Kind::Below:
        return *value < rule.value;
    case AlertRule::Kind::AtMost:
        return *value <= rule.value;
    case AlertRule::Kind::OutsideBand:
        return bandLow && bandHigh && (*value < *bandLow || *value > *bandHigh);
    }
    return false;
}

} // namespace assay::monitor
