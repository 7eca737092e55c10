#pragma once

#include <QIcon>
#include <QString>

namespace assay::ui {

// An icon from resources/icons/NAME.svg. Without Qt's SVG plugin (package qt6-svg) the
// same drawing is painted in code, so the rail and the window icon never go blank.
// Known names: "assay" (the application), "data".
QIcon workbenchIcon(const QString &name);

} // namespace assay::ui
