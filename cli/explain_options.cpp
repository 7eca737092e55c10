#include "explain_options.h"

#include "read_options.h"

#include <QJsonArray>

#include <algorithm>
#include <charconv>

namespace assay::cli {

namespace {

using explain::ExplainMethod;

// A method parameter given as an option: the parameter's name is the option's with '_'.
struct ParamOption {
    OptionSpec spec;
    bool repeated = false; // every value, as a list (--exclude a --exclude b)
};

std::vector<ParamOption> paramOptions(ExplainMethod method)
{
    std::vector<ParamOption> options{{{"seed", true, "N", "the random seed (default 0)"}}};
    switch (method) {
    case ExplainMethod::TreeShap:
        options.push_back({{"interactions", false, "",
                            "compute SHAP interaction values too (path-dependent only)"}});
        options.push_back({{"background", true, "N",
                            "interventional TreeSHAP against N rows sampled from the data"}});
        break;
    case ExplainMethod::KernelShap:
        options.push_back(
            {{"coalitions", true, "N", "coalitions per row (default 2·features + 2048)"}});
        options.push_back(
            {{"clusters", true, "K", "k-means centres summarising the background (default 10)"}});
        break;
    case ExplainMethod::Lime:
        options.push_back({{"samples", true, "N", "perturbed samples per row (default 5000)"}});
        options.push_back(
            {{"kernel-width", true, "W", "the kernel width (default 0.75·√features)"}});
        options.push_back({{"max-features", true, "N", "conditions kept per row (default 10)"}});
        break;
    case ExplainMethod::Permutation:
        options.push_back({{"repeats", true, "N", "shuffles per feature (default 5)"}});
        options.push_back(
            {{"metric", true, "NAME", "the metric (default accuracy, r2 for regression)"}});
        break;
    case ExplainMethod::PartialDependence:
        options.push_back({{"features", true, "A,B",
                            "the features (default the 4 with the largest mean |SHAP|)"}});
        options.push_back(
            {{"grid-resolution", true, "N", "grid points per feature (default 100)"}});
        options.push_back(
            {{"percentiles", true, "LOW,HIGH", "the grid's range (default 0.05,0.95)"}});
        options.push_back({{"ice-rows", true, "N", "ICE curves kept (default 100)"}});
        break;
    }
    if (method != ExplainMethod::TreeShap) {
        options.push_back({{"target", true, "COL",
                            method == ExplainMethod::Permutation
                                ? "the label column (default: the model's target)"
                                : "with --predict-cmd: the label column, which is no feature"}});
        options.push_back({{"exclude", true, "COL",
                            "with --predict-cmd: a column that is no feature (repeatable)"},
                           true});
    }
    return options;
}

std::string paramName(std::string option)
{
    std::replace(option.begin(), option.end(), '-', '_');
    return option;
}

Result<std::optional<std::size_t>> rowBound(const std::string &text, const std::string &rows)
{
    if (text.empty())
        return std::optional<std::size_t>();
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return Error::invalidInput("--rows " + rows +
                                   ": expected FIRST:LAST, row numbers from 0 "
                                   "(e.g. 0:1000)");
    return std::optional<std::size_t>(value);
}

} // namespace

std::vector<OptionSpec> explainOptionSpecs(ExplainMethod method)
{
    std::vector<OptionSpec> options = readOptionSpecs();
    options.push_back(
        {"model", true, "MODEL", "a run id, an Assay model file or an XGBoost JSON model"});
    if (method != ExplainMethod::TreeShap)
        options.push_back(
            {"predict-cmd", true, "CMD",
             "instead of --model: a program reading CSV rows on stdin and printing one "
             "prediction (or one row of class probabilities) per line"});
    options.push_back({"data", true, "DATA", "the rows to explain: a file or PATH@REV"});
    options.push_back(
        {"rows", true, "FIRST:LAST", "explain only these rows (from 0, LAST excluded)"});
    for (const ParamOption &param : paramOptions(method))
        options.push_back(param.spec);
    options.push_back({"threads", true, "N", "worker threads (default: one per core)"});
    options.push_back({"out", true, "FILE", "write the values as CSV (see above)"});
    options.push_back(
        {"no-cache", false, "", "recompute even when the workspace has this explanation"});
    return options;
}

Result<explain::ExplainRequest> explainRequestFrom(ExplainMethod method, const Arguments &arguments)
{
    explain::ExplainRequest request;
    request.method = method;
    if (const auto rows = arguments.value("rows")) {
        const auto colon = rows->find(':');
        if (colon == std::string::npos)
            return Error::invalidInput("--rows " + *rows +
                                       ": expected FIRST:LAST, row numbers "
                                       "from 0 (e.g. 0:1000)");
        auto first = rowBound(rows->substr(0, colon), *rows);
        if (!first)
            return first.error();
        auto last = rowBound(rows->substr(colon + 1), *rows);
        if (!last)
            return last.error();
        request.firstRow = *first;
        request.lastRow = *last;
    }
    if (const auto threads = arguments.value("threads")) {
        unsigned count = 0;
        const auto [end, error] =
            std::from_chars(threads->data(), threads->data() + threads->size(), count);
        if (error != std::errc() || end != threads->data() + threads->size())
            return Error::invalidInput("--threads " + *threads + ": expected a whole number");
        request.threads = count;
    }
    for (const ParamOption &param : paramOptions(method)) {
        const QString key = QString::fromStdString(paramName(param.spec.name));
        if (!param.spec.takesValue) {
            if (arguments.flag(param.spec.name))
                request.params.insert(key, true);
        } else if (param.repeated) {
            QJsonArray values;
            for (const std::string &value : arguments.values(param.spec.name))
                values.append(QString::fromStdString(value));
            if (!values.isEmpty())
                request.params.insert(key, values);
        } else if (const auto value = arguments.value(param.spec.name)) {
            request.params.insert(key, QString::fromStdString(*value));
        }
    }
    return request;
}

} // namespace assay::cli
