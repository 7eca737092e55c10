#include "version/gitignore.h"

#include "common/atomic_file.h"

#include <sstream>

namespace assay::version {

namespace {

std::string escapeGlob(const std::string &name)
{
    std::string escaped;
    for (char c : name) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    if (!escaped.empty() && (escaped.front() == '#' || escaped.front() == '!'))
        escaped.insert(escaped.begin(), '\\');
    return escaped;
}

} // namespace

Result<bool> ignoreInGit(const std::filesystem::path &target)
{
    const auto gitignore = target.parent_path() / ".gitignore";
    const std::string entry = "/" + escapeGlob(target.filename().string());

    std::string content;
    if (std::filesystem::exists(gitignore)) {
        auto existing = readFile(gitignore);
        if (!existing)
            return existing.error();
        content = std::move(*existing);
    }
    std::istringstream lines(content);
    for (std::string line; std::getline(lines, line);) {
        if (line == entry)
            return false;
    }
    if (!content.empty() && content.back() != '\n')
        content += '\n';
    content += entry + "\n";
    ASSAY_TRY(writeFileAtomically(gitignore, content));
    return true;
}

} // namespace assay::version
