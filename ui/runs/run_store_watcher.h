#pragma once

#include <QObject>
#include <QTimer>

#include <cstdint>
#include <optional>

namespace assay::workspace {
class Database;
}

namespace assay::ui {

// Notices other processes' writes to the workspace database (training scripts logging
// metrics, `assay run`, the CLI) by polling SQLite's PRAGMA data_version on the GUI
// thread's connection: a cheap read that changes whenever another connection commits.
class RunStoreWatcher : public QObject {
    Q_OBJECT
public:
    static constexpr int defaultIntervalMs = 2000;

    explicit RunStoreWatcher(QObject *parent = nullptr);

    // Watches `database` (not owned; nullptr stops). Remembers its current version.
    void setDatabase(workspace::Database *database);
    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Reads the version now; emits changed() when it moved since the last read.
    void poll();

signals:
    void changed();
    // Every tick, whether or not the database changed (running rows redraw their clocks).
    void ticked();

private:
    std::optional<std::int64_t> readVersion() const;

    QTimer m_timer;
    workspace::Database *m_database = nullptr;
    std::optional<std::int64_t> m_version;
};

} // namespace assay::ui
