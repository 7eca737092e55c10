#include "interrupt.h"

#include <csignal>

namespace assay::cli {

namespace {

// Kept alive for the whole process; a signal handler may only touch lock-free atomics.
CancellationToken *g_token = nullptr;

extern "C" void onInterrupt(int)
{
    if (g_token)
        g_token->cancel();
    std::signal(SIGINT, SIG_DFL);
}

} // namespace

void cancelOnInterrupt(const CancellationToken &token)
{
    static CancellationToken kept;
    kept = token;
    g_token = &kept;
    std::signal(SIGINT, onInterrupt);
}

} // namespace assay::cli
