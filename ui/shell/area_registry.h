#pragma once

#include "shell/area.h"

#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QWidget;

namespace assay::ui {

// The areas that work, in rail order. Their ids, and the extra views each area registers
// ("data-history"), are the names --view accepts.
class AreaRegistry {
public:
    using Factory = std::function<std::unique_ptr<Area>(const AreaContext &, QWidget *parent)>;
    struct Entry {
        QString id;
        Factory create;
        QStringList views; // besides `id` itself
    };

    // Every area this build has.
    static const AreaRegistry &builtin();

    void add(QString id, Factory create, QStringList views = {});
    const std::vector<Entry> &entries() const { return m_entries; }
    QStringList ids() const;
    bool contains(const QString &id) const;
    // Every name --view accepts: area ids and their views.
    QStringList viewNames() const;
    // The id of the area that shows `view`, or an empty string.
    QString areaOfView(const QString &view) const;

private:
    std::vector<Entry> m_entries;
};

} // namespace assay::ui
