#include "runs/run_palette.h"

#include "runs/runs_snapshot.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace assay::ui {

namespace {

// Paul Tol's bright and vibrant schemes, ordered so that neighbours differ most and
// similar hues (blue/indigo, purple/wine, cyan/teal) are five or more places apart.
constexpr std::array<QRgb, 12> kPalette = {
    0x4477AA, 0xEE7733, 0x228833, 0xAA3377, 0x66CCEE, 0xCCBB44,
    0xEE6677, 0x332288, 0x009988, 0x882255, 0x999933, 0xEE3377};

QHash<QString, int> &assigned()
{
    static QHash<QString, int> indexById;
    return indexById;
}

int hashedIndex(const QString &runId)
{
    std::uint32_t hash = 2166136261u; // FNV-1a
    for (const QChar c : runId) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return int(hash % kPalette.size());
}

} // namespace

QColor runColor(const QString &runId)
{
    const auto found = assigned().constFind(runId);
    return QColor::fromRgb(kPalette[found != assigned().cend() ? *found : hashedIndex(runId)]);
}

void assignRunColors(const RunsSnapshot &snapshot)
{
    std::vector<const track::RunRecord *> byStart;
    byStart.reserve(snapshot.runs.size());
    for (const track::RunRecord &run : snapshot.runs)
        byStart.push_back(&run);
    std::ranges::sort(byStart, [](const track::RunRecord *a, const track::RunRecord *b) {
        return std::pair(a->info.startMs.value_or(0), a->info.runId) <
               std::pair(b->info.startMs.value_or(0), b->info.runId);
    });
    QHash<QString, int> indexById;
    indexById.reserve(qsizetype(byStart.size()));
    for (std::size_t i = 0; i < byStart.size(); ++i)
        indexById.insert(QString::fromStdString(byStart[i]->info.runId), int(i % kPalette.size()));
    assigned() = std::move(indexById);
}

} // namespace assay::ui
