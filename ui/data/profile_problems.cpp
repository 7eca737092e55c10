#include "data/profile_problems.h"

#include <QObject>

namespace assay::ui {

namespace {
constexpr double kManyMissing = 0.10;
constexpr double kManyZeros = 0.50;

double share(std::uint64_t part, std::uint64_t whole)
{
    return whole ? double(part) / double(whole) : 0.0;
}
} // namespace

bool hasManyMissing(const stats::ColumnProfile &column)
{
    return share(column.missing, column.count + column.missing) >= kManyMissing;
}

bool hasManyZeros(const stats::ColumnProfile &column)
{
    return column.zeros && share(*column.zeros, column.count) >= kManyZeros;
}

bool isConstant(const stats::ColumnProfile &column)
{
    return column.count > 1 && column.distinct == 1;
}

QStringList columnProblems(const stats::ColumnProfile &column)
{
    QStringList problems;
    const std::uint64_t rows = column.count + column.missing;
    if (rows > 0 && column.count == 0)
        return {QObject::tr("Every value is missing.")};
    if (hasManyMissing(column))
        problems << QObject::tr("%1 % of the values are missing.")
                        .arg(QString::number(100.0 * share(column.missing, rows), 'g', 3));
    if (hasManyZeros(column))
        problems << QObject::tr("%1 % of the values are zero.")
                        .arg(QString::number(100.0 * share(*column.zeros, column.count), 'g', 3));
    if (isConstant(column))
        problems << QObject::tr("Every value is the same: the column carries no information.");
    return problems;
}

} // namespace assay::ui
