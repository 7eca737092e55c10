#include "runs/run_marks.h"

#include <QSettings>
#include <QStringList>

namespace assay::ui {

namespace {

const auto pinnedKey = QStringLiteral("pinnedRuns");
const auto hiddenKey = QStringLiteral("hiddenRuns");

QSet<QString> toSet(const QVariant &value)
{
    const QStringList list = value.toStringList();
    return QSet<QString>(list.begin(), list.end());
}

QStringList toSortedList(const QSet<QString> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

} // namespace

RunMarks RunMarksByWorkspace::marksOf(const QString &workspaceRoot) const
{
    return {toSet(m_pinned.value(workspaceRoot)), toSet(m_hidden.value(workspaceRoot))};
}

void RunMarksByWorkspace::setMarks(const QString &workspaceRoot, const RunMarks &marks)
{
    const auto store = [&](QVariantMap &map, const QSet<QString> &ids) {
        if (ids.isEmpty())
            map.remove(workspaceRoot);
        else
            map.insert(workspaceRoot, toSortedList(ids));
    };
    store(m_pinned, marks.pinned);
    store(m_hidden, marks.hidden);
}

void RunMarksByWorkspace::save(QSettings &settings) const
{
    settings.setValue(pinnedKey, m_pinned);
    settings.setValue(hiddenKey, m_hidden);
}

void RunMarksByWorkspace::restore(QSettings &settings)
{
    m_pinned = settings.value(pinnedKey).toMap();
    m_hidden = settings.value(hiddenKey).toMap();
}

} // namespace assay::ui
