#include "data/diff_summary.h"

#include "common/format.h"
#include "common/theme.h"

#include <QCoreApplication>
#include <QGuiApplication>

namespace assay::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("assay::ui::DiffSummary", text);
}

QString coloured(const QString &text, StatusTone tone)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>")
        .arg(statusColor(tone, QGuiApplication::palette()).name(), text.toHtmlEscaped());
}

QString typeText(table::ColumnType type)
{
    return QString::fromUtf8(table::typeName(type));
}

} // namespace

QString diffCountsText(const DatasetComparison &comparison)
{
    const version::TableDiff &diff = comparison.diff;
    QStringList parts{tr("+%1 added").arg(formatCount(diff.added)),
                      tr("−%1 removed").arg(formatCount(diff.removed))};
    if (!comparison.keyColumns.empty())
        parts.append(tr("~%1 modified").arg(formatCount(diff.modified)));
    parts.append(tr("%1 unchanged").arg(formatCount(diff.unchanged)));
    return parts.join(QStringLiteral(" · "));
}

QString schemaChangesHtml(const DatasetComparison &comparison)
{
    const version::SchemaDiff &schema = comparison.diff.schema;
    if (schema.added.empty() && schema.removed.empty() && schema.retyped.empty()) {
        return tr("Same columns (%1)")
            .arg(formatCount(comparison.diff.columns.size()))
            .toHtmlEscaped();
    }
    QStringList parts;
    for (const std::string &name : schema.added) {
        const auto index = comparison.b->indexOf(name);
        const QString type = index ? typeText(comparison.b->column(*index).type()) : QString();
        parts.append(coloured(tr("+ %1 (%2) added").arg(QString::fromStdString(name), type),
                              StatusTone::Ok));
    }
    for (const std::string &name : schema.removed)
        parts.append(
            coloured(tr("− %1 removed").arg(QString::fromStdString(name)), StatusTone::Failed));
    for (const version::RetypedColumn &column : schema.retyped) {
        parts.append(coloured(tr("~ %1 retyped %2 → %3")
                                  .arg(QString::fromStdString(column.column), typeText(column.from),
                                       typeText(column.to)),
                              StatusTone::Warning));
    }
    return tr("Columns:").toHtmlEscaped() + u' ' + parts.join(QStringLiteral(" · "));
}

QString truncationText(const DatasetComparison &comparison)
{
    if (!comparison.isTruncated())
        return {};
    return tr("Listing the first %1 of %2 changed rows; the counts cover all rows.")
        .arg(formatCount(comparison.diff.changes.size()), formatCount(comparison.changeCount()));
}

} // namespace assay::ui
