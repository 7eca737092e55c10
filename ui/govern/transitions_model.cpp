#include "govern/transitions_model.h"

#include "common/theme.h"
#include "govern/stage_style.h"
#include "runs/run_cell_text.h"

#include <QDateTime>
#include <QGuiApplication>

#include <algorithm>

namespace assay::ui {

std::vector<govern::GateCheck> parseStoredChecks(const std::string &checksJson)
{
    auto checks = govern::parseGateChecks(checksJson);
    return checks ? std::move(*checks) : std::vector<govern::GateCheck>{};
}

TransitionsModel::TransitionsModel(QObject *parent) : QAbstractTableModel(parent) {}

void TransitionsModel::setTransitions(std::vector<govern::Transition> transitions)
{
    std::stable_sort(transitions.begin(), transitions.end(),
                     [](const auto &a, const auto &b) { return a.timeMs > b.timeMs; });
    beginResetModel();
    m_transitions = std::move(transitions);
    endResetModel();
}

int TransitionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_transitions.size());
}

int TransitionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TransitionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case WhoColumn:
        return tr("Who");
    case ChangeColumn:
        return tr("Change");
    case ReasonColumn:
        return tr("Reason");
    case ChecksColumn:
        return tr("Gate checks");
    default:
        return {};
    }
}

QVariant TransitionsModel::displayText(const govern::Transition &transition, int column) const
{
    switch (column) {
    case WhenColumn:
        return formatRunStart(transition.timeMs);
    case WhoColumn:
        return QString::fromStdString(transition.actor);
    case ChangeColumn: {
        const QString from = transition.fromValue.empty()
                                 ? tr("none")
                                 : QString::fromStdString(transition.fromValue);
        const QString to = QString::fromStdString(transition.toValue);
        if (transition.kind == "alias")
            return transition.fromValue.empty() ? tr("@%1 set").arg(to)
                                                : tr("@%1 moved from v%2").arg(to, from);
        if (transition.kind == "refused")
            return tr("refused: %1 → %2").arg(from, to);
        return tr("%1 → %2").arg(from, to);
    }
    case ReasonColumn:
        return QString::fromStdString(transition.reason);
    case ChecksColumn: {
        const auto checks = parseStoredChecks(transition.checksJson);
        if (checks.empty())
            return QString();
        const auto passed = std::count_if(checks.begin(), checks.end(),
                                          [](const auto &check) { return check.passed; });
        return tr("%1 of %2 passed").arg(passed).arg(checks.size());
    }
    default:
        return {};
    }
}

QVariant TransitionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const govern::Transition &transition = m_transitions[std::size_t(index.row())];
    const int column = index.column();
    const bool refused = transition.kind == "refused";
    switch (role) {
    case Qt::DisplayRole:
        return displayText(transition, column);
    case SortRole:
        if (column == WhenColumn)
            return qlonglong(transition.timeMs);
        return displayText(transition, column);
    case Qt::ForegroundRole:
        if (refused && column == ChangeColumn)
            return statusColor(StatusTone::Failed, QGuiApplication::palette());
        return {};
    case Qt::DecorationRole:
        if (column == ChangeColumn) {
            if (refused)
                return statusDot(StatusTone::Failed, QGuiApplication::palette());
            if (transition.kind == "stage")
                return statusDot(stageTone(transition.toValue), QGuiApplication::palette());
        }
        if (column == ChecksColumn) {
            const auto checks = parseStoredChecks(transition.checksJson);
            if (checks.empty())
                return {};
            const bool allPassed = std::all_of(checks.begin(), checks.end(),
                                               [](const auto &check) { return check.passed; });
            return statusDot(allPassed ? StatusTone::Ok : StatusTone::Failed,
                             QGuiApplication::palette());
        }
        return {};
    case Qt::ToolTipRole:
        if (column == WhenColumn)
            return describeRunStart(transition.timeMs, QDateTime::currentMSecsSinceEpoch());
        if (column == ChecksColumn || column == ChangeColumn) {
            QStringList lines;
            for (const govern::GateCheck &check : parseStoredChecks(transition.checksJson))
                lines << QStringLiteral("%1 %2: %3")
                             .arg(check.passed ? tr("passed") : tr("FAILED"),
                                  QString::fromStdString(check.name),
                                  QString::fromStdString(check.detail));
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
        }
        if (column == ReasonColumn && !transition.reason.empty())
            return QString::fromStdString(transition.reason);
        return {};
    default:
        return {};
    }
}

} // namespace assay::ui
