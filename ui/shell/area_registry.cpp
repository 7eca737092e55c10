#include "shell/area_registry.h"

#include "data/data_area.h"
#include "explain/explain_area.h"
#include "govern/govern_area.h"
#include "models/models_area.h"
#include "monitor/monitor_area.h"
#include "runs/runs_area.h"

namespace assay::ui {

const AreaRegistry &AreaRegistry::builtin()
{
    static const AreaRegistry registry = [] {
        AreaRegistry areas;
        areas.add(
            QStringLiteral("data"),
            [](const AreaContext &context, QWidget *parent) {
                return std::make_unique<DataArea>(context, parent);
            },
            DataArea::viewNames());
        areas.add(
            QStringLiteral("runs"),
            [](const AreaContext &context, QWidget *parent) {
                return std::make_unique<RunsArea>(context, parent);
            },
            RunsArea::viewNames());
        areas.add(
            QStringLiteral("models"),
            [](const AreaContext &context, QWidget *parent) {
                return std::make_unique<ModelsArea>(context, parent);
            },
            ModelsArea::viewNames());
        areas.add(
            QStringLiteral("explain"),
            [](const AreaContext &context, QWidget *parent) {
                return std::make_unique<ExplainArea>(context, parent);
            },
            ExplainArea::viewNames());
        areas.add(
            QStringLiteral("monitor"),
            [](const AreaContext &context, QWidget *parent) {
                return std::make_unique<MonitorArea>(context, parent);
            },
            MonitorArea::viewNames());
        areas.add(
            QStringLiteral("govern"),
            [](const AreaContext &context, QWidget *parent) {
                return std::make_unique<GovernArea>(context, parent);
            },
            GovernArea::viewNames());
        return areas;
    }();
    return registry;
}

void AreaRegistry::add(QString id, Factory create, QStringList views)
{
    m_entries.push_back({std::move(id), std::move(create), std::move(views)});
}

QStringList AreaRegistry::ids() const
{
    QStringList names;
    for (const Entry &entry : m_entries)
        names.append(entry.id);
    return names;
}

bool AreaRegistry::contains(const QString &id) const
{
    return ids().contains(id);
}

QStringList AreaRegistry::viewNames() const
{
    QStringList names;
    for (const Entry &entry : m_entries)
        names << entry.id << entry.views;
    return names;
}

QString AreaRegistry::areaOfView(const QString &view) const
{
    for (const Entry &entry : m_entries) {
        if (entry.id == view || entry.views.contains(view))
            return entry.id;
    }
    return {};
}

} // namespace assay::ui
