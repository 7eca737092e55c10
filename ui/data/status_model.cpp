#include "data/status_model.h"

#include "common/theme.h"

#include <QFont>
#include <QGuiApplication>

#include <algorithm>

namespace assay::ui {

namespace {

constexpr int shortMd5Length = 8;

StatusModel::State stateOf(version::OutputState state)
{
    switch (state) {
    case version::OutputState::Unchanged:
        return StatusModel::State::Unchanged;
    case version::OutputState::Modified:
        return StatusModel::State::Modified;
    case version::OutputState::NotInWorkspace:
        return StatusModel::State::NotInWorkspace;
    case version::OutputState::NotInCache:
        break;
    }
    return StatusModel::State::NotInCache;
}

StatusTone toneOf(StatusModel::State state)
{
    switch (state) {
    case StatusModel::State::Unchanged:
        return StatusTone::Ok;
    case StatusModel::State::Modified:
        return StatusTone::Warning;
    case StatusModel::State::NotInWorkspace:
    case StatusModel::State::NotInCache:
        return StatusTone::Failed;
    case StatusModel::State::Untracked:
        break;
    }
    return StatusTone::Unknown;
}

} // namespace

StatusModel::StatusModel(QObject *parent) : QAbstractTableModel(parent)
{
    for (const State state : {State::Unchanged, State::Modified, State::NotInWorkspace,
                              State::NotInCache, State::Untracked})
        m_icons[static_cast<std::size_t>(state)] =
            statusDot(toneOf(state), QGuiApplication::palette());
}

QString StatusModel::stateWord(State state)
{
    switch (state) {
    case State::Unchanged:
        return tr("unchanged");
    case State::Modified:
        return tr("modified");
    case State::NotInWorkspace:
        return tr("missing from the workspace");
    case State::NotInCache:
        return tr("missing from the cache");
    case State::Untracked:
        break;
    }
    return tr("untracked");
}

void StatusModel::setStatus(const version::StatusReport &report,
                            const std::vector<std::string> &untracked)
{
    beginResetModel();
    m_entries.clear();
    for (const version::OutputStatus &output : report.outputs) {
        m_entries.push_back({output.tracked.outputPath, stateOf(output.state),
                             output.tracked.output.md5, output.currentMd5});
    }
    for (const std::string &path : untracked)
        m_entries.push_back({path, State::Untracked, {}, {}});
    endResetModel();
}

int StatusModel::rowOf(const QString &relativePath) const
{
    const std::string key = relativePath.toStdString();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].path == key)
            return static_cast<int>(i);
    }
    return -1;
}

int StatusModel::count(State state) const
{
    return static_cast<int>(std::count_if(m_entries.begin(), m_entries.end(),
                                          [state](const Entry &e) { return e.state == state; }));
}

int StatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int StatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries[static_cast<std::size_t>(index.row())];
    if (role == RelativePathRole)
        return QString::fromStdString(entry.path);
    if (role == StateRole)
        return static_cast<int>(entry.state);
    switch (index.column()) {
    case PathColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return QString::fromStdString(entry.path);
        return {};
    case StateColumn:
        if (role == Qt::DisplayRole)
            return stateWord(entry.state);
        if (role == Qt::DecorationRole)
            return m_icons[static_cast<std::size_t>(entry.state)];
        if (role == Qt::ToolTipRole && entry.state == State::Modified)
            return tr("The file differs from its pointer: Add records the new content");
        return {};
    case PointerColumn:
        if (role == Qt::DisplayRole) {
            if (entry.pointerMd5.empty())
                return QStringLiteral("—");
            QString text = QString::fromStdString(entry.pointerMd5.substr(0, shortMd5Length));
            if (!entry.currentMd5.empty() && entry.currentMd5 != entry.pointerMd5)
                text += QStringLiteral(" → ") +
                        QString::fromStdString(entry.currentMd5.substr(0, shortMd5Length));
            return text;
        }
        if (role == Qt::ToolTipRole && !entry.pointerMd5.empty())
            return tr("md5 in the pointer: %1\nmd5 on disk: %2")
                .arg(QString::fromStdString(entry.pointerMd5),
                     entry.currentMd5.empty() ? tr("unknown")
                                              : QString::fromStdString(entry.currentMd5));
        if (role == Qt::FontRole)
            return QFont(QStringLiteral("monospace"));
        return {};
    default:
        return {};
    }
}

QVariant StatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn:
        return tr("Dataset");
    case StateColumn:
        return tr("State");
    case PointerColumn:
        return tr("md5 (pointer → disk)");
    default:
        return {};
    }
}

} // namespace assay::ui
