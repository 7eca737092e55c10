#include "common/atomic_file.h"
#include "command_registry.h"
#include "json_values.h"
#include "output.h"
#include "run_json.h"
#include "runs_shared.h"
#include "text_format.h"
#include "track/run_query.h"

#include <QJsonArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <set>

namespace assay::cli {

namespace {

using track::RunRecord;

std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

// The shortest text that reads back as the same double; NaN and ±inf as in JSON.
std::string shortestNumber(double value)
{
    if (!std::isfinite(value))
        return metricText(value);
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

} // namespace

int runCompare(CommandContext &context)
{
    const Command &command = *findCommand("runs compare");
    const auto &positional = context.arguments.positional();
    if (positional.size() < 2)
        return usageError(command, "expected two or more runs");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    std::vector<RunRecord> runs;
    for (const auto &reference : positional) {
        auto id = track::resolveRun(ws->database(), reference);
        if (!id)
            return fail(id.error());
        auto run = track::loadRun(ws->database(), *id);
        if (!run)
            return fail(run.error());
        runs.push_back(std::move(*run));
    }
    struct Field {
        std::string name;
        std::vector<QJsonValue> json;
        std::vector<std::string> text;
    };
    std::vector<Field> fields;
    auto addField = [&](const std::string &name, auto value) {
        Field field{name, {}, {}};
        for (const auto &run : runs) {
            const std::optional<std::pair<QJsonValue, std::string>> v = value(run);
            field.json.push_back(v ? v->first : QJsonValue());
            field.text.push_back(v ? v->second : "-");
        }
        const bool differs = std::adjacent_find(field.text.begin(), field.text.end(),
                                                std::not_equal_to<>()) != field.text.end();
        if (differs || context.arguments.flag("all"))
            fields.push_back(std::move(field));
    };
    using Value = std::optional<std::pair<QJsonValue, std::string>>;
    auto text = [](const std::string &s) -> Value { return std::pair{QJsonValue(qs(s)), s}; };
    addField("experiment", [&](const RunRecord &r) { return text(r.info.experiment); });
    addField("name", [&](const RunRecord &r) { return text(r.info.name); });
    addField("status", [&](const RunRecord &r) {
        return text(std::string(track::statusName(r.info.status)));
    });
    addField("start_time", [&](const RunRecord &r) -> Value {
        if (!r.info.startMs)
            return std::nullopt;
        return std::pair{QJsonValue(static_cast<qint64>(*r.info.startMs)),
                         localTime(r.info.startMs)};
    });
    addField("end_time", [&](const RunRecord &r) -> Value {
        if (!r.info.endMs)
            return std::nullopt;
        return std::pair{QJsonValue(static_cast<qint64>(*r.info.endMs)), localTime(r.info.endMs)};
    });
    const auto [params, metrics, tags] = track::keysOf(runs);
    for (const auto &key : params)
        addField("params." + key, [&](const RunRecord &r) -> Value {
            const auto it = r.params.find(key);
            return it == r.params.end() ? std::nullopt : text(it->second);
        });
    for (const auto &key : metrics)
        addField("metrics." + key, [&](const RunRecord &r) -> Value {
            const auto it = r.latestMetrics.find(key);
            if (it == r.latestMetrics.end())
                return std::nullopt;
            return std::pair{metricToJson(it->second.value), metricText(it->second.value)};
        });
    for (const auto &key : tags)
        addField("tags." + key, [&](const RunRecord &r) -> Value {
            const auto it = r.tags.find(key);
            return it == r.tags.end() ? std::nullopt : text(it->second);
        });

    if (context.json) {
        QJsonArray ids, rows;
        for (const auto &run : runs)
            ids.append(qs(run.info.runId));
        for (const auto &field : fields) {
            QJsonArray values;
            for (const auto &v : field.json)
                values.append(v);
            rows.append(QJsonObject{{QStringLiteral("field"), qs(field.name)},
                                    {QStringLiteral("values"), values}});
        }
        printJson(QJsonObject{{QStringLiteral("runs"), ids}, {QStringLiteral("fields"), rows}});
        return ExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"FIELD"};
    for (const auto &run : runs)
        header.push_back(run.info.runId.substr(0, 8));
    rows.push_back(header);
    for (const auto &field : fields) {
        std::vector<std::string> row{field.name};
        for (const auto &t : field.text)
            row.push_back(shortened(t, 40));
        rows.push_back(std::move(row));
    }
    if (fields.empty())
        printLine("no differences (--all lists every field)");
    else
        printTable(rows);
    return ExitOk;
}

int runExport(CommandContext &context)
{
    const Command &command = *findCommand("runs export");
    const std::string format = context.arguments.value("format").value_or("csv");
    if (format != "csv")
        return usageError(command, "--format: only csv is supported, not '" + format + "'");
    auto runs = selectRuns(context);
    if (!runs)
        return fail(runs.error());
    const auto [params, metrics, tags] = track::keysOf(*runs);
    std::ostringstream out;
    out << "run_id,experiment,name,status,start_time,end_time,user,deleted";
    for (const auto &[prefix, keys] : {std::pair{"params.", &params},
                                       std::pair{"metrics.", &metrics}, std::pair{"tags.", &tags}})
        for (const auto &key : *keys)
            out << ',' << csvField(prefix + key);
    out << '\n';
    auto lookup = [](const std::map<std::string, std::string> &map, const std::string &key) {
        const auto it = map.find(key);
        return it == map.end() ? std::string() : it->second;
    };
    for (const auto &run : *runs) {
        const auto &info = run.info;
        out << csvField(info.runId) << ',' << csvField(info.experiment) << ','
            << csvField(info.name) << ',' << track::statusName(info.status) << ','
            << (info.startMs ? std::to_string(*info.startMs) : "") << ','
            << (info.endMs ? std::to_string(*info.endMs) : "") << ',' << csvField(info.user) << ','
            << (info.deleted ? "true" : "false");
        for (const auto &key : params)
            out << ',' << csvField(lookup(run.params, key));
        for (const auto &key : metrics) {
            const auto it = run.latestMetrics.find(key);
            out << ','
                << (it == run.latestMetrics.end() ? std::string()
                                                  : shortestNumber(it->second.value));
        }
        for (const auto &key : tags)
            out << ',' << csvField(lookup(run.tags, key));
        out << '\n';
    }
    const std::string text = out.str();
    if (const auto output = context.arguments.value("output")) {
        if (auto written = writeFileAtomically(*output, text); !written)
            return fail(written.error());
        printLine("wrote " + std::to_string(runs->size()) + " runs to " + *output);
        return ExitOk;
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
    return ExitOk;
}

} // namespace assay::cli
