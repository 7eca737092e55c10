#include "models/model_tests_model.h"

#include "common/format.h"
#include "common/theme.h"

#include <QGuiApplication>

#include <algorithm>
#include <cmath>

namespace assay::ui {

ModelTestsModel::ModelTestsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ModelTestsModel::setResults(std::vector<model::ModelTestResult> results)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

int ModelTestsModel::failedCount() const
{
    return int(std::count_if(m_results.begin(), m_results.end(),
                             [](const model::ModelTestResult &r) { return !r.passed; }));
}

int ModelTestsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int ModelTestsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelTestsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ResultColumn:
        return tr("Result");
    case NameColumn:
        return tr("Test");
    case KindColumn:
        return tr("Kind");
    case ValueColumn:
        return tr("Value");
    case BoundColumn:
        return tr("Bound");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

QVariant ModelTestsModel::text(const model::ModelTestResult &result, int column) const
{
    switch (column) {
    case ResultColumn:
        return result.passed ? tr("PASS") : tr("FAIL");
    case NameColumn:
        return QString::fromStdString(result.name);
    case KindColumn:
        return QString::fromStdString(result.kind);
    case ValueColumn:
        return std::isnan(result.value) ? tr("not measured") : formatNumber(result.value);
    case BoundColumn:
        return QString::fromStdString(result.bound);
    case DetailColumn:
        return QString::fromStdString(result.detail);
    default:
        return {};
    }
}

QVariant ModelTestsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const model::ModelTestResult &result = m_results[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return text(result, column);
    case SortRole:
        if (column == ValueColumn)
            return std::isnan(result.value) ? QVariant() : QVariant(result.value);
        if (column == ResultColumn)
            return result.passed ? 1 : 0; // failures first when sorted ascending
        return text(result, column);
    case Qt::DecorationRole:
        if (column == ResultColumn)
            return statusDot(result.passed ? StatusTone::Ok : StatusTone::Failed,
                             QGuiApplication::palette());
        return {};
    case Qt::ForegroundRole:
        if (column == ResultColumn)
            return statusColor(result.passed ? StatusTone::Ok : StatusTone::Failed,
                               QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (column == ValueColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == ValueColumn && !std::isnan(result.value))
            return formatNumberFull(result.value);
        if (column == DetailColumn)
            return QString::fromStdString(result.detail);
        return {};
    default:
        return {};
    }
}

} // namespace assay::ui
