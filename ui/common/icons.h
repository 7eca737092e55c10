#pragma once

#include <QIcon>
#include <QString>

namespace assay::ui {

// An icon from resources/icons/NAME.svg (rendered by Qt's SVG plugin, package libqt6svg6).
// Known names: "assay" (the application), "data", "runs".
QIcon workbenchIcon(const QString &name);

} // namespace assay::ui
