#pragma once

namespace assay::ui {

// The whole assay-workbench program: parses the arguments, sets up QApplication (Fusion,
// system palette, our accent) and either shows the window or renders a screenshot.
// Returns the process exit code: 0, or 2 with a one-line reason on stderr for bad usage,
// an unknown view or a workspace that cannot be opened.
int runWorkbench(int argc, char *argv[]);

} // namespace assay::ui
