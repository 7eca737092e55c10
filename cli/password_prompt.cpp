#include "password_prompt.h"

#include "govern/access_control.h"

#include <cstdio>
#include <iostream>

#include <termios.h>
#include <unistd.h>

namespace assay::cli {

namespace {

std::optional<std::string> readLine(std::istream &in)
{
    std::string line;
    if (!std::getline(in, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace

bool canPromptForPassword()
{
    return ::isatty(STDIN_FILENO) == 1;
}

std::optional<std::string> promptPassword(const std::string &prompt)
{
    if (!canPromptForPassword())
        return std::nullopt;
    std::fputs(prompt.c_str(), stderr);
    std::fflush(stderr);
    termios saved{};
    const bool echoOff = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (echoOff) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL; // the newline still shows, so the next output starts a line
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::optional<std::string> answer = readLine(std::cin);
    if (echoOff)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    return answer;
}

std::optional<std::string> readPasswordLine()
{
    return readLine(std::cin);
}

void setUpSessionCredentials()
{
    govern::setSessionCredentials(govern::defaultCredentials());
    if (!canPromptForPassword())
        return;
    govern::setPasswordPrompt(
        [](const std::string &user, const std::string &reason) -> std::optional<std::string> {
            return promptPassword(reason + " needs " + user + "'s password: ");
        });
}

} // namespace assay::cli
