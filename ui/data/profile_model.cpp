#include "data/profile_model.h"

#include "common/format.h"
#include "common/theme.h"
#include "data/profile_distribution.h"
#include "data/profile_problems.h"

#include <QApplication>
#include <QDateTime>
#include <QTimeZone>

#include <cmath>

namespace assay::ui {

namespace {

using stats::ColumnProfile;
using table::ColumnType;

double share(std::uint64_t part, std::uint64_t whole)
{
    return whole ? double(part) / double(whole) : 0.0;
}

QString percentText(double fraction)
{
    return formatNumber(fraction * 100.0, 3) + QStringLiteral(" %");
}

QString valueText(const ColumnProfile &column, const std::optional<double> &value)
{
    if (!value)
        return {};
    if (column.type == ColumnType::Datetime) {
        const QDateTime moment = QDateTime::fromMSecsSinceEpoch(std::int64_t(*value / 1e6), QTimeZone::utc());
        return moment.time() == QTime(0, 0) ? moment.toString(QStringLiteral("yyyy-MM-dd"))
                                            : moment.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    return formatNumber(*value);
}

std::optional<double> median(const ColumnProfile &column)
{
    if (column.quantiles.size() != stats::kProfileQuantiles.size())
        return std::nullopt;
    return column.quantiles[3]; // kProfileQuantiles[3] == 0.5
}

QVariant optionalNumber(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace

ProfileModel::ProfileModel(Kind kind, QObject *parent) : QAbstractTableModel(parent), m_kind(kind)
{
    setProfiles(nullptr, {});
}

void ProfileModel::setProfiles(std::shared_ptr<const stats::DatasetProfile> profile,
                               const QString &name,
                               std::shared_ptr<const stats::DatasetProfile> compared,
                               const QString &comparedName)
{
    beginResetModel();
    m_profile = std::move(profile);
    m_compared = std::move(compared);
    m_rows.clear();
    if (m_kind == Kind::Numeric)
        m_fields = {Field::Name, Field::Type, Field::Count, Field::Missing, Field::Mean,
                    Field::Std, Field::Zeros, Field::Min, Field::Median, Field::Max,
                    Field::Distribution};
    else
        m_fields = {Field::Name, Field::Type, Field::Count, Field::Missing, Field::Distinct,
                    Field::Top, Field::TopShare, Field::AvgLength, Field::Distribution};
    if (m_compared)
        m_fields.push_back(Field::Distance);
    if (m_profile) {
        for (std::size_t i = 0; i < m_profile->columns.size(); ++i) {
            const ColumnProfile &column = m_profile->columns[i];
            if (isNumericProfile(column) != (m_kind == Kind::Numeric))
                continue;
            const ColumnProfile *other = m_compared ? m_compared->column(column.name) : nullptr;
            // The compared profile is the baseline: drawn first, in grey.
            Row row{i, other,
                    other ? columnDistribution(*other, comparedName, &column, name)
                          : columnDistribution(column, name),
                    0.0};
            row.distance = distributionDistance(row.distribution);
            m_rows.push_back(std::move(row));
        }
    }
    endResetModel();
}

int ProfileModel::columnOf(Field wanted) const
{
    for (std::size_t i = 0; i < m_fields.size(); ++i)
        if (m_fields[i] == wanted)
            return int(i);
    return -1;
}

const ColumnProfile &ProfileModel::columnProfile(int row) const
{
    return m_profile->columns[m_rows[std::size_t(row)].index];
}

const ColumnProfile *ProfileModel::comparedProfile(int row) const
{
    return m_rows[std::size_t(row)].compared;
}

int ProfileModel::rowOf(const QString &columnName) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (QString::fromStdString(m_profile->columns[m_rows[r].index].name) == columnName)
            return int(r);
    return -1;
}

int ProfileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProfileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

bool ProfileModel::isProblem(const ColumnProfile &column, Field field) const
{
    switch (field) {
    case Field::Name:
        return !columnProblems(column).isEmpty();
    case Field::Missing:
    case Field::Count:
        return hasManyMissing(column) || (column.count == 0 && column.missing > 0);
    case Field::Zeros:
        return hasManyZeros(column);
    case Field::Distinct:
    case Field::Std:
        return isConstant(column);
    default:
        return false;
    }
}

QVariant ProfileModel::display(const Row &row, Field field) const
{
    const ColumnProfile &c = m_profile->columns[row.index];
    const std::uint64_t rows = c.count + c.missing;
    switch (field) {
    case Field::Name: return QString::fromStdString(c.name);
    case Field::Type: return QString::fromUtf8(table::typeName(c.type));
    case Field::Count: return formatCount(c.count);
    case Field::Missing: return percentText(share(c.missing, rows));
    case Field::Mean: return c.type == ColumnType::Datetime ? QVariant() : valueText(c, c.mean);
    case Field::Std: return c.type == ColumnType::Datetime ? QVariant() : valueText(c, c.std);
    case Field::Zeros:
        return c.zeros && c.type != ColumnType::Datetime ? percentText(share(*c.zeros, c.count)) : QVariant();
    case Field::Min: return valueText(c, c.min);
    case Field::Median: return valueText(c, median(c));
    case Field::Max: return valueText(c, c.max);
    case Field::Distinct:
        return (c.distinctExact ? QString() : QStringLiteral("≈")) + formatCount(c.distinct);
    case Field::Top: return c.top.empty() ? QVariant() : QString::fromStdString(c.top.front().value);
    case Field::TopShare:
        return c.top.empty() ? QVariant() : percentText(share(c.top.front().count, c.count));
    case Field::AvgLength: return c.avgLength ? formatNumber(*c.avgLength, 3) : QVariant();
    case Field::Distribution: return {};
    case Field::Distance: return std::isnan(row.distance) ? QVariant() : formatNumber(row.distance, 3);
    }
    return {};
}

QVariant ProfileModel::sortValue(const Row &row, Field field) const
{
    const ColumnProfile &c = m_profile->columns[row.index];
    switch (field) {
    case Field::Name: return QString::fromStdString(c.name).toLower();
    case Field::Type: return QString::fromUtf8(table::typeName(c.type));
    case Field::Count: return qulonglong(c.count);
    case Field::Missing: return share(c.missing, c.count + c.missing);
    case Field::Mean: return optionalNumber(c.mean);
    case Field::Std: return optionalNumber(c.std);
    case Field::Zeros: return c.zeros ? QVariant(share(*c.zeros, c.count)) : QVariant();
    case Field::Min: return optionalNumber(c.min);
    case Field::Median: return optionalNumber(median(c));
    case Field::Max: return optionalNumber(c.max);
    case Field::Distinct: return qulonglong(c.distinct);
    case Field::Top: return c.top.empty() ? QVariant() : QString::fromStdString(c.top.front().value);
    case Field::TopShare: return c.top.empty() ? QVariant() : QVariant(share(c.top.front().count, c.count));
    case Field::AvgLength: return optionalNumber(c.avgLength);
    case Field::Distribution: return std::isnan(row.distance) ? QVariant() : QVariant(row.distance);
    case Field::Distance: return std::isnan(row.distance) ? QVariant() : QVariant(row.distance);
    }
    return {};
}

QVariant ProfileModel::tooltip(const Row &row, Field field) const
{
    const ColumnProfile &c = m_profile->columns[row.index];
    if (field == Field::Name) {
        const QStringList problems = columnProblems(c);
        return problems.isEmpty() ? QVariant() : problems.join(QLatin1Char('\n'));
    }
    if (field == Field::Top && !c.top.empty()) {
        QStringList lines;
        for (const auto &top : c.top)
            lines << QStringLiteral("%1: %2").arg(QString::fromStdString(top.value), formatCount(top.count));
        return lines.join(QLatin1Char('\n'));
    }
    if (field == Field::Distance)
        return tr("Jensen–Shannon distance between the two distributions: 0 the same, 1 nothing "
                  "in common");
    const QVariant raw = sortValue(row, field);
    if (raw.typeId() == QMetaType::Double && c.type != ColumnType::Datetime)
        return formatNumberFull(raw.toDouble());
    return {};
}

QVariant ProfileModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const Field f = m_fields[std::size_t(index.column())];
    const ColumnProfile &c = m_profile->columns[row.index];
    switch (role) {
    case Qt::DisplayRole: return display(row, f);
    case SortRole: return sortValue(row, f);
    case Qt::ToolTipRole: return tooltip(row, f);
    case Qt::TextAlignmentRole:
        return (f == Field::Name || f == Field::Type || f == Field::Top)
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (isProblem(c, f))
            return statusColor(StatusTone::Failed, QApplication::palette());
        return {};
    case Qt::DecorationRole:
        if (f == Field::Name && isProblem(c, f))
            return statusDot(StatusTone::Failed, QApplication::palette());
        return {};
    case Qt::FontRole:
        if (f == Field::Name) {
            QFont bold = QApplication::font();
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant ProfileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section >= columnCount())
        return {};
    switch (m_fields[std::size_t(section)]) {
    case Field::Name: return tr("Column");
    case Field::Type: return tr("Type");
    case Field::Count: return tr("Count");
    case Field::Missing: return tr("Missing");
    case Field::Mean: return tr("Mean");
    case Field::Std: return tr("Std dev");
    case Field::Zeros: return tr("Zeros");
    case Field::Min: return tr("Min");
    case Field::Median: return tr("Median");
    case Field::Max: return tr("Max");
    case Field::Distinct: return tr("Distinct");
    case Field::Top: return tr("Top value");
    case Field::TopShare: return tr("Top share");
    case Field::AvgLength: return tr("Avg length");
    case Field::Distribution: return tr("Distribution");
    case Field::Distance: return tr("Distance");
    }
    return {};
}

} // namespace assay::ui
