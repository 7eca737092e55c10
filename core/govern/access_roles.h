#pragma once

#include "govern/access_control.h"

#include <string_view>

namespace assay::govern {

// How refusal messages name an action: "change data" (after "may not") and "changing data"
// (before "needs a password").
std::string_view actionPhrase(Action action);
std::string_view actionGerund(Action action);

} // namespace assay::govern
