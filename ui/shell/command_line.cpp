#include "shell/command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace assay::ui {

QSize parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})[xX×](\\d{2,5})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return {};
    return QSize(match.captured(1).toInt(), match.captured(2).toInt());
}

std::optional<WorkbenchOptions> parseWorkbenchArguments(const QStringList &arguments,
                                                        QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "assay::ui", "Assay Workbench: the desktop workbench for the ML lifecycle."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("workspace"),
        QCoreApplication::translate("assay::ui", "The workspace folder to open."),
        QStringLiteral("[WORKSPACE]"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QCoreApplication::translate("assay::ui", "The area to show first (e.g. data)."),
        QStringLiteral("NAME"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("assay::ui",
                                    "Render the view into FILE.png once it is loaded, then exit."),
        QStringLiteral("FILE.png"));
    const QCommandLineOption size(
        QStringLiteral("size"),
        QCoreApplication::translate("assay::ui",
                                    "Window size for --screenshot (default 1400x900)."),
        QStringLiteral("WxH"));
    parser.addOptions({view, screenshot, size});
    parser.process(arguments);

    WorkbenchOptions options;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        *error = QStringLiteral("expected at most one WORKSPACE, got %1").arg(positional.size());
        return std::nullopt;
    }
    if (!positional.isEmpty())
        options.workspace = positional.first();
    options.view = parser.value(view);
    options.screenshotPath = parser.value(screenshot);
    if (parser.isSet(size)) {
        options.size = parseSize(parser.value(size));
        if (!options.size.isValid()) {
            *error = QStringLiteral("--size wants WIDTHxHEIGHT, e.g. 1400x900, not '%1'")
                         .arg(parser.value(size));
            return std::nullopt;
        }
    }
    return options;
}

} // namespace assay::ui
