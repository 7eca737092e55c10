#include "shell/workbench_app.h"

int main(int argc, char *argv[])
{
    return assay::ui::runWorkbench(argc, argv);
}
