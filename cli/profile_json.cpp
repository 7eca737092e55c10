#include "profile_json.h"

#include "json_values.h"
#include "output.h"
#include "stats/value_format.h"
#include "table/datetime_parse.h"

#include <QJsonArray>

namespace assay::cli {

namespace {

using table::ColumnType;

QJsonObject quantilesToJson(const std::vector<double> &quantiles)
{
    QJsonObject object;
    for (std::size_t i = 0; i < quantiles.size(); ++i)
        object.insert(qs(stats::formatDouble(stats::kProfileQuantiles[i])), numberOrNull(quantiles[i]));
    return object;
}

QJsonObject histogramToJson(const stats::Histogram &histogram)
{
    QJsonArray edges, counts;
    for (double edge : histogram.edges)
        edges.append(numberOrNull(edge));
    for (std::uint64_t count : histogram.counts)
        counts.append(static_cast<qint64>(count));
    return {{QStringLiteral("edges"), edges}, {QStringLiteral("counts"), counts}};
}

QJsonArray topToJson(const std::vector<stats::ValueCount> &top)
{
    QJsonArray array;
    for (const auto &entry : top)
        array.append(QJsonObject{{QStringLiteral("value"), qs(entry.value)},
                                 {QStringLiteral("count"), static_cast<qint64>(entry.count)}});
    return array;
}

QJsonObject columnToJson(const stats::ColumnProfile &c)
{
    QJsonObject object{{QStringLiteral("name"), qs(c.name)},
                       {QStringLiteral("type"), qs(std::string(table::typeName(c.type)))},
                       {QStringLiteral("count"), static_cast<qint64>(c.count)},
                       {QStringLiteral("missing"), static_cast<qint64>(c.missing)},
                       {QStringLiteral("distinct"), static_cast<qint64>(c.distinct)}};
    if (!c.distinctExact)
        object.insert(QStringLiteral("distinct_exact"), false);
    if (c.count == 0)
        return object;
    switch (c.type) {
    case ColumnType::Int:
    case ColumnType::Float:
        object.insert(QStringLiteral("mean"), numberOrNull(*c.mean));
        object.insert(QStringLiteral("std"), c.std ? numberOrNull(*c.std) : QJsonValue());
        object.insert(QStringLiteral("min"), numberOrNull(*c.min));
        object.insert(QStringLiteral("max"), numberOrNull(*c.max));
        object.insert(QStringLiteral("zeros"), static_cast<qint64>(*c.zeros));
        object.insert(QStringLiteral("quantiles"), quantilesToJson(c.quantiles));
        if (!c.histogram.edges.empty())
            object.insert(QStringLiteral("histogram"), histogramToJson(c.histogram));
        if (!c.quantilesExact)
            object.insert(QStringLiteral("quantiles_exact"), false);
        break;
    case ColumnType::Bool:
        object.insert(QStringLiteral("mean"), numberOrNull(*c.mean));
        object.insert(QStringLiteral("top"), topToJson(c.top));
        break;
    case ColumnType::Datetime:
        object.insert(QStringLiteral("min"), qs(table::formatIsoDatetime(*c.datetimeMin)));
        object.insert(QStringLiteral("max"), qs(table::formatIsoDatetime(*c.datetimeMax)));
        break;
    case ColumnType::String:
        object.insert(QStringLiteral("avg_length"), numberOrNull(*c.avgLength));
        object.insert(QStringLiteral("top"), topToJson(c.top));
        break;
    }
    return object;
}

} // namespace

QJsonObject profileToJson(const stats::DatasetProfile &profile)
{
    QJsonArray columns;
    for (const auto &column : profile.columns)
        columns.append(columnToJson(column));
    return {{QStringLiteral("source"), qs(profile.source)},
            {QStringLiteral("rows"), static_cast<qint64>(profile.rows)},
            {QStringLiteral("columns"), columns}};
}

} // namespace assay::cli
