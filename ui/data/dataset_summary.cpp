#include "data/dataset_summary.h"

#include "common/format.h"

#include <QCoreApplication>

namespace assay::ui {

QString datasetSummary(const workspace::DatasetEntry &entry, std::uint64_t rows,
                       std::uint64_t columns)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("assay::ui::DatasetSummary", text);
    };
    QString summary = (rows == 1 ? tr("%1 row") : tr("%1 rows")).arg(formatCount(rows));
    summary += QStringLiteral(" × ");
    summary += (columns == 1 ? tr("%1 column") : tr("%1 columns")).arg(formatCount(columns));
    summary += QStringLiteral(" · ") + formatBytes(entry.sizeBytes);
    if (entry.tracked && !entry.md5.empty())
        summary += QStringLiteral(" · ") +
                   tr("tracked (md5 %1)").arg(QString::fromStdString(entry.md5.substr(0, 8)));
    else if (entry.tracked)
        summary += QStringLiteral(" · ") + tr("tracked");
    else
        summary += QStringLiteral(" · ") + tr("untracked");
    return summary;
}

} // namespace assay::ui
