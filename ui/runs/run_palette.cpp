#include "runs/run_palette.h"

#include "runs/runs_snapshot.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace assay::ui {

namespace {

// Paul Tol's bright, vibrant and muted schemes. Runs take index 5·rank mod 12, so runs in a
// row visit 0, 5, 10, 3, 8, 1, … and every other run visits only even or only odd places:
// each of those halves holds six clearly different hues, and the row order never puts two
// similar ones side by side.
constexpr std::array<QRgb, 12> kPalette = {
    0x4477AA, 0x882255, 0x228833, 0x009988, 0xEE6677, 0xEE3377,
    0xCCBB44, 0x332288, 0x66CCEE, 0x999933, 0xEE7733, 0x0077BB};

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
        indexById.insert(QString::fromStdString(byStart[i]->info.runId),
                         int(i * 5 % kPalette.size()));
    assigned() = std::move(indexById);
}

} // namespace assay::ui
