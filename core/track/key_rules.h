#pragma once

#include "common/result.h"

#include <string_view>

namespace assay::track {

// MLflow's rule for metric, param and tag keys, so runs export to MLflow unchanged: at most
// 250 characters of letters, digits, '_', '-', '.', ' ' and '/', not starting with '/' and
// without a ".." path segment. `kind` ("metric", "param", "tag") goes into the message.
Status validateKey(std::string_view kind, std::string_view key);

} // namespace assay::track
