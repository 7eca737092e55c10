#include "track/child_process.h"

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace assay::track {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kGraceBeforeInterrupt = std::chrono::milliseconds(1000);
constexpr auto kGraceBeforeKill = std::chrono::seconds(10);

struct Pipe {
    int read = -1;
    int write = -1;
};

Result<Pipe> makePipe()
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return Error::io(std::string("cannot create a pipe: ") + std::strerror(errno));
    return Pipe{fds[0], fds[1]};
}

std::vector<std::string> mergedEnvironment(const std::map<std::string, std::string> &extra)
{
    std::vector<std::string> merged;
    for (char **entry = environ; entry && *entry; ++entry) {
        const std::string_view text(*entry);
        const auto name = text.substr(0, text.find('='));
        if (!extra.contains(std::string(name)))
            merged.emplace_back(text);
    }
    for (const auto &[name, value] : extra)
        merged.push_back(name + "=" + value);
    return merged;
}

std::vector<char *> pointers(std::vector<std::string> &strings)
{
    std::vector<char *> out;
    for (std::string &text : strings)
        out.push_back(text.data());
    out.push_back(nullptr);
    return out;
}

} // namespace

Result<ChildOutcome> runChild(const ChildCommand &command)
{
    if (command.argv.empty())
        return Error::invalidInput("no command to run");
    auto out = makePipe();
    if (!out)
        return out.error();
    auto err = makePipe();
    if (!err) {
        close(out->read);
        close(out->write);
        return err.error();
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out->write, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err->write, STDERR_FILENO);

    std::vector<std::string> argvStrings = command.argv;
    std::vector<std::string> envStrings = mergedEnvironment(command.environment);
    auto argv = pointers(argvStrings);
    auto envp = pointers(envStrings);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(out->write);
    close(err->write);
    if (spawned != 0) {
        close(out->read);
        close(err->read);
        return Error::notFound("cannot run '" + command.argv.front() +
                               "': " + std::strerror(spawned));
    }

    ChildOutcome outcome;
    pollfd fds[2] = {{out->read, POLLIN, 0}, {err->read, POLLIN, 0}};
    int open = 2;
    bool exited = false;
    int waitStatus = 0;
    auto nextTick = Clock::now() + command.tickInterval;
    Clock::time_point cancelledAt{};
    bool interrupted = false;
    bool killed = false;
    char buffer[65536];
    for (;;) {
        if (!exited) {
            const pid_t done = waitpid(pid, &waitStatus, WNOHANG);
            exited = done == pid;
        }
        const int timeoutMs =
            static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::max(nextTick - Clock::now(), Clock::duration::zero()))
                                 .count());
        // With both pipes closed poll() only waits, so ticks and cancellation still run.
        const int ready = poll(fds, 2, exited ? (open > 0 ? 50 : 0) : timeoutMs);
        if (ready < 0 && errno == EINTR)
            continue; // Ctrl-C: the cancellation check below runs on the next pass
        if (ready < 0)
            break;
        if (ready <= 0 && exited)
            break; // the child is gone and nothing more came (a grandchild may hold the pipes)
        for (pollfd &fd : fds) {
            if (fd.fd < 0 || !(fd.revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t got = read(fd.fd, buffer, sizeof buffer);
            if (got > 0) {
                const auto &sink = fd.fd == out->read ? command.onStdout : command.onStderr;
                if (sink)
                    sink(std::string_view(buffer, static_cast<std::size_t>(got)));
            } else if (got == 0 || errno != EINTR) {
                close(fd.fd);
                fd.fd = -1;
                --open;
            }
        }
        const auto now = Clock::now();
        if (now >= nextTick) {
            if (command.onTick)
                command.onTick();
            nextTick = now + command.tickInterval;
        }
        if (command.cancellation.isCancelled() && !exited) {
            if (!outcome.cancelled) {
                outcome.cancelled = true;
                cancelledAt = now;
            } else if (!interrupted && now - cancelledAt > kGraceBeforeInterrupt) {
                kill(pid, SIGINT);
                interrupted = true;
            } else if (!killed && now - cancelledAt > kGraceBeforeInterrupt + kGraceBeforeKill) {
                kill(pid, SIGKILL);
                killed = true;
            }
        }
    }
    for (pollfd &fd : fds)
        if (fd.fd >= 0)
            close(fd.fd);
    if (!exited)
        waitpid(pid, &waitStatus, 0);
    outcome.cancelled = outcome.cancelled || command.cancellation.isCancelled();
    if (WIFSIGNALED(waitStatus)) {
        outcome.signal = WTERMSIG(waitStatus);
        outcome.exitCode = 128 + outcome.signal;
    } else {
        outcome.exitCode = WEXITSTATUS(waitStatus);
    }
    return outcome;
}

} // namespace assay::track
