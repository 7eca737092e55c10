#include "common/icons.h"

namespace assay::ui {

QIcon workbenchIcon(const QString &name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

} // namespace assay::ui
