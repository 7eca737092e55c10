#pragma once

#include "common/theme.h"
#include "govern/model_registry.h"

#include <QString>

namespace assay::ui {

// How a registry stage reads everywhere in the Governance area: production green, staging
// amber, archived and none grey — always with the word beside the dot.
StatusTone stageTone(govern::Stage stage);
QString stageWord(govern::Stage stage);
// The same for a stage stored as text in a transition ("production", "" for none).
StatusTone stageTone(const std::string &stageName);

} // namespace assay::ui
