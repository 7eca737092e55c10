#include "model/task.h"

namespace assay::model {

std::string_view taskName(Task task)
{
    switch (task) {
    case Task::Binary: return "binary";
    case Task::Multiclass: return "multiclass";
    case Task::Regression: return "regression";
    }
    return "regression";
}

std::optional<Task> taskFromName(std::string_view name)
{
    for (Task task : {Task::Binary, Task::Multiclass, Task::Regression})
        if (taskName(task) == name)
            return task;
    return std::nullopt;
}

} // namespace assay::model
