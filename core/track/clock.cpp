#include "track/clock.h"

#include <QUuid>

#include <chrono>

namespace assay::track {

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string newRunId()
{
    return QUuid::createUuid().toString(QUuid::Id128).toStdString();
}

} // namespace assay::track
