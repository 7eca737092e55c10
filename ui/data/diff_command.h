#pragma once

#include <QString>

#include <string>
#include <vector>

namespace assay::ui {

// The CLI line that reproduces a diff view: `assay diff A B --key K`, with A and B as the
// user names datasets ("data/credit.csv@3f2a9c1") and arguments quoted for a POSIX shell
// where they need it.
QString diffCommandLine(const QString &a, const QString &b, const std::vector<std::string> &keys);

// `text` as one POSIX shell word: unchanged when safe, else in single quotes.
QString shellQuoted(const QString &text);

} // namespace assay::ui
