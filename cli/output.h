#pragma once

#include "command.h"
#include "common/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <string>

namespace assay::cli {

inline QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// Prints one JSON document on stdout (the only thing `--json` puts there).
void printJson(const QJsonObject &document);
void printJsonArray(const QJsonArray &document);
// Prints a line of text on stdout.
void printLine(const std::string &text);
// Prints "assay: <message>" on stderr and returns the exit code for the error:
// 130 when cancelled, 2 otherwise (bad usage, unreadable input, refused write).
int fail(const Error &error);
int usageError(const Command &command, const std::string &message);

} // namespace assay::cli
