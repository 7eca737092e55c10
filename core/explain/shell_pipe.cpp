#include "explain/shell_pipe.h"

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace assay::explain {

namespace {

constexpr std::size_t kErrorTailBytes = 64 * 1024;
constexpr int kPollMs = 100;          // how often cancellation is checked
constexpr int kQuietAfterExitMs = 50; // how long output may trail the shell's exit

struct Pipes {
    int fds[3][2] = {{-1, -1}, {-1, -1}, {-1, -1}}; // stdin, stdout, stderr: [read, write]

    ~Pipes()
    {
        for (auto &pipe : fds)
            for (int &fd : pipe)
                closeFd(fd);
    }
    static void closeFd(int &fd)
    {
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
};

// Writing to a pipe whose reader has gone raises SIGPIPE; while the child runs this thread keeps
// it blocked (write then fails with EPIPE) and afterwards swallows one that came.
class BlockedSigpipe {
public:
    BlockedSigpipe()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_previous);
    }
    ~BlockedSigpipe()
    {
        sigset_t pending;
        sigpending(&pending);
        if (sigismember(&pending, SIGPIPE) && !sigismember(&m_previous, SIGPIPE)) {
            const timespec now{0, 0};
            sigtimedwait(&m_pipe, nullptr, &now);
        }
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }
    BlockedSigpipe(const BlockedSigpipe &) = delete;
    BlockedSigpipe &operator=(const BlockedSigpipe &) = delete;

private:
    sigset_t m_pipe;
    sigset_t m_previous;
};

Result<pid_t> spawnShell(const std::string &command, Pipes &pipes)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipes.fds[0][0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pipes.fds[1][1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pipes.fds[2][1], STDERR_FILENO);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                              POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);

    std::string shell = "/bin/sh";
    std::string flag = "-c";
    std::string script = command;
    char *argv[] = {shell.data(), flag.data(), script.data(), nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    Pipes::closeFd(pipes.fds[0][0]);
    Pipes::closeFd(pipes.fds[1][1]);
    Pipes::closeFd(pipes.fds[2][1]);
    if (spawned != 0)
        return Error::io(std::string("cannot run /bin/sh: ") + std::strerror(spawned));
    return pid;
}

// True once the shell has exited. It is not reaped yet, so its process group (and pid) stay
// reserved until killAndReap.
bool hasExited(pid_t pid)
{
    siginfo_t info{};
    return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

// Kills what is left of the shell's process group (the shell itself when still running,
// anything it started in the background) and returns the shell's wait status.
int killAndReap(pid_t pid)
{
    kill(-pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

void appendTail(std::string &tail, const char *data, std::size_t size)
{
    tail.append(data, size);
    if (tail.size() > 2 * kErrorTailBytes)
        tail.erase(0, tail.size() - kErrorTailBytes);
}

} // namespace

Result<ShellPipeOutcome> runShellPipe(const std::string &command, std::string_view input,
                                      std::size_t maxOutputBytes,
                                      const CancellationToken &cancellation)
{
    Pipes pipes;
    for (auto &pipe : pipes.fds)
        if (pipe2(pipe, O_CLOEXEC) != 0)
            return Error::io(std::string("cannot create a pipe: ") + std::strerror(errno));
    const BlockedSigpipe blockedSigpipe;
    auto spawned = spawnShell(command, pipes);
    if (!spawned)
        return spawned.error();
    const pid_t pid = *spawned;
    int &toChild = pipes.fds[0][1];
    int &fromStdout = pipes.fds[1][0];
    int &fromStderr = pipes.fds[2][0];
    fcntl(toChild, F_SETFL, fcntl(toChild, F_GETFL) | O_NONBLOCK);

    ShellPipeOutcome outcome;
    std::size_t written = 0;
    if (input.empty())
        Pipes::closeFd(toChild);
    bool exited = false;
    char buffer[65536];
    for (;;) {
        if (cancellation.isCancelled()) {
            outcome.cancelled = true;
            break;
        }
        exited = exited || hasExited(pid);
        if (exited && fromStdout < 0 && fromStderr < 0)
            break;
        pollfd fds[3] = {{toChild, POLLOUT, 0}, {fromStdout, POLLIN, 0}, {fromStderr, POLLIN, 0}};
        const int ready = poll(fds, 3, exited ? kQuietAfterExitMs : kPollMs);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0) {
            const int error = errno;
            killAndReap(pid);
            return Error::io(std::string("waiting for the predict command: ") +
                             std::strerror(error));
        }
        if (ready == 0 && exited)
            break; // the shell is gone and nothing more came (a background process holds a pipe)
        if (toChild >= 0 && fds[0].revents) {
            const ssize_t sent = write(toChild, input.data() + written, input.size() - written);
            if (sent > 0)
                written += std::size_t(sent);
            if ((sent < 0 && errno != EAGAIN && errno != EINTR) || written == input.size())
                Pipes::closeFd(toChild); // done, or the child stopped reading (EPIPE)
        }
        for (int channel = 1; channel <= 2; ++channel) {
            int &fd = channel == 1 ? fromStdout : fromStderr;
            if (fd < 0 || !fds[channel].revents)
                continue;
            const ssize_t got = read(fd, buffer, sizeof buffer);
            if (got > 0 && channel == 1)
                outcome.output.append(buffer, std::size_t(got));
            else if (got > 0)
                appendTail(outcome.errorTail, buffer, std::size_t(got));
            else if (got == 0 || (errno != EINTR && errno != EAGAIN))
                Pipes::closeFd(fd);
        }
        if (outcome.output.size() > maxOutputBytes) {
            outcome.output.resize(maxOutputBytes);
            outcome.outputLimitReached = true;
            break;
        }
    }
    const int status = killAndReap(pid);
    if (WIFSIGNALED(status)) {
        outcome.signal = WTERMSIG(status);
        outcome.exitCode = 128 + outcome.signal;
    } else {
        outcome.exitCode = WEXITSTATUS(status);
    }
    return outcome;
}

} // namespace assay::explain
