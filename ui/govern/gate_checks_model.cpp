#include "govern/gate_checks_model.h"

#include "common/theme.h"

#include <QGuiApplication>

namespace assay::ui {

GateChecksModel::GateChecksModel(QObject *parent) : QAbstractTableModel(parent) {}

void GateChecksModel::setChecks(std::vector<govern::GateCheck> checks)
{
    beginResetModel();
    m_checks = std::move(checks);
    endResetModel();
}

int GateChecksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_checks.size());
}

int GateChecksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GateChecksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OutcomeColumn:
        return tr("Outcome");
    case CheckColumn:
        return tr("Check");
    case DetailColumn:
        return tr("Found");
    default:
        return {};
    }
}

QVariant GateChecksModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const govern::GateCheck &check = m_checks[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OutcomeColumn:
            return check.passed ? tr("passed") : tr("failed");
        case CheckColumn:
            return QString::fromStdString(check.name);
        case DetailColumn:
            return QString::fromStdString(check.detail);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn)
            return statusDot(check.passed ? StatusTone::Ok : StatusTone::Failed,
                             QGuiApplication::palette());
        return {};
    case Qt::ForegroundRole:
        if (index.column() == OutcomeColumn && !check.passed)
            return statusColor(StatusTone::Failed, QGuiApplication::palette());
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DetailColumn)
            return QString::fromStdString(check.detail);
        return {};
    default:
        return {};
    }
}

} // namespace assay::ui
