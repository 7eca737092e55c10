// assay-report: the `assay` CLI inside a QApplication, with the compliance report's renderer
// installed. `assay report` runs it (see cli/report_runner.h for why it is a program of its own).
#include "cli.h"
#include "report_command_runner.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    // Charts are widgets drawn offscreen: no display is needed unless the user chose a platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    assay::cli::installReportRunner(assay::app::runReportExport);
    return assay::cli::run(argc, argv);
}
