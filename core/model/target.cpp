#include "model/target.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

namespace assay::model {

namespace {

constexpr std::size_t kMaxIntClasses = 20;
constexpr std::size_t kMaxClasses = 1000;

std::optional<double> asNumber(std::string_view text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// Labels sorted numerically when every label is a number, else by their bytes.
void sortLabels(std::vector<std::string> &labels)
{
    const bool numeric = std::all_of(labels.begin(), labels.end(),
                                     [](const std::string &label) { return asNumber(label).has_value(); });
    if (numeric)
        std::sort(labels.begin(), labels.end(), [](const std::string &a, const std::string &b) {
            return *asNumber(a) < *asNumber(b);
        });
    else
        std::sort(labels.begin(), labels.end());
}

std::string label(const table::Column &column, std::size_t row)
{
    return column.type() == table::ColumnType::String ? std::string(column.text(row))
                                                      : column.format(row);
}

Task inferTask(const table::Column &column)
{
    switch (column.type()) {
    case table::ColumnType::String:
    case table::ColumnType::Bool:
        return Task::Binary; // refined to Multiclass by the class count
    case table::ColumnType::Int: {
        std::set<std::int64_t> distinct;
        for (std::size_t row = 0; row < column.size(); ++row)
            if (!column.isMissing(row) && distinct.insert(column.ints()[row]).second &&
                distinct.size() > kMaxIntClasses)
                return Task::Regression;
        return Task::Binary;
    }
    default:
        return Task::Regression;
    }
}

Result<Target> encodeClasses(const table::Column &column, Target target,
                             const std::vector<std::string> *knownClasses, std::string_view dataName)
{
    std::vector<std::string> classes;
    if (knownClasses) {
        classes = *knownClasses;
    } else {
        std::set<std::string> distinct;
        for (std::size_t row = 0; row < column.size(); ++row)
            if (!column.isMissing(row))
                distinct.insert(label(column, row));
        classes.assign(distinct.begin(), distinct.end());
        sortLabels(classes);
        if (classes.size() < 2)
            return Error::invalidInput("target '" + target.name + "' has " +
                                       (classes.empty() ? std::string("no values")
                                                        : "a single class ('" + classes.front() + "')") +
                                       ": a classifier needs at least two");
        if (classes.size() > kMaxClasses)
            return Error::invalidInput("target '" + target.name + "' has " +
                                       std::to_string(classes.size()) +
                                       " classes; at most 1000 are supported (is it a regression target?)");
        if (target.task == Task::Binary && classes.size() > 2)
            target.task = Task::Multiclass;
    }
    std::unordered_map<std::string, double> indexOf;
    for (std::size_t i = 0; i < classes.size(); ++i)
        indexOf.emplace(classes[i], static_cast<double>(i));
    target.values.resize(column.size());
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.isMissing(row)) {
            target.values[row] = std::numeric_limits<double>::quiet_NaN();
            target.missingRows.push_back(row);
            continue;
        }
        const auto text = label(column, row);
        const auto found = indexOf.find(text);
        if (found == indexOf.end())
            return Error::invalidInput(std::string(dataName) + ": row " + std::to_string(row + 1) +
                                       ": target '" + target.name + "' has the label '" + text +
                                       "', which the model was not trained on");
        target.values[row] = found->second;
    }
    target.classes = std::move(classes);
    return target;
}

Result<Target> encodeNumbers(const table::Column &column, Target target)
{
    if (column.type() == table::ColumnType::String)
        return Error::invalidInput("target '" + target.name +
                                   "' holds text; a regression target must be numeric");
    target.values.resize(column.size());
    for (std::size_t row = 0; row < column.size(); ++row) {
        target.values[row] = column.numeric(row);
        if (std::isnan(target.values[row]))
            target.missingRows.push_back(row);
    }
    return target;
}

} // namespace

Result<Target> encodeTarget(const table::Table &data, std::string_view name, std::optional<Task> task)
{
    const auto index = data.indexOf(name);
    if (!index)
        return Error::invalidInput("no target column '" + std::string(name) + "' in the data");
    const auto &column = data.column(*index);
    Target target;
    target.name = std::string(name);
    target.task = task.value_or(inferTask(column));
    if (target.task == Task::Regression)
        return encodeNumbers(column, std::move(target));
    const bool askedForMulticlass = target.task == Task::Multiclass;
    auto encoded = encodeClasses(column, std::move(target), nullptr, "data");
    if (encoded && task == Task::Binary && encoded->classes.size() > 2)
        return Error::invalidInput("target '" + std::string(name) + "' has " +
                                   std::to_string(encoded->classes.size()) +
                                   " classes, but a binary task was asked for");
    if (encoded && askedForMulticlass)
        encoded->task = Task::Multiclass;
    return encoded;
}

Result<Target> encodeTargetFor(const table::Table &data, std::string_view name, Task task,
                               const std::vector<std::string> &classes, std::string_view dataName)
{
    const auto index = data.indexOf(name);
    if (!index)
        return Error::invalidInput(std::string(dataName) + ": no target column '" +
                                   std::string(name) + "'");
    Target target;
    target.name = std::string(name);
    target.task = task;
    if (task == Task::Regression)
        return encodeNumbers(data.column(*index), std::move(target));
    return encodeClasses(data.column(*index), std::move(target), &classes, dataName);
}

} // namespace assay::model
