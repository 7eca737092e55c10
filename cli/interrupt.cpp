#include "interrupt.h"

#include <csignal>

namespace assay::cli {

namespace {

// Kept alive for the whole process; a signal handler may only touch lock-free atomics.
CancellationToken *g_token = nullptr;

extern "C" void onInterrupt(int signal)
{
    if (g_token)
        g_token->cancel();
    std::signal(signal, SIG_DFL);
}

} // namespace

void cancelOnInterrupt(const CancellationToken &token)
{
    static CancellationToken kept;
    kept = token;
    g_token = &kept;
    // A closed terminal or a scheduler's stop request ends work as cleanly as Ctrl-C does,
    // so `assay run` still records its run as KILLED.
    for (const int signal : {SIGINT, SIGTERM, SIGHUP})
        std::signal(signal, onInterrupt);
}

} // namespace assay::cli
