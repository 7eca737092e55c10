#include "shell/area_registry.h"

#include "data/data_area.h"

namespace assay::ui {

const AreaRegistry &AreaRegistry::builtin()
{
    static const AreaRegistry registry = [] {
        AreaRegistry areas;
        areas.add(QStringLiteral("data"), [](const AreaContext &context, QWidget *parent) {
            return std::make_unique<DataArea>(context, parent);
        });
        return areas;
    }();
    return registry;
}

void AreaRegistry::add(QString id, Factory create)
{
    m_entries.push_back({std::move(id), std::move(create)});
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

} // namespace assay::ui
