#include "track/mlflow_file_store.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>

namespace assay::track {

namespace {

namespace fs = std::filesystem;

Result<std::string> readText(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return Error::io(file.string() + ": cannot read");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::vector<fs::path> sortedEntries(const fs::path &dir)
{
    std::vector<fs::path> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        entries.push_back(it->path());
    std::sort(entries.begin(), entries.end());
    return entries;
}

Result<YAML::Node> loadYaml(const fs::path &file)
{
    auto text = readText(file);
    if (!text)
        return text.error();
    try {
        YAML::Node node = YAML::Load(*text);
        if (!node.IsMap())
            return Error::invalidInput(file.string() + ":1: expected a YAML mapping of fields");
        return node;
    } catch (const YAML::Exception &e) {
        return Error::invalidInput(file.string() + ":" + std::to_string(e.mark.line + 1) + ": " +
                                   e.msg);
    }
}

// A scalar field, or `fallback` when absent or null; errors name the file and line.
template <typename T>
Result<T> field(const YAML::Node &node, const char *key, const fs::path &file, T fallback)
{
    const YAML::Node value = node[key];
    if (!value || value.IsNull())
        return fallback;
    try {
        return value.as<T>();
    } catch (const YAML::Exception &) {
        return Error::invalidInput(file.string() + ":" + std::to_string(value.Mark().line + 1) +
                                   ": '" + key + "' has an unexpected value");
    }
}

// A text field read tolerantly: absent, null or not a scalar gives `fallback`.
std::string textField(const YAML::Node &node, const char *key, const std::string &fallback = "")
{
    const YAML::Node value = node[key];
    return value && value.IsScalar() ? value.Scalar() : fallback;
}

bool parseInt(std::string_view text, std::int64_t &out)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

// Python's float(): also nan, inf, infinity with any case and sign.
bool parsePythonFloat(std::string text, double &out)
{
    std::string lowered = text;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool negative = !lowered.empty() && lowered.front() == '-';
    const std::string body =
        (!lowered.empty() && (lowered.front() == '-' || lowered.front() == '+')) ? lowered.substr(1)
                                                                                 : lowered;
    if (body == "nan") {
        out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (body == "inf" || body == "infinity") {
        out = negative ? -std::numeric_limits<double>::infinity()
                       : std::numeric_limits<double>::infinity();
        return true;
    }
    if (body.empty() ||
        !(std::isdigit(static_cast<unsigned char>(body.front())) || body.front() == '.'))
        return false;
    char *end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

Result<std::map<std::string, std::string>> readKeyFiles(const fs::path &dir)
{
    std::map<std::string, std::string> values;
    for (const auto &key : relativeFilesBelow(dir)) {
        auto text = readText(dir / key);
        if (!text)
            return text.error();
        values[key] = std::move(*text);
    }
    return values;
}

fs::path artifactFolder(const std::string &artifactUri, const fs::path &runDir)
{
    std::string path = artifactUri;
    if (path.rfind("file://", 0) == 0)
        path = path.substr(7);
    std::error_code ec;
    if (!path.empty() && fs::path(path).is_absolute() && fs::is_directory(path, ec))
        return path;
    return runDir / "artifacts"; // the store was moved since MLflow wrote artifact_uri
}

std::optional<RunStatus> statusFromYaml(const YAML::Node &node)
{
    if (!node || node.IsNull())
        return RunStatus::Running;
    const std::string text = node.as<std::string>();
    std::int64_t number = 0;
    if (parseInt(text, number)) {
        if (number < 1 || number > 5)
            return std::nullopt;
        static const RunStatus byNumber[] = {RunStatus::Running, RunStatus::Scheduled,
                                             RunStatus::Finished, RunStatus::Failed,
                                             RunStatus::Killed};
        return byNumber[number - 1];
    }
    return statusFromName(text);
}

Result<MlflowRun> readRun(const fs::path &runDir, const std::string &experiment,
                          bool experimentDeleted)
{
    const fs::path metaFile = runDir / "meta.yaml";
    auto meta = loadYaml(metaFile);
    if (!meta)
        return meta.error();
    MlflowRun run;
    RunInfo &info = run.record.info;
    info.experiment = experiment;
    try {
        info.runId = textField(*meta, "run_id", textField(*meta, "run_uuid"));
        if (info.runId.empty())
            info.runId = runDir.filename().string();
        info.name = textField(*meta, "run_name");
        info.user = textField(*meta, "user_id");
        const auto status = statusFromYaml((*meta)["status"]);
        if (!status)
            return Error::invalidInput(
                metaFile.string() + ":" + std::to_string((*meta)["status"].Mark().line + 1) +
                ": unknown status '" + (*meta)["status"].as<std::string>() + "'");
        info.status = *status;
        for (auto [key, target] :
             {std::pair{"start_time", &info.startMs}, std::pair{"end_time", &info.endMs}}) {
            const YAML::Node value = (*meta)[key];
            if (value && !value.IsNull()) {
                auto ms = field<std::int64_t>(*meta, key, metaFile, 0);
                if (!ms)
                    return ms.error();
                *target = *ms;
            }
        }
        info.deleted =
            experimentDeleted || textField(*meta, "lifecycle_stage", "active") == "deleted";
        const std::string artifactUri = textField(*meta, "artifact_uri");
        for (const auto &path : relativeFilesBelow(artifactFolder(artifactUri, runDir)))
            run.record.artifacts.push_back({path, "", 0});
    } catch (const YAML::Exception &e) {
        return Error::invalidInput(metaFile.string() + ":" + std::to_string(e.mark.line + 1) +
                                   ": " + e.msg);
    }

    auto params = readKeyFiles(runDir / "params");
    if (!params)
        return params.error();
    run.record.params = std::move(*params);
    auto tags = readKeyFiles(runDir / "tags");
    if (!tags)
        return tags.error();
    run.record.tags = std::move(*tags);
    for (const auto &key : relativeFilesBelow(runDir / "metrics")) {
        auto points = parseMlflowMetricFile(runDir / "metrics" / key);
        if (!points)
            return points.error();
        if (!points->empty())
            run.history[key] = std::move(*points);
    }
    completeFromTags(run);
    return run;
}

Status readExperiment(const fs::path &dir, bool trashed, MlflowData &data)
{
    const fs::path metaFile = dir / "meta.yaml";
    auto meta = loadYaml(metaFile);
    if (!meta)
        return meta.error();
    MlflowExperiment experiment;
    experiment.name = textField(*meta, "name");
    if (experiment.name.empty())
        return Error::invalidInput(metaFile.string() + ":1: experiment has no name");
    auto created = field<std::int64_t>(*meta, "creation_time", metaFile, 0);
    if (!created)
        return created.error();
    experiment.createdMs = *created;
    experiment.deleted = trashed || textField(*meta, "lifecycle_stage", "active") == "deleted";
    data.experiments.push_back(experiment);

    for (const auto &entry : sortedEntries(dir)) {
        const std::string folder = entry.filename().string();
        std::error_code ec;
        if (folder == "tags" || folder == "datasets" || folder == "traces" ||
            !fs::is_directory(entry, ec) || !fs::exists(entry / "meta.yaml", ec))
            continue;
        auto run = readRun(entry, experiment.name, experiment.deleted);
        if (!run)
            return run.error();
        data.runs.push_back(std::move(*run));
    }
    return {};
}

} // namespace

Result<std::vector<MetricPoint>> parseMlflowMetricFile(const fs::path &file)
{
    auto text = readText(file);
    if (!text)
        return text.error();
    std::vector<MetricPoint> points;
    std::istringstream lines(*text);
    int lineNumber = 0;
    for (std::string line; std::getline(lines, line);) {
        ++lineNumber;
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
            line.pop_back();
        std::size_t first = 0;
        while (first < line.size() && std::isspace(static_cast<unsigned char>(line[first])))
            ++first;
        line.erase(0, first);
        if (line.empty())
            continue;
        std::vector<std::string> fields;
        std::istringstream words(line);
        for (std::string word; words >> word;)
            fields.push_back(word);
        auto bad = [&](const std::string &why) {
            return Error::invalidInput(file.string() + ":" + std::to_string(lineNumber) + ": " +
                                       why + " in '" + line + "'");
        };
        if (fields.size() != 2 && fields.size() != 3)
            return bad("expected 'timestamp value [step]'");
        MetricPoint point;
        if (!parseInt(fields[0], point.timestampMs))
            return bad("timestamp is not an integer");
        if (!parsePythonFloat(fields[1], point.value))
            return bad("value is not a number");
        if (fields.size() == 3 && !parseInt(fields[2], point.step))
            return bad("step is not an integer");
        points.push_back(point);
    }
    return points;
}

Result<MlflowData> readMlflowFileStore(const fs::path &root)
{
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        return Error::notFound(root.string() + ": no such MLflow store folder");
    MlflowData data;
    auto readAll = [&](const fs::path &dir, bool trashed) -> Status {
        for (const auto &entry : sortedEntries(dir)) {
            const std::string name = entry.filename().string();
            if (name.empty() || name.front() == '.' || name == "models" ||
                !fs::is_directory(entry, ec) || !fs::exists(entry / "meta.yaml", ec))
                continue;
            ASSAY_TRY(readExperiment(entry, trashed, data));
        }
        return {};
    };
    ASSAY_TRY(readAll(root, false));
    ASSAY_TRY(readAll(root / ".trash", true));
    if (data.experiments.empty())
        return Error::invalidInput(root.string() +
                                   ": not an MLflow file store (no <experiment>/meta.yaml)");
    return data;
}

} // namespace assay::track
