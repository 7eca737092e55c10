// Who is acting in this process, and how to ask them for a password.
#include "govern/access_control.h"

#include <cstdlib>
#include <mutex>

#include <pwd.h>
#include <unistd.h>

namespace assay::govern {

namespace {

struct Session {
    std::mutex mutex;
    std::optional<Credentials> credentials; // nullopt: read the environment
    PasswordPrompt prompt;
};

Session &session()
{
    static Session instance;
    return instance;
}

std::string environment(const char *name)
{
    const char *value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

std::string osLogin()
{
    // getpwuid_r: another thread may be reading the password database too.
    passwd entry{};
    passwd *found = nullptr;
    char buffer[4096];
    if (getpwuid_r(geteuid(), &entry, buffer, sizeof buffer, &found) == 0 && found &&
        found->pw_name && *found->pw_name)
        return found->pw_name;
    return environment("USER");
}

} // namespace

Credentials defaultCredentials()
{
    Credentials credentials;
    credentials.user = environment("ASSAY_USER");
    if (credentials.user.empty())
        credentials.user = osLogin();
    if (const char *password = std::getenv("ASSAY_PASSWORD"))
        credentials.password = std::string(password);
    return credentials;
}

Credentials sessionCredentials()
{
    {
        std::lock_guard lock(session().mutex);
        if (session().credentials)
            return *session().credentials;
    }
    return defaultCredentials();
}

void setSessionCredentials(Credentials credentials)
{
    std::lock_guard lock(session().mutex);
    session().credentials = std::move(credentials);
}

void setPasswordPrompt(PasswordPrompt prompt)
{
    std::lock_guard lock(session().mutex);
    session().prompt = std::move(prompt);
}

// Declared in access_session.h: asks the installed prompt, remembering the answer.
std::optional<std::string> askSessionPassword(const std::string &user, const std::string &reason)
{
    PasswordPrompt prompt;
    {
        std::lock_guard lock(session().mutex);
        prompt = session().prompt;
    }
    if (!prompt)
        return std::nullopt;
    std::optional<std::string> answer = prompt(user, reason);
    if (answer) {
        Credentials credentials = sessionCredentials();
        credentials.password = answer;
        setSessionCredentials(std::move(credentials));
    }
    return answer;
}

} // namespace assay::govern
