#include "shell/recent_workspaces.h"

#include <QDir>
#include <QSettings>

namespace assay::ui {

namespace {
const auto recentKey = QStringLiteral("recentWorkspaces");
}

RecentWorkspaces::RecentWorkspaces(QSettings *settings) : m_settings(settings) {}

QStringList RecentWorkspaces::paths() const
{
    return m_settings->value(recentKey).toStringList();
}

void RecentWorkspaces::add(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    QStringList list = paths();
    list.removeAll(clean);
    list.prepend(clean);
    store(list);
}

void RecentWorkspaces::remove(const QString &path)
{
    QStringList list = paths();
    list.removeAll(QDir::cleanPath(path));
    store(list);
}

void RecentWorkspaces::store(const QStringList &paths)
{
    m_settings->setValue(recentKey, paths.mid(0, maxCount));
}

} // namespace assay::ui
