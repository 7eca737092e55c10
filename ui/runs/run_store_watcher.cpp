#include "runs/run_store_watcher.h"

#include "workspace/database.h"

namespace assay::ui {

RunStoreWatcher::RunStoreWatcher(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(defaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        poll();
        emit ticked();
    });
}

void RunStoreWatcher::setDatabase(workspace::Database *database)
{
    m_database = database;
    m_version = readVersion();
    if (m_database)
        m_timer.start();
    else
        m_timer.stop();
}

std::optional<std::int64_t> RunStoreWatcher::readVersion() const
{
    if (!m_database)
        return std::nullopt;
    auto statement = m_database->prepare("PRAGMA data_version");
    if (!statement)
        return std::nullopt;
    auto row = statement->step();
    if (!row || !*row)
        return std::nullopt;
    return statement->columnInt(0);
}

void RunStoreWatcher::poll()
{
    const auto version = readVersion();
    if (!version || version == m_version)
        return;
    m_version = version;
    emit changed();
}

} // namespace assay::ui
