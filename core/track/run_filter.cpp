#include "track/run_filter.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

namespace assay::track {

namespace {

bool isNumericField(const Comparison &field)
{
    return field.entity == FilterEntity::Metric || (field.entity == FilterEntity::Attribute &&
                                                    (field.attribute == RunAttribute::StartTime ||
                                                     field.attribute == RunAttribute::EndTime));
}

std::optional<double> numberOf(const RunRecord &run, const Comparison &field)
{
    if (field.entity == FilterEntity::Metric) {
        const auto it = run.latestMetrics.find(field.key);
        return it == run.latestMetrics.end() ? std::nullopt
                                             : std::optional<double>(it->second.value);
    }
    const auto &time =
        field.attribute == RunAttribute::StartTime ? run.info.startMs : run.info.endMs;
    return time ? std::optional<double>(static_cast<double>(*time)) : std::nullopt;
}

std::optional<std::string> textOf(const RunRecord &run, const Comparison &field)
{
    auto lookup = [](const std::map<std::string, std::string> &map,
                     const std::string &key) -> std::optional<std::string> {
        const auto it = map.find(key);
        return it == map.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    switch (field.entity) {
    case FilterEntity::Param:
        return lookup(run.params, field.key);
    case FilterEntity::Tag:
        return lookup(run.tags, field.key);
    case FilterEntity::Metric:
        return std::nullopt;
    case FilterEntity::Attribute:
        break;
    }
    switch (field.attribute) {
    case RunAttribute::RunId:
        return run.info.runId;
    case RunAttribute::RunName:
        return run.info.name;
    case RunAttribute::Status:
        return std::string(statusName(run.info.status));
    case RunAttribute::User:
        return run.info.user;
    case RunAttribute::Experiment:
        return run.info.experiment;
    case RunAttribute::StartTime:
    case RunAttribute::EndTime:
        break;
    }
    return std::nullopt;
}

template <typename T> bool compare(const T &a, CompareOp op, const T &b)
{
    switch (op) {
    case CompareOp::Equal:
        return a == b;
    case CompareOp::NotEqual:
        return a != b;
    case CompareOp::Less:
        return a < b;
    case CompareOp::LessEqual:
        return a <= b;
    case CompareOp::Greater:
        return a > b;
    case CompareOp::GreaterEqual:
        return a >= b;
    default:
        return false;
    }
}

bool matchesComparison(const Comparison &c, const RunRecord &run)
{
    const bool in = c.op == CompareOp::In || c.op == CompareOp::NotIn;
    if (isNumericField(c)) {
        const auto actual = numberOf(run, c);
        if (!actual)
            return false;
        if (in) {
            const bool found =
                std::any_of(c.values.begin(), c.values.end(),
                            [&](const FilterValue &v) { return *actual == v.number; });
            return found == (c.op == CompareOp::In);
        }
        return compare(*actual, c.op, c.values.front().number);
    }
    const auto actual = textOf(run, c);
    if (!actual)
        return false;
    if (in) {
        const bool found = std::any_of(c.values.begin(), c.values.end(),
                                       [&](const FilterValue &v) { return *actual == v.text; });
        return found == (c.op == CompareOp::In);
    }
    if (c.op == CompareOp::Like || c.op == CompareOp::ILike)
        return likeMatch(*actual, c.values.front().text, c.op == CompareOp::ILike);
    return compare(*actual, c.op, c.values.front().text);
}

std::size_t utf8Length(unsigned char lead)
{
    return lead < 0x80           ? 1
           : (lead >> 5) == 0x6  ? 2
           : (lead >> 4) == 0xE  ? 3
           : (lead >> 3) == 0x1E ? 4
                                 : 1;
}

bool sameChar(char a, char b, bool caseInsensitive)
{
    return caseInsensitive ? std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b))
                           : a == b;
}

} // namespace

bool likeMatch(std::string_view text, std::string_view pattern, bool caseInsensitive)
{
    // Iterative wildcard match with backtracking to the last '%'.
    std::size_t t = 0, p = 0;
    std::optional<std::size_t> starP, starT;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '%') {
            starP = ++p;
            starT = t;
        } else if (p < pattern.size() && pattern[p] == '_') {
            t += utf8Length(static_cast<unsigned char>(text[t]));
            ++p;
        } else if (p < pattern.size() && sameChar(pattern[p], text[t], caseInsensitive)) {
            ++t;
            ++p;
        } else if (starP) {
            p = *starP;
            t = *starT += utf8Length(static_cast<unsigned char>(text[*starT]));
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '%')
        ++p;
    return p == pattern.size() && t <= text.size();
}

bool matchesFilter(const FilterNode &filter, const RunRecord &run)
{
    switch (filter.kind) {
    case FilterNode::Kind::MatchAll:
        return true;
    case FilterNode::Kind::And:
        return std::all_of(filter.children.begin(), filter.children.end(),
                           [&](const FilterNode &child) { return matchesFilter(child, run); });
    case FilterNode::Kind::Or:
        return std::any_of(filter.children.begin(), filter.children.end(),
                           [&](const FilterNode &child) { return matchesFilter(child, run); });
    case FilterNode::Kind::Compare:
        return matchesComparison(filter.comparison, run);
    }
    return false;
}

void sortRuns(std::vector<RunRecord> &runs, const Comparison &field, bool descending)
{
    struct Key {
        bool present = false;
        bool numeric = false;
        double number = 0;
        std::string text;
    };
    auto keyOf = [&](const RunRecord &run) {
        Key key;
        if (isNumericField(field)) {
            const auto n = numberOf(run, field);
            key.present = n && !std::isnan(*n);
            key.numeric = true;
            key.number = n.value_or(0);
            return key;
        }
        const auto text = textOf(run, field);
        key.present = text.has_value();
        key.text = text.value_or("");
        if (field.entity == FilterEntity::Param && key.present) {
            char *end = nullptr;
            key.number = std::strtod(key.text.c_str(), &end);
            key.numeric = !key.text.empty() && end == key.text.c_str() + key.text.size();
        }
        return key;
    };
    std::vector<std::pair<Key, std::size_t>> keys;
    keys.reserve(runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i)
        keys.emplace_back(keyOf(runs[i]), i);
    std::stable_sort(keys.begin(), keys.end(), [&](const auto &a, const auto &b) {
        if (a.first.present != b.first.present)
            return a.first.present;
        if (!a.first.present)
            return false;
        int order = 0;
        if (a.first.numeric && b.first.numeric)
            order = a.first.number < b.first.number ? -1 : a.first.number > b.first.number ? 1 : 0;
        else
            order = a.first.text.compare(b.first.text);
        return descending ? order > 0 : order < 0;
    });
    std::vector<RunRecord> sorted;
    sorted.reserve(runs.size());
    for (const auto &entry : keys)
        sorted.push_back(std::move(runs[entry.second]));
    runs = std::move(sorted);
}

} // namespace assay::track
