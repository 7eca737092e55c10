#include "output.h"

#include <QJsonDocument>

#include <cstdio>

namespace assay::cli {

void printJson(const QJsonObject &document)
{
    const QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void printJsonArray(const QJsonArray &document)
{
    const QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void printLine(const std::string &text)
{
    std::fputs(text.c_str(), stdout);
    std::fputc('\n', stdout);
}

int fail(const Error &error)
{
    std::fprintf(stderr, "assay: %s\n", error.message.c_str());
    switch (error.kind) {
    case ErrorKind::Cancelled:
        return ExitCancelled;
    case ErrorKind::Refused:
        return ExitCheckFailed;
    default:
        return ExitUsage;
    }
}

int usageError(const Command &command, const std::string &message)
{
    std::fprintf(stderr, "assay %s: %s\nusage: assay %s %s\n", command.name.c_str(),
                 message.c_str(), command.name.c_str(), command.usage.c_str());
    return ExitUsage;
}

} // namespace assay::cli
