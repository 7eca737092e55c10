#include "model_report.h"

#include "text_format.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace assay::cli {

namespace {

std::vector<std::string> headlineMetrics(model::Task task)
{
    if (task == model::Task::Regression)
        return {"rmse", "mae", "r2", "mape"};
    return {"roc_auc", "pr_auc", "log_loss", "accuracy", "f1", "precision", "recall", "brier"};
}

std::vector<std::string> metricOrder(const std::vector<MetricColumn> &columns)
{
    std::set<std::string> present;
    for (const auto &column : columns)
        for (const auto &[name, value] : column.evaluation->metrics)
            present.insert(name);
    return metricReadingOrder(columns.front().evaluation->task, present);
}

} // namespace

std::vector<std::string> metricReadingOrder(model::Task task, const std::set<std::string> &names)
{
    std::set<std::string> rest = names;
    std::vector<std::string> order;
    for (const auto &name : headlineMetrics(task))
        if (rest.erase(name))
            order.push_back(name);
    order.insert(order.end(), rest.begin(), rest.end());
    return order;
}

std::string metricTable(const std::vector<MetricColumn> &columns)
{
    if (columns.empty())
        return {};
    const auto order = metricOrder(columns);
    std::size_t nameWidth = 6;
    for (const auto &name : order)
        nameWidth = std::max(nameWidth, name.size());
    std::ostringstream out;
    out << "  " << padded("", nameWidth);
    for (const auto &column : columns)
        out << "  " << padded(column.title, 10);
    out << "\n";
    for (const auto &name : order) {
        out << "  " << padded(name, nameWidth);
        for (const auto &column : columns) {
            const auto found = column.evaluation->metrics.find(name);
            out << "  " << padded(found == column.evaluation->metrics.end() ? "–" : compactNumber(found->second), 10);
        }
        out << "\n";
    }
    return out.str();
}

std::string confusionTable(const model::Evaluation &evaluation, const std::vector<std::string> &classes)
{
    std::size_t width = 8;
    for (const auto &label : classes)
        width = std::max(width, label.size() + 2);
    std::ostringstream out;
    out << "  " << padded("true \\ predicted", std::max<std::size_t>(width, 16));
    for (const auto &label : classes)
        out << "  " << padded(label, width);
    out << "\n";
    for (std::size_t row = 0; row < evaluation.confusion.size() && row < classes.size(); ++row) {
        out << "  " << padded(classes[row], std::max<std::size_t>(width, 16));
        for (auto count : evaluation.confusion[row])
            out << "  " << padded(std::to_string(count), width);
        out << "\n";
    }
    return out.str();
}

} // namespace assay::cli
