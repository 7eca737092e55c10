#include "data/cell_text.h"

#include "common/format.h"

#include <QDateTime>

namespace assay::ui {

using table::ColumnType;

namespace {

QString datetimeText(std::int64_t nanoseconds)
{
    const qint64 ms = nanoseconds / 1'000'000;
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    if (nanoseconds % 86'400'000'000'000 == 0)
        return time.date().toString(Qt::ISODate);
    return time.toString(Qt::ISODate);
}

} // namespace

const QString &missingCellText()
{
    static const QString text = QStringLiteral("—");
    return text;
}

bool isNumericType(ColumnType type)
{
    return type == ColumnType::Int || type == ColumnType::Float;
}

QString cellDisplayText(const table::Column &column, std::size_t row)
{
    if (column.isMissing(row))
        return missingCellText();
    switch (column.type()) {
    case ColumnType::Bool:
        return column.bools()[row] ? QStringLiteral("true") : QStringLiteral("false");
    case ColumnType::Int:
        return QString::number(column.ints()[row]);
    case ColumnType::Float:
        return formatNumber(column.floats()[row]);
    case ColumnType::Datetime:
        return datetimeText(column.ints()[row]);
    case ColumnType::String: {
        const std::string &text = column.dictionary()[column.codes()[row]];
        return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    }
    }
    return {};
}

QString cellFullText(const table::Column &column, std::size_t row)
{
    if (column.isMissing(row))
        return {};
    switch (column.type()) {
    case ColumnType::Float:
        return formatNumberFull(column.floats()[row]);
    case ColumnType::Datetime:
        return QDateTime::fromMSecsSinceEpoch(column.ints()[row] / 1'000'000, Qt::UTC)
            .toString(Qt::ISODateWithMs);
    default:
        return cellDisplayText(column, row);
    }
}

QVariant typedHeaderData(const table::Column &column, int role)
{
    const QString name = QString::fromStdString(column.name());
    const QString type = QString::fromUtf8(table::typeName(column.type()));
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(name, type);
    case Qt::ToolTipRole:
        return QStringLiteral("%1 (%2)").arg(name, type);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((isNumericType(column.type()) ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    default:
        return {};
    }
}

} // namespace assay::ui
