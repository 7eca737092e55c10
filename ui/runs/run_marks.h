#pragma once

#include <QSet>
#include <QString>
#include <QVariantMap>

class QSettings;

namespace assay::ui {

// Runs the user pinned or hid in one workspace.
struct RunMarks {
    QSet<QString> pinned;
    QSet<QString> hidden;
};

// Pins and hides of every workspace, by root path, kept in the area's QSettings group.
class RunMarksByWorkspace {
public:
    RunMarks marksOf(const QString &workspaceRoot) const;
    void setMarks(const QString &workspaceRoot, const RunMarks &marks);

    void save(QSettings &settings) const;
    void restore(QSettings &settings);

private:
    QVariantMap m_pinned; // root -> QStringList of run ids
    QVariantMap m_hidden;
};

} // namespace assay::ui
