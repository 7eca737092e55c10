#include "runs/run_palette.h"

#include <array>
#include <cstdint>

namespace assay::ui {

QColor runColor(const QString &runId)
{
    // Paul Tol's bright and vibrant schemes, merged and ordered so that neighbours differ.
    static constexpr std::array<QRgb, 12> palette = {
        0x4477AA, 0xEE6677, 0x228833, 0xCCBB44, 0x66CCEE, 0xAA3377,
        0xEE7733, 0x332288, 0x009988, 0x882255, 0x999933, 0x0077BB};
    std::uint32_t hash = 2166136261u; // FNV-1a
    for (const QChar c : runId) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return QColor::fromRgb(palette[hash % palette.size()]);
}

} // namespace assay::ui
