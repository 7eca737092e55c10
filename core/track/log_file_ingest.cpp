#include "track/log_file_ingest.h"

#include "track/clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>

#include <cmath>
#include <fstream>
#include <limits>

namespace assay::track {

namespace {

std::optional<double> metricValue(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString().toLower();
    if (text == QLatin1String("nan"))
        return std::numeric_limits<double>::quiet_NaN();
    if (text == QLatin1String("infinity") || text == QLatin1String("inf"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-infinity") || text == QLatin1String("-inf"))
        return -std::numeric_limits<double>::infinity();
    return std::nullopt;
}

// Params and tags are text; a number written without quotes keeps JSON's spelling.
std::optional<std::string> textValue(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toStdString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest).toStdString();
    if (value.isBool())
        return value.toBool() ? "true" : "false";
    return std::nullopt;
}

std::optional<std::int64_t> integer(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != std::floor(number) || std::abs(number) > 9.0e15)
        return std::nullopt;
    return static_cast<std::int64_t>(number);
}

} // namespace

Status LogFileIngest::poll()
{
    return ingest(false);
}

Status LogFileIngest::finish()
{
    return ingest(true);
}

Status LogFileIngest::ingest(bool includePartialLine)
{
    std::ifstream in(m_file, std::ios::binary);
    if (!in)
        return {};
    in.seekg(static_cast<std::streamoff>(m_offset));
    std::string appended{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::size_t consumed = 0;
    std::vector<KeyedMetricPoint> metrics;
    while (consumed < appended.size()) {
        const std::size_t newline = appended.find('\n', consumed);
        if (newline == std::string::npos && !includePartialLine)
            break;
        const std::size_t end = newline == std::string::npos ? appended.size() : newline;
        ++m_lineNumber;
        parseLine(std::string_view(appended).substr(consumed, end - consumed), metrics);
        consumed = newline == std::string::npos ? appended.size() : newline + 1;
    }
    m_offset += consumed;
    return m_store->logMetricBatch(m_runId, metrics);
}

void LogFileIngest::parseLine(std::string_view line, std::vector<KeyedMetricPoint> &metrics)
{
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos)
        return;
    const std::string where = m_file.string() + ":" + std::to_string(m_lineNumber) + ": ";
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(
        QByteArray(line.data(), static_cast<qsizetype>(line.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        m_problems.push_back(where + "not a JSON object" +
                             (error.error != QJsonParseError::NoError
                                  ? " (" + error.errorString().toStdString() + ")"
                                  : std::string()));
        return;
    }
    const QJsonObject object = document.object();
    const QJsonValue value = object.value(QStringLiteral("value"));
    if (object.contains(QStringLiteral("metric"))) {
        const QString key = object.value(QStringLiteral("metric")).toString();
        const auto number = metricValue(value);
        if (key.isEmpty() || !number) {
            m_problems.push_back(where + (key.isEmpty() ? "metric needs a key (a string)"
                                                        : "metric value is not a number"));
            return;
        }
        MetricPoint point{0, nowMs(), *number};
        if (object.contains(QStringLiteral("step"))) {
            const auto step = integer(object.value(QStringLiteral("step")));
            if (!step) {
                m_problems.push_back(where + "step is not an integer");
                return;
            }
            point.step = *step;
        }
        if (object.contains(QStringLiteral("timestamp"))) {
            const auto timestamp = integer(object.value(QStringLiteral("timestamp")));
            if (!timestamp) {
                m_problems.push_back(where + "timestamp is not an integer (milliseconds)");
                return;
            }
            point.timestampMs = *timestamp;
        }
        metrics.push_back({key.toStdString(), point});
        return;
    }
    const bool isParam = object.contains(QStringLiteral("param"));
    if (!isParam && !object.contains(QStringLiteral("tag"))) {
        m_problems.push_back(where + "expected a \"metric\", \"param\" or \"tag\" key");
        return;
    }
    const QString key =
        object.value(isParam ? QStringLiteral("param") : QStringLiteral("tag")).toString();
    const auto text = textValue(value);
    if (key.isEmpty() || !text) {
        m_problems.push_back(where + (isParam ? "param" : "tag") +
                             (key.isEmpty() ? " needs a key (a string)" : " needs a value"));
        return;
    }
    const Status logged = isParam ? m_store->logParam(m_runId, key.toStdString(), *text)
                                  : m_store->logTag(m_runId, key.toStdString(), *text);
    if (!logged)
        m_problems.push_back(where + logged.error().message);
}

} // namespace assay::track
