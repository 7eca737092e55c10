#include "version/dvcignore.h"

#include "common/atomic_file.h"

#include <sstream>

namespace assay::version {

namespace {

// Matches one `[...]` class at the start of `pattern` against `c`; returns the class length
// (0 when the class is not closed, then '[' is a literal).
std::size_t matchClass(std::string_view pattern, char c, bool &matched)
{
    std::size_t i = 1;
    const bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
    if (negate)
        ++i;
    bool any = false;
    for (bool first = true; i < pattern.size() && (first || pattern[i] != ']'); first = false) {
        char low = pattern[i];
        if (low == '\\' && i + 1 < pattern.size())
            low = pattern[++i];
        char high = low;
        if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
            high = pattern[i + 2];
            i += 2;
        }
        any = any || (c >= low && c <= high);
        ++i;
    }
    if (i >= pattern.size())
        return 0;
    matched = (any != negate) && c != '/';
    return i + 1;
}

} // namespace

bool globMatches(std::string_view pattern, std::string_view text)
{
    while (!pattern.empty()) {
        if (pattern.starts_with("**/") || pattern == "**") {
            if (pattern == "**")
                return true;
            pattern.remove_prefix(3);
            for (std::size_t i = 0;;) {
                if (globMatches(pattern, text.substr(i)))
                    return true;
                const std::size_t slash = text.find('/', i);
                if (slash == std::string_view::npos)
                    return false;
                i = slash + 1;
            }
        }
        if (pattern.starts_with("/**") && (pattern.size() == 3 || pattern[3] == '/')) {
            if (text.empty() || text.front() != '/')
                return false;
            pattern.remove_prefix(1);
            text.remove_prefix(1);
            continue;
        }
        const char p = pattern.front();
        if (p == '*') {
            while (!pattern.empty() && pattern.front() == '*')
                pattern.remove_prefix(1);
            for (std::size_t i = 0;; ++i) {
                if (globMatches(pattern, text.substr(i)))
                    return true;
                if (i == text.size() || text[i] == '/')
                    return false;
            }
        }
        if (text.empty())
            return false;
        if (p == '?') {
            if (text.front() == '/')
                return false;
        } else if (p == '[') {
            bool matched = false;
            const std::size_t length = matchClass(pattern, text.front(), matched);
            if (length > 0) {
                if (!matched)
                    return false;
                pattern.remove_prefix(length);
                text.remove_prefix(1);
                continue;
            }
            if (text.front() != '[')
                return false;
        } else if (p == '\\' && pattern.size() > 1) {
            pattern.remove_prefix(1);
            if (pattern.front() != text.front())
                return false;
        } else if (p != text.front()) {
            return false;
        }
        pattern.remove_prefix(1);
        text.remove_prefix(1);
    }
    return text.empty();
}

Result<DvcIgnore> DvcIgnore::load(const std::filesystem::path &root, const std::string &relativeDir)
{
    DvcIgnore ignore(root);
    ASSAY_TRY(ignore.addRulesOf({}));
    std::string dir;
    std::istringstream parts(relativeDir);
    for (std::string part; std::getline(parts, part, '/');) {
        if (part.empty() || part == ".")
            continue;
        dir += (dir.empty() ? "" : "/") + part;
        ASSAY_TRY(ignore.addRulesOf(dir));
    }
    return ignore;
}

Status DvcIgnore::addRulesOf(const std::string &relativeDir)
{
    const auto file = (relativeDir.empty() ? m_root : m_root / relativeDir) / ".dvcignore";
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error))
        return {};
    auto text = readFile(file);
    if (!text)
        return text.error();
    addRules(relativeDir, *text);
    return {};
}

void DvcIgnore::addRules(const std::string &base, std::string_view text)
{
    std::istringstream lines{std::string(text)};
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        while (!line.empty() && line.back() == ' ' &&
               !(line.size() > 1 && line[line.size() - 2] == '\\'))
            line.pop_back();
        if (line.empty() || line.front() == '#')
            continue;
        Rule rule;
        rule.base = base;
        if (line.front() == '!') {
            rule.negated = true;
            line.erase(0, 1);
        } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
            line.erase(0, 1);
        }
        if (!line.empty() && line.back() == '/') {
            rule.directoryOnly = true;
            line.pop_back();
        }
        rule.anchored = line.find('/') != std::string::npos;
        if (!line.empty() && line.front() == '/')
            line.erase(0, 1);
        if (line.empty())
            continue;
        rule.pattern = line;
        m_rules.push_back(std::move(rule));
    }
}

bool DvcIgnore::isDefaultIgnored(std::string_view name, bool isDirectory)
{
    return name == ".git" || (isDirectory && (name == ".hg" || name == ".dvc"));
}

bool DvcIgnore::isIgnored(std::string_view relativePath, bool isDirectory) const
{
    const std::size_t slash = relativePath.rfind('/');
    const std::string_view name =
        slash == std::string_view::npos ? relativePath : relativePath.substr(slash + 1);
    if (isDefaultIgnored(name, isDirectory))
        return true;
    bool ignored = false;
    for (const Rule &rule : m_rules) {
        if (rule.directoryOnly && !isDirectory)
            continue;
        std::string_view below = relativePath;
        if (!rule.base.empty()) {
            if (!relativePath.starts_with(rule.base) || relativePath.size() <= rule.base.size() ||
                relativePath[rule.base.size()] != '/')
                continue;
            below.remove_prefix(rule.base.size() + 1);
        }
        if (globMatches(rule.pattern, rule.anchored ? below : name))
            ignored = !rule.negated;
    }
    return ignored;
}

} // namespace assay::version
