#include "data/drift_model.h"

#include "common/format.h"
#include "common/theme.h"

#include <QApplication>

#include <algorithm>
#include <cmath>

namespace assay::ui {

namespace {

QString percentText(double fraction)
{
    return formatNumber(fraction * 100.0, 3) + QStringLiteral(" %");
}

std::vector<double> asDoubles(const std::vector<std::uint64_t> &counts)
{
    return {counts.begin(), counts.end()};
}

} // namespace

DistributionData driftDistribution(const drift::ColumnDrift &column, const QString &reference,
                                   const QString &current)
{
    DistributionData data;
    data.valueTitle = QString::fromStdString(column.name);
    const auto &d = column.distribution;
    if (d.kind == drift::DriftDistribution::Kind::None)
        return data;
    if (d.kind == drift::DriftDistribution::Kind::Histogram) {
        data.edges = d.edges;
        data.datetimeEdges = column.type == table::ColumnType::Datetime;
    }
    else
        for (const std::string &category : d.categories)
            data.categories << QString::fromStdString(category);
    data.series.push_back({QObject::tr("reference · %1").arg(reference), asDoubles(d.reference)});
    data.series.push_back({QObject::tr("current · %1").arg(current), asDoubles(d.current)});
    return data;
}

DriftModel::DriftModel(QObject *parent) : QAbstractTableModel(parent) {}

void DriftModel::setDrift(std::shared_ptr<const drift::DatasetDrift> drift,
                          const QString &reference, const QString &current)
{
    beginResetModel();
    m_drift = std::move(drift);
    m_rows.clear();
    m_distributions.clear();
    if (m_drift) {
        for (const auto &column : m_drift->columns)
            m_rows.push_back(&column);
        std::stable_sort(m_rows.begin(), m_rows.end(), [](const auto *a, const auto *b) {
            if (a->drifted != b->drifted)
                return a->drifted;
            return a->severity() > b->severity();
        });
        const QString referenceName =
            reference.isEmpty() ? QString::fromStdString(m_drift->reference) : reference;
        const QString currentName = current.isEmpty() ? QString::fromStdString(m_drift->current) : current;
        for (const auto *column : m_rows)
            m_distributions.push_back(driftDistribution(*column, referenceName, currentName));
    }
    endResetModel();
}

int DriftModel::rowOf(const QString &columnName) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (QString::fromStdString(m_rows[r]->name) == columnName)
            return int(r);
    return -1;
}

int DriftModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DriftModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DriftModel::display(const drift::ColumnDrift &c, int field) const
{
    const bool tested = c.test != drift::DriftTest::None;
    switch (field) {
    case NameColumn: return QString::fromStdString(c.name);
    case TypeColumn: return QString::fromUtf8(table::typeName(c.type));
    case VerdictColumn: return !tested ? tr("not tested") : c.drifted ? tr("drifted") : tr("stable");
    case TestColumn: return QString::fromUtf8(drift::testName(c.test));
    case StatisticColumn:
        return !tested ? QVariant() : std::isinf(c.statistic) ? QStringLiteral("∞") : formatNumber(c.statistic);
    case PValueColumn: return c.pValue ? formatNumber(*c.pValue) : QVariant();
    case ThresholdColumn:
        return !tested ? QVariant()
                       : (drift::usesPValue(c.test) ? QStringLiteral("p < ") : QStringLiteral("≥ ")) +
                             formatNumber(c.threshold);
    case MissingColumn:
        if (c.referenceMissingShare == c.currentMissingShare)
            return percentText(c.currentMissingShare);
        return QStringLiteral("%1 → %2").arg(percentText(c.referenceMissingShare),
                                              percentText(c.currentMissingShare));
    case DistributionColumn: return {};
    case DetailColumn: return QString::fromStdString(c.detail);
    }
    return {};
}

QVariant DriftModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const drift::ColumnDrift &c = *m_rows[std::size_t(index.row())];
    const int field = index.column();
    const StatusTone tone = c.test == drift::DriftTest::None ? StatusTone::Unknown
                            : c.drifted                      ? StatusTone::Failed
                                                             : StatusTone::Ok;
    switch (role) {
    case Qt::DisplayRole: return display(c, field);
    case SortRole:
        switch (field) {
        case VerdictColumn:
        case DistributionColumn: return c.drifted ? 1.0 + c.severity() : c.severity();
        case StatisticColumn: return c.statistic;
        case PValueColumn: return c.pValue ? QVariant(*c.pValue) : QVariant();
        case ThresholdColumn: return c.threshold;
        case MissingColumn: return c.currentMissingShare - c.referenceMissingShare;
        default: return display(c, field);
        }
    case Qt::DecorationRole:
        return field == VerdictColumn ? QVariant(statusDot(tone, QApplication::palette())) : QVariant();
    case Qt::ForegroundRole:
        return field == VerdictColumn && c.drifted ? QVariant(statusColor(tone, QApplication::palette()))
                                                   : QVariant();
    case Qt::FontRole:
        if (field == NameColumn) {
            QFont bold = QApplication::font();
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (field == StatisticColumn)
            return formatNumberFull(c.statistic);
        if (field == PValueColumn && c.pValue)
            return formatNumberFull(*c.pValue);
        if (field == DetailColumn || field == VerdictColumn)
            return QString::fromStdString(c.detail);
        return {};
    case Qt::TextAlignmentRole:
        return (field == StatisticColumn || field == PValueColumn || field == ThresholdColumn ||
                field == MissingColumn)
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant DriftModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Column");
    case TypeColumn: return tr("Type");
    case VerdictColumn: return tr("Drift");
    case TestColumn: return tr("Test");
    case StatisticColumn: return tr("Statistic");
    case PValueColumn: return tr("p-value");
    case ThresholdColumn: return tr("Threshold");
    case MissingColumn: return tr("Missing");
    case DistributionColumn: return tr("Reference vs current");
    case DetailColumn: return tr("Detail");
    }
    return {};
}

} // namespace assay::ui
