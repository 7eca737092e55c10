#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace assay::ui {

// assay-workbench [WORKSPACE] [--view NAME] [--screenshot FILE.png] [--size WxH]
struct WorkbenchOptions {
    QString workspace;      // empty: show the start page
    QString view;           // empty: the remembered area (or "data" for screenshots)
    QString screenshotPath; // render, save and exit
    QSize size{1400, 900};
};

// Parses the application's arguments; on a usage error returns nullopt and sets `error`
// to a one-line reason. --help and --version exit from inside, as QCommandLineParser does.
std::optional<WorkbenchOptions> parseWorkbenchArguments(const QStringList &arguments,
                                                        QString *error);

// "1400x900" -> QSize; an invalid QSize for anything else.
QSize parseSize(const QString &text);

} // namespace assay::ui
