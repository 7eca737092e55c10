#pragma once

#include <QStringList>

class QSettings;

namespace assay::ui {

// The workspaces opened lately, most recent first, at most ten, kept in QSettings.
class RecentWorkspaces {
public:
    static constexpr int maxCount = 10;

    explicit RecentWorkspaces(QSettings *settings);

    QStringList paths() const;
    void add(const QString &path);
    void remove(const QString &path);

private:
    void store(const QStringList &paths);

    QSettings *m_settings;
};

} // namespace assay::ui
