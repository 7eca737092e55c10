#include "shell/settings.h"

namespace assay::ui {

WorkbenchSettings::WorkbenchSettings(Scope scope)
{
    if (scope == Scope::User) {
        m_settings = std::make_unique<QSettings>();
        return;
    }
    m_temporaryDir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(
        m_temporaryDir->filePath(QStringLiteral("workbench.ini")), QSettings::IniFormat);
}

} // namespace assay::ui
