#pragma once

#include "shell/area.h"

#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QWidget;

namespace assay::ui {

// The areas that work, in rail order; the same names are the views of --view.
class AreaRegistry {
public:
    using Factory = std::function<std::unique_ptr<Area>(const AreaContext &, QWidget *parent)>;
    struct Entry {
        QString id;
        Factory create;
    };

    // Every area this build has.
    static const AreaRegistry &builtin();

    void add(QString id, Factory create);
    const std::vector<Entry> &entries() const { return m_entries; }
    QStringList ids() const;
    bool contains(const QString &id) const;

private:
    std::vector<Entry> m_entries;
};

} // namespace assay::ui
