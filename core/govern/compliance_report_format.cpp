// How the compliance report writes numbers, times and ids, and reads run artifacts.
#include "common/atomic_file.h"
#include "govern/compliance_report_sections.h"
#include "version/dvc_layout.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace assay::govern::report {

std::string number(double value, int decimals)
{
    if (std::isnan(value))
        return "n/a";
    if (std::isinf(value))
        return value > 0 ? "∞" : "−∞";
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string percent(double share)
{
    if (std::isnan(share))
        return "n/a";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", share * 100);
    return text;
}

std::string utcTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
        .toStdString();
}

std::string duration(std::int64_t ms)
{
    if (ms < 0)
        return "n/a";
    const std::int64_t seconds = ms / 1000;
    char text[64];
    if (seconds < 60)
        std::snprintf(text, sizeof text, "%.1f s", double(ms) / 1000.0);
    else if (seconds < 3600)
        std::snprintf(text, sizeof text, "%lld min %02lld s", (long long)(seconds / 60), (long long)(seconds % 60));
    else
        std::snprintf(text, sizeof text, "%lld h %02lld min", (long long)(seconds / 3600),
                      (long long)((seconds % 3600) / 60));
    return text;
}

std::string shortId(const std::string &id, std::size_t length)
{
    return id.size() > length ? id.substr(0, length) : id;
}

std::string relativeToWorkspace(const Subject &subject, const std::string &path)
{
    const std::filesystem::path full(path);
    if (full.is_relative())
        return path;
    std::error_code error;
    const auto relative = std::filesystem::relative(full, subject.workspace->root(), error);
    if (error || relative.empty() || *relative.begin() == "..")
        return path;
    return relative.generic_string();
}

Result<QJsonObject> runJsonArtifact(const Subject &subject, std::string_view artifactPath)
{
    const auto &artifacts = subject.run.artifacts;
    const auto artifact = std::find_if(artifacts.begin(), artifacts.end(),
                                       [&](const track::Artifact &a) { return a.path == artifactPath; });
    if (artifact == artifacts.end())
        return Error::notFound("run " + subject.run.info.runId + " has no artifact " + std::string(artifactPath));
    auto bytes = readFile(version::cacheObjectPath(subject.workspace->root(), artifact->md5));
    if (!bytes)
        return bytes.error();
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(*bytes));
    if (!document.isObject())
        return Error::invalidInput(std::string(artifactPath) + " of run " + subject.run.info.runId +
                                   " is not a JSON object");
    return document.object();
}

ReportParagraph plain(std::string text)
{
    return {std::move(text), ReportParagraph::Tone::Normal};
}

ReportParagraph note(std::string text)
{
    return {std::move(text), ReportParagraph::Tone::Note};
}

ReportParagraph verdict(bool passed, std::string text)
{
    return {std::move(text), passed ? ReportParagraph::Tone::Passed : ReportParagraph::Tone::Failed};
}

} // namespace assay::govern::report
