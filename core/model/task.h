#pragma once

#include <optional>
#include <string_view>

namespace assay::model {

// What a model predicts. Binary models output the positive class's probability, multiclass
// models one probability per class, regression models the value.
enum class Task { Binary, Multiclass, Regression };

// "binary", "multiclass", "regression": as stored in model documents and printed by --json.
std::string_view taskName(Task task);
std::optional<Task> taskFromName(std::string_view name);

} // namespace assay::model
