#pragma once

#include "common/result.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace assay::version {

// The `.dvcignore` rules of a workspace, with gitignore's pattern language: `*`, `?`, `[..]`,
// `**`, a leading or inner `/` anchors to the file's folder, a trailing `/` matches folders
// only, `!` re-includes, `#` starts a comment. DVC's default ignores (.git, .hg, .dvc) are
// always on. Paths are relative to the workspace root, '/'-separated.
class DvcIgnore {
public:
    // Reads the `.dvcignore` of the root and of each folder down to `relativeDir` (inclusive).
    static Result<DvcIgnore> load(const std::filesystem::path &root,
                                  const std::string &relativeDir = {});

    // Adds the rules of `relativeDir/.dvcignore`, if that file exists.
    Status addRulesOf(const std::string &relativeDir);
    bool isIgnored(std::string_view relativePath, bool isDirectory) const;
    // False when only DVC's default ignores apply (no .dvcignore rules were read).
    bool hasRules() const { return !m_rules.empty(); }

    static bool isDefaultIgnored(std::string_view name, bool isDirectory);

private:
    struct Rule {
        std::string base;    // folder of the .dvcignore, "" for the root
        std::string pattern; // without '!', leading '/' and trailing '/'
        bool negated = false;
        bool directoryOnly = false;
        bool anchored = false; // matched against the path below `base`, else the name
    };

    explicit DvcIgnore(std::filesystem::path root) : m_root(std::move(root)) {}
    void addRules(const std::string &base, std::string_view text);

    std::filesystem::path m_root;
    std::vector<Rule> m_rules;
};

// gitignore-style glob: `*` and `?` stop at '/', `**/`, `/**/` and `/**` span folders.
bool globMatches(std::string_view pattern, std::string_view text);

} // namespace assay::version
