#pragma once

#include "model/training_run.h"

#include <QString>

namespace assay::ui {

// The `assay train …` line that records the same run as `request` when typed in the
// workspace root; `dataName` is the data as the user names it there ("data/credit.csv@3f2a9c1"),
// since request.data holds an absolute path. Options at their defaults are left out;
// arguments are quoted for a POSIX shell where needed (shellQuoted of the diff command).
QString trainCommandLine(const model::TrainRequest &request, const QString &dataName);

} // namespace assay::ui
