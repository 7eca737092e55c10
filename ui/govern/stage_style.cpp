#include "govern/stage_style.h"

namespace assay::ui {

StatusTone stageTone(govern::Stage stage)
{
    switch (stage) {
    case govern::Stage::Production:
        return StatusTone::Ok;
    case govern::Stage::Staging:
        return StatusTone::Warning;
    case govern::Stage::None:
    case govern::Stage::Archived:
        return StatusTone::Unknown;
    }
    return StatusTone::Unknown;
}

QString stageWord(govern::Stage stage)
{
    return QString::fromUtf8(govern::stageName(stage));
}

StatusTone stageTone(const std::string &stageName)
{
    const auto stage = govern::parseStage(stageName);
    return stage ? stageTone(*stage) : StatusTone::Unknown;
}

} // namespace assay::ui
