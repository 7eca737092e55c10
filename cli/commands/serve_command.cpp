#include "command_registry.h"
#include "command_workspace.h"
#include "http_server.h"
#include "monitor_metrics.h"
#include "output.h"

#include <charconv>
#include <cstdio>
#include <map>

namespace assay::cli {

namespace {

constexpr std::uint16_t kDefaultPort = 9464;
const char *const kDefaultBind = "127.0.0.1";
const char *const kExpositionContentType = "text/plain; version=0.0.4; charset=utf-8";

const char *const kServeDetails =
    "Serves the workspace's monitors to Prometheus over HTTP until Ctrl-C or SIGTERM. GET /metrics "
    "answers in the text exposition format 0.0.4 with every monitor's latest window (the same "
    "families as `assay monitor export`); each scrape evaluates the monitors, which costs nothing "
    "until new rows have been ingested. A monitor whose evaluation fails is reported as "
    "assay_monitor_up{model} 0 (and named on stderr) while the others are still served. GET / names "
    "the endpoint; other paths are 404, other methods 405. Listens on 127.0.0.1 unless --bind says "
    "otherwise (0.0.0.0 or :: for every interface; the endpoint has no authentication). Exit code "
    "0 after a clean stop, 2 for bad usage or when the port is already taken.";

Result<std::uint16_t> parsePort(const std::string &text)
{
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value > 65535)
        return Error::invalidInput("--port " + text + ": expected a port number from 0 to 65535");
    return static_cast<std::uint16_t>(value);
}

HttpResponse textPage(int status, std::string body)
{
    return {.status = status, .contentType = "text/plain; charset=utf-8", .body = std::move(body)};
}

// Answers scrapes from one open workspace; says on stderr when a monitor starts or stops
// failing rather than on every scrape.
class MetricsEndpoint {
public:
    explicit MetricsEndpoint(workspace::Workspace &workspace) : m_workspace(workspace) {}

    HttpResponse operator()(const HttpRequest &request)
    {
        if (request.path == "/")
            return textPage(200, "Assay monitoring metrics for Prometheus: GET /metrics\n");
        if (request.path != "/metrics")
            return textPage(404, "not found: " + request.path + " (the metrics are at /metrics)\n");
        auto metrics = collectMonitorMetrics(m_workspace, {});
        if (!metrics) {
            std::fprintf(stderr, "assay serve: %s\n", metrics.error().message.c_str());
            return textPage(500, "cannot read the monitors: " + metrics.error().message + '\n');
        }
        noteFailures(metrics->failures);
        return {.status = 200, .contentType = kExpositionContentType, .body = std::move(metrics->exposition)};
    }

private:
    void noteFailures(const std::vector<std::pair<std::string, Error>> &failures)
    {
        std::map<std::string, std::string> now;
        for (const auto &[monitor, error] : failures) {
            now[monitor] = error.message;
            const auto before = m_failing.find(monitor);
            if (before == m_failing.end() || before->second != error.message)
                std::fprintf(stderr, "assay serve: monitor %s: %s (served as assay_monitor_up 0)\n",
                             monitor.c_str(), error.message.c_str());
        }
        for (const auto &[monitor, message] : m_failing)
            if (!now.count(monitor))
                std::fprintf(stderr, "assay serve: monitor %s evaluates again\n", monitor.c_str());
        m_failing = std::move(now);
    }

    workspace::Workspace &m_workspace;
    std::map<std::string, std::string> m_failing;
};

int runServe(CommandContext &context)
{
    const Command &command = *findCommand("serve");
    if (!context.arguments.flag("metrics"))
        return usageError(command, "say what to serve: --metrics (the monitors' Prometheus endpoint)");
    if (!context.arguments.positional().empty())
        return usageError(command, "unexpected argument '" + context.arguments.positional().front() + "'");
    std::uint16_t port = kDefaultPort;
    if (const auto text = context.arguments.value("port")) {
        auto parsed = parsePort(*text);
        if (!parsed)
            return usageError(command, parsed.error().message);
        port = *parsed;
    }
    const std::string bind = context.arguments.value("bind").value_or(kDefaultBind);

    auto workspace = openCommandWorkspace(context);
    if (!workspace)
        return fail(workspace.error());
    auto server = HttpServer::listen(bind, port);
    if (!server)
        return fail(server.error());
    std::fprintf(stderr, "serving metrics on %s/metrics (Ctrl-C stops)\n", server->baseUrl().c_str());
    std::fflush(stderr);

    MetricsEndpoint endpoint(*workspace);
    const CancellationToken stop = context.progress.token();
    if (auto served = server->serve(std::ref(endpoint), stop); !served)
        return fail(served.error());
    std::fprintf(stderr, "assay serve: stopped\n");
    return ExitOk;
}

} // namespace

void addServeCommand(std::vector<Command> &into)
{
    into.push_back({"serve", "serve the monitors' metrics to Prometheus (HTTP /metrics)",
                    "--metrics [--port P] [--bind ADDR]", kServeDetails,
                    "assay serve --metrics --port 9464",
                    {{"metrics", false, "", "serve GET /metrics in Prometheus's text format"},
                     {"port", true, "P", "TCP port (default 9464; 0 picks a free one)"},
                     {"bind", true, "ADDR", "numeric address to listen on (default 127.0.0.1)"}},
                    runServe});
}

} // namespace assay::cli
