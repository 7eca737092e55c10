#pragma once

#include "explain/explanation_store.h"

#include <QString>

namespace assay::ui {

// The `assay explain ...` line that computes (or finds in the cache) the explanation `entry`
// describes: the method, --model (the run id, else the file) or --predict-cmd, --data, --rows,
// and every parameter as it was used (an option per key, '_' as '-'; true flags bare, false
// ones and empty values left out, lists joined with ','). Values are quoted for a POSIX shell
// when they need it (shellQuoted of the diff command).
QString explainCommandLine(const explain::ExplanationEntry &entry);

struct ExplainChoice;

// The line of what the Explain… dialog asks for: --model RUN, --data as named from the
// workspace folder, --rows FIRST:LAST (either end may be left out) and the given parameters
// only, so the CLI fills the same defaults.
QString explainCommandLine(const ExplainChoice &choice);

} // namespace assay::ui
