#include "shell/workbench_app.h"

#include "common/icons.h"
#include "common/theme.h"
#include "explain/explain_dialog_screenshot.h"
#include "models/train_screenshot.h"
#include "shell/area_registry.h"
#include "shell/command_line.h"
#include "shell/main_window.h"
#include "shell/screenshot.h"
#include "shell/settings.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

namespace assay::ui {

namespace {

constexpr int usageExitCode = 2;

int fail(const QString &message)
{
    std::fprintf(stderr, "assay-workbench: %s\n", qPrintable(message));
    return usageExitCode;
}

// A folder inside a workspace opens the workspace, as the CLI's --workspace does.
QString workspaceRootFor(const QString &path)
{
    const auto root = workspace::Workspace::discover(QDir(path).absolutePath().toStdString());
    return root ? QString::fromStdString(root->string()) : path;
}

} // namespace

int runWorkbench(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Assay"));
    QCoreApplication::setApplicationName(QStringLiteral("Assay Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASSAY_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("assay-workbench"));
    applyWorkbenchStyle(app);
    QApplication::setWindowIcon(workbenchIcon(QStringLiteral("assay")));

    QString error;
    const std::optional<WorkbenchOptions> options =
        parseWorkbenchArguments(QCoreApplication::arguments(), &error);
    if (!options)
        return fail(error);
    const bool screenshot = !options->screenshotPath.isEmpty();
    const QString view =
        options->view.isEmpty() && screenshot ? QStringLiteral("data") : options->view;
    const AreaRegistry &areas = AreaRegistry::builtin();
    if (!view.isEmpty() && areas.areaOfView(view).isEmpty())
        return fail(QStringLiteral("unknown view '%1' (known: %2)")
                        .arg(view, areas.viewNames().join(QStringLiteral(", "))));

    const WorkbenchSettings settings(screenshot ? WorkbenchSettings::Scope::Ephemeral
                                                : WorkbenchSettings::Scope::User);
    MainWindow window(settings.settings());
    if (!options->workspace.isEmpty()) {
        const QString opened = window.openWorkspace(workspaceRootFor(options->workspace));
        if (!opened.isEmpty()) {
            if (screenshot)
                return fail(
                    QStringLiteral("cannot open workspace %1: %2").arg(options->workspace, opened));
            // Interactive: say why, then offer the start page.
            QTimer::singleShot(0, &window, [&window, path = options->workspace, opened] {
                QMessageBox::warning(&window, QObject::tr("Open Workspace"),
                                     QObject::tr("Could not open %1:\n%2").arg(path, opened));
            });
        }
    }
    if (!view.isEmpty())
        window.showView(view);

    if (screenshot) {
        QString failure;
        if (view == QLatin1String("models-train") && window.session())
            failure = renderTrainDialogScreenshot(window.session(), *window.jobRunner(),
                                                  options->screenshotPath, options->size);
        else if (view == QLatin1String("explain-dialog") && window.session())
            failure = renderExplainDialogScreenshot(window.session(), *window.jobRunner(),
                                                    options->screenshotPath);
        else
            failure = renderScreenshot(window, options->size, options->screenshotPath);
        if (!failure.isEmpty()) {
            std::fprintf(stderr, "assay-workbench: %s\n", qPrintable(failure));
            return 1;
        }
        return 0;
    }

    window.restoreGeometryFromSettings();
    window.show();
    return app.exec();
}

} // namespace assay::ui
