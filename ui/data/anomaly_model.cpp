#include "data/anomaly_model.h"

#include "common/theme.h"

#include <QApplication>

#include <algorithm>

namespace assay::ui {

AnomalyModel::AnomalyModel(QObject *parent) : QAbstractTableModel(parent) {}

void AnomalyModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_errors = 0;
    endResetModel();
}

void AnomalyModel::setReport(const validate::ValidationReport &report)
{
    beginResetModel();
    m_rows.clear();
    for (const validate::Anomaly &anomaly : report.anomalies)
        m_rows.push_back({anomaly.severity == validate::Severity::Error,
                          QString::fromStdString(anomaly.column),
                          QString::fromUtf8(validate::kindName(anomaly.kind)),
                          QString::fromStdString(anomaly.detail)});
    for (const validate::TestResult &test : report.tests)
        if (!test.passed)
            m_rows.push_back({true, QString::fromStdString(test.column),
                              tr("test: %1").arg(QString::fromStdString(test.name)),
                              QString::fromStdString(test.detail)});
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return a.error && !b.error; });
    m_errors = int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return r.error; }));
    endResetModel();
}

int AnomalyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnomalyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnomalyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const StatusTone tone = row.error ? StatusTone::Failed : StatusTone::Warning;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return row.error ? tr("error") : tr("warning");
        case ColumnColumn: return row.column;
        case KindColumn: return row.kind;
        case DetailColumn: return row.detail;
        }
        return {};
    case SortRole:
        return index.column() == SeverityColumn ? QVariant(row.error ? 0 : 1)
                                                : data(index, Qt::DisplayRole);
    case ColumnNameRole: return row.column;
    case Qt::ToolTipRole: return index.column() == DetailColumn ? row.detail : QVariant();
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(statusDot(tone, QApplication::palette()))
                                                : QVariant();
    case Qt::ForegroundRole:
        return index.column() == SeverityColumn ? QVariant(statusColor(tone, QApplication::palette()))
                                                : QVariant();
    default:
        return {};
    }
}

QVariant AnomalyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case ColumnColumn: return tr("Column");
    case KindColumn: return tr("Kind");
    case DetailColumn: return tr("Detail");
    }
    return {};
}

} // namespace assay::ui
