#pragma once

#include <QSettings>
#include <QTemporaryDir>

#include <memory>

namespace assay::ui {

// Where the workbench keeps its state. Normally the user's settings (org "Assay",
// app "Assay Workbench"); for screenshots and tests a throwaway file that is deleted
// with this object, so rendering never reads or changes what the user set.
class WorkbenchSettings {
public:
    enum class Scope { User, Ephemeral };

    explicit WorkbenchSettings(Scope scope);

    QSettings *settings() const { return m_settings.get(); }

private:
    std::unique_ptr<QTemporaryDir> m_temporaryDir;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace assay::ui
