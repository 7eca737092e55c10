// `assay serve --metrics` and `assay monitor export` through the real binary, on a workspace
// with a trained model, a monitor and two days of logged rows: HTTP statuses (200, 404, 405,
// 400, 408, 431), the port-taken error, a clean stop on SIGTERM, the atomic textfile, and the
// end-to-end path through Debian's Prometheus, which scrapes `assay serve` every second and
// must report, through /api/v1/query, the values `assay monitor status --json` reports.
#include "monitor/feature_codec.h"
#include "monitor/monitor_config.h"
#include "monitor/monitor_report.h"
#include "support/cli_runner.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cmath>
#include <memory>

using assay::testing::parseJson;
using assay::testing::runAssay;
using assay::testing::writeBytes;
namespace monitor = assay::monitor;

namespace {

constexpr std::int64_t kDayOneNs = 1'709'510'400LL * 1'000'000'000LL; // 2024-03-04T00:00:00Z
constexpr std::int64_t kSecondNs = 1'000'000'000LL;
constexpr const char *kColors[] = {"red", "green", "blue"};

struct Applicant {
    double x1;
    double x2;
    const char *color;
};

// Deterministic, spread-out inputs; `shift` moves x1 (the drift of day two).
Applicant applicant(int i, double shift)
{
    return {.x1 = (i * 37 % 100) / 100.0 + shift, .x2 = (i * 53 % 100) / 100.0, .color = kColors[i % 3]};
}

int outcome(const Applicant &a, int i)
{
    return a.x1 + 0.3 * a.x2 + (i * 17 % 10) / 20.0 > 0.8 ? 1 : 0;
}

QByteArray trainingCsv()
{
    QByteArray csv("x1,x2,color,y\n");
    for (int i = 0; i < 600; ++i) {
        const Applicant a = applicant(i, 0);
        csv += QByteArray::number(a.x1) + ',' + QByteArray::number(a.x2) + ',' + a.color + ',' +
               QByteArray::number(outcome(a, i)) + '\n';
    }
    return csv;
}

// Kills the child on every path out of a test (terminate first, then kill).
struct Child {
    QProcess process;
    ~Child()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        process.terminate();
        if (!process.waitForFinished(5000)) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
};

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

// Sends raw request bytes to 127.0.0.1:port and reads the whole answer (the server closes);
// empty when nothing answered within 10 s.
QByteArray exchange(int port, const QByteArray &request)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{.tv_sec = 10, .tv_usec = 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    QByteArray answer;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0) {
        ::send(fd, request.constData(), static_cast<std::size_t>(request.size()), MSG_NOSIGNAL);
        char buffer[4096];
        for (ssize_t got; (got = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
            answer.append(buffer, got);
    }
    ::close(fd);
    return answer;
}

QByteArray get(int port, const QByteArray &target)
{
    return exchange(port, "GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

int statusOf(const QByteArray &response)
{
    const QList<QByteArray> words = response.left(response.indexOf('\n')).split(' ');
    return words.size() >= 2 ? words[1].toInt() : -1;
}

QByteArray bodyOf(const QByteArray &response)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : response.mid(end + 4);
}

QByteArray headerOf(const QByteArray &response, const QByteArray &name)
{
    for (const QByteArray &line : response.left(response.indexOf("\r\n\r\n")).split('\n'))
        if (line.toLower().startsWith(name.toLower() + ':'))
            return line.mid(name.size() + 1).trimmed();
    return {};
}

// The exposition without the evaluation timestamp, which an uncached evaluation moves.
QByteArray withoutEvaluationTime(const QByteArray &exposition)
{
    QByteArray kept;
    for (const QByteArray &line : exposition.split('\n'))
        if (!line.startsWith("assay_monitor_last_evaluation_timestamp_seconds{"))
            kept += line + '\n';
    return kept;
}

} // namespace

class TestServeCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    std::string m_monitor;

    assay::testing::CliOutcome assay(const QStringList &arguments) { return runAssay(arguments, m_root); }

    // Starts `assay serve --metrics` with extra arguments and returns the port it announced
    // (0 when it did not start).
    int startServer(Child &child, const QStringList &extra = {QStringLiteral("--port"), QStringLiteral("0")})
    {
        child.process.setWorkingDirectory(m_root);
        child.process.start(qEnvironmentVariable("ASSAY_CLI"),
                            QStringList{QStringLiteral("serve"), QStringLiteral("--metrics")} + extra);
        if (!child.process.waitForStarted(10000))
            return 0;
        QByteArray err;
        const QRegularExpression announced(QStringLiteral("serving metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics"));
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 20000 && child.process.state() == QProcess::Running) {
            child.process.waitForReadyRead(200);
            err += child.process.readAllStandardError();
            const auto match = announced.match(QString::fromUtf8(err));
            if (match.hasMatch())
                return match.captured(1).toInt();
        }
        qWarning("assay serve did not start: %s", err.constData());
        return 0;
    }

    // The monitor's report as `assay monitor status MONITOR --json` prints it.
    monitor::MonitorReport statusReport()
    {
        const auto status = assay({QStringLiteral("monitor"), QStringLiteral("status"),
                                   QString::fromStdString(m_monitor), QStringLiteral("--json")});
        if (status.exitCode != 0)
            qFatal("assay monitor status failed: %s", qPrintable(status.err));
        auto report = monitor::reportFromJson(status.out.toStdString());
        if (!report)
            qFatal("%s", report.error().message.c_str());
        return *report;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("ASSAY_CLI")));
        m_root = m_dir.filePath(QStringLiteral("ws"));
        const auto init = runAssay({QStringLiteral("init"), m_root});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(writeBytes(m_root + QStringLiteral("/data/train.csv"), trainingCsv()));
        const auto trained = assay({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("data/train.csv"),
                                    QStringLiteral("--target"), QStringLiteral("y"), QStringLiteral("--model"),
                                    QStringLiteral("logreg"), QStringLiteral("--name"), QStringLiteral("credit"),
                                    QStringLiteral("--seed"), QStringLiteral("1")});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));

        auto workspace = assay::workspace::Workspace::open(m_root.toStdString());
        QVERIFY2(workspace.ok(), workspace ? "" : workspace.error().message.c_str());
        auto config = monitor::configureMonitor(
            *workspace, {.model = "credit", .reference = std::nullopt, .window = "day", .rulesJson = std::nullopt});
        QVERIFY2(config.ok(), config ? "" : config.error().message.c_str());
        m_monitor = config->name;
        QCOMPARE(m_monitor, std::string("credit"));

        // Two days of logged rows as an ingest stores them; x1 drifts on day two, and the
        // labels of day one have arrived.
        auto &db = workspace->database();
        const auto status = db.transaction([&]() -> assay::Status {
            const char *names[] = {"x1", "x2", "color"};
            for (int position = 0; position < 3; ++position) {
                auto insert = db.prepare("INSERT INTO monitor_features(monitor_id, position, name) VALUES (?, ?, ?)");
                if (!insert)
                    return insert.error();
                insert->bind(1, config->id).bind(2, std::int64_t{position}).bind(3, std::string_view(names[position]));
                ASSAY_TRY(insert->run());
            }
            for (int i = 0; i < 800; ++i) {
                const bool dayTwo = i >= 400;
                const Applicant a = applicant(i, dayTwo ? 0.5 : 0);
                const monitor::LoggedValue x1 = monitor::LoggedValue::of(a.x1);
                const monitor::LoggedValue x2 = monitor::LoggedValue::of(a.x2);
                const monitor::LoggedValue color = monitor::LoggedValue::of(std::string(a.color));
                std::string blob;
                monitor::encodeFeatures({{0, &x1}, {1, &x2}, {2, &color}}, blob);
                const double score = 1 / (1 + std::exp(-(6 * a.x1 + 2 * a.x2 - 4.5)));
                const std::string id = "r" + std::to_string(i);
                auto row = db.prepare("INSERT INTO monitor_rows(monitor_id, ts_ns, record_id, score, features, "
                                      "line_hash, item) VALUES (?, ?, ?, ?, ?, ?, 0)");
                if (!row)
                    return row.error();
                row->bind(1, config->id).bind(2, kDayOneNs + (dayTwo ? 86400 : 0) * kSecondNs + (i % 400) * 100 * kSecondNs);
                row->bind(3, std::string_view(id)).bind(4, score).bind(5, std::string_view(blob));
                row->bind(6, std::int64_t{i + 1});
                ASSAY_TRY(row->run());
                if (dayTwo)
                    continue;
                auto label = db.prepare("INSERT INTO monitor_labels(monitor_id, record_id, label) VALUES (?, ?, ?)");
                if (!label)
                    return label.error();
                label->bind(1, config->id).bind(2, std::string_view(id));
                label->bind(3, std::string_view(outcome(a, i) ? "1" : "0"));
                ASSAY_TRY(label->run());
            }
            auto bump = db.prepare("UPDATE monitors SET generation = generation + 1 WHERE id = ?");
            if (!bump)
                return bump.error();
            bump->bind(1, config->id);
            ASSAY_TRY(bump->run());
            // A monitor whose model is gone: its evaluation fails, the others are still served.
            return db.execute("INSERT INTO monitors(name, model_ref, generation, created_ms) "
                              "VALUES ('ghost', 'no-such-run', 1, 1)");
        });
        QVERIFY2(status.ok(), status ? "" : status.error().message.c_str());
    }

    void servesMetricsAndHttpErrors()
    {
        Child server;
        const int port = startServer(server);
        QVERIFY(port > 0);

        const QByteArray metrics = get(port, "/metrics");
        QCOMPARE(statusOf(metrics), 200);
        QCOMPARE(headerOf(metrics, "Content-Type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QCOMPARE(headerOf(metrics, "Connection"), QByteArray("close"));
        QCOMPARE(headerOf(metrics, "Content-Length").toInt(), bodyOf(metrics).size());
        QVERIFY(bodyOf(metrics).contains("assay_prediction_rows_total{model=\"credit\"} 800\n"));
        QVERIFY(bodyOf(metrics).contains("assay_monitor_up{model=\"credit\"} 1\n"));
        QVERIFY(bodyOf(metrics).contains("assay_monitor_up{model=\"ghost\"} 0\n"));
        QVERIFY(!bodyOf(metrics).contains("assay_prediction_rows_total{model=\"ghost\"}"));
        // The same text as the export command writes, which also reports the failing monitor.
        const auto exported = assay({QStringLiteral("monitor"), QStringLiteral("export")});
        QCOMPARE(exported.exitCode, 2);
        QVERIFY2(exported.err.contains(QStringLiteral("monitor ghost: ")), qPrintable(exported.err));
        QCOMPARE(withoutEvaluationTime(bodyOf(metrics)), withoutEvaluationTime(exported.out.toUtf8()));

        const QByteArray query = get(port, "/metrics?name[]=x");
        QCOMPARE(statusOf(query), 200);
        const QByteArray head = exchange(port, "HEAD /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(statusOf(head), 200);
        QVERIFY(bodyOf(head).isEmpty());

        const QByteArray index = get(port, "/");
        QCOMPARE(statusOf(index), 200);
        QVERIFY(bodyOf(index).contains("/metrics"));
        QCOMPARE(statusOf(get(port, "/nope")), 404);
        const QByteArray post = exchange(port, "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        QCOMPARE(statusOf(post), 405);
        QCOMPARE(headerOf(post, "Allow"), QByteArray("GET, HEAD"));
        QCOMPARE(statusOf(exchange(port, "hello there\r\n\r\n")), 400);
        QCOMPARE(statusOf(exchange(port, "GET metrics HTTP/1.1\r\n\r\n")), 400);
        QCOMPARE(statusOf(exchange(port, "GET /metrics HTTP/9\r\n\r\n")), 400);
        QCOMPARE(statusOf(exchange(port, "GET /metrics HTTP/1.1\r\nX-Big: " + QByteArray(9000, 'a') + "\r\n\r\n")),
                 431);
        // A client that stops halfway through its request is answered 408 (after 5 s) and let go.
        QCOMPARE(statusOf(exchange(port, "GET /met")), 408);
        // Still answering after all that.
        QCOMPARE(statusOf(get(port, "/metrics")), 200);

        // A second server on the same port: a clear error and exit code 2.
        Child second;
        second.process.setWorkingDirectory(m_root);
        second.process.start(qEnvironmentVariable("ASSAY_CLI"),
                             {QStringLiteral("serve"), QStringLiteral("--metrics"), QStringLiteral("--port"),
                              QString::number(port)});
        QVERIFY(second.process.waitForFinished(20000));
        QCOMPARE(second.process.exitCode(), 2);
        QVERIFY(second.process.readAllStandardError().contains("already in use"));

        server.process.terminate();
        QVERIFY(server.process.waitForFinished(10000));
        QCOMPARE(server.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process.exitCode(), 0);
        const QByteArray serverErr = server.process.readAllStandardError();
        QVERIFY2(serverErr.count("monitor ghost: ") == 1, serverErr.constData()); // said once, not per scrape
    }

    void badUsage()
    {
        QCOMPARE(assay({QStringLiteral("serve")}).exitCode, 2);
        QCOMPARE(assay({QStringLiteral("serve"), QStringLiteral("--metrics"), QStringLiteral("--port"),
                        QStringLiteral("70000")})
                     .exitCode,
                 2);
        const auto bind = assay({QStringLiteral("serve"), QStringLiteral("--metrics"), QStringLiteral("--bind"),
                                 QStringLiteral("localhost-ish")});
        QCOMPARE(bind.exitCode, 2);
        QVERIFY2(bind.err.contains(QStringLiteral("--bind")), qPrintable(bind.err));
    }

    void exportWritesTheTextfileAtomically()
    {
        const QString folder = m_dir.filePath(QStringLiteral("textfiles"));
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + QStringLiteral("/assay.prom");
        QVERIFY(writeBytes(file, "old content\n"));

        const auto written =
            assay({QStringLiteral("monitor"), QStringLiteral("export"), QStringLiteral("--textfile"), file,
                   QStringLiteral("--json"), QString::fromStdString(m_monitor)});
        QVERIFY2(written.exitCode == 0, qPrintable(written.err));
        const QJsonObject json = parseJson(written.out);
        QCOMPARE(json.value(QStringLiteral("file")).toString(), file);
        QCOMPARE(json.value(QStringLiteral("monitors")).toInt(), 1);
        QVERIFY(json.value(QStringLiteral("failed")).toArray().isEmpty());

        const auto contentOf = [&] {
            QFile current(file);
            return current.open(QIODevice::ReadOnly) ? current.readAll() : QByteArray();
        };
        // Held open across the next export: a rename leaves this handle on the old file.
        QFile held(file);
        QVERIFY(held.open(QIODevice::ReadOnly));
        const QByteArray content = held.readAll();
        QCOMPARE(json.value(QStringLiteral("bytes")).toInt(), content.size());
        const auto printed = assay({QStringLiteral("monitor"), QStringLiteral("export"), QStringLiteral("credit")});
        QCOMPARE(printed.exitCode, 0);
        QCOMPARE(withoutEvaluationTime(content), withoutEvaluationTime(printed.out.toUtf8()));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("assay.prom")});

        // An unknown monitor writes nothing.
        const auto unknown = assay({QStringLiteral("monitor"), QStringLiteral("export"), QStringLiteral("--textfile"),
                                    file, QStringLiteral("nosuch")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("nosuch")), qPrintable(unknown.err));
        QCOMPARE(contentOf(), content);

        // A failing monitor: the others are still written, it is marked down, exit code 2.
        const auto partial = assay({QStringLiteral("monitor"), QStringLiteral("export"), QStringLiteral("--textfile"),
                                    file, QStringLiteral("--json")});
        QCOMPARE(partial.exitCode, 2);
        const QJsonArray failed = parseJson(partial.out).value(QStringLiteral("failed")).toArray();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0].toObject().value(QStringLiteral("monitor")).toString(), QStringLiteral("ghost"));
        const QByteArray both = contentOf();
        QVERIFY(both.contains("assay_monitor_up{model=\"ghost\"} 0\n"));
        QVERIFY(both.contains("assay_prediction_rows_total{model=\"credit\"} 800\n"));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("assay.prom")});
        QVERIFY(held.seek(0));
        QCOMPARE(held.readAll(), content); // replaced by a rename, not rewritten in place
        QCOMPARE(assay({QStringLiteral("monitor"), QStringLiteral("export"), QStringLiteral("--json")}).exitCode, 2);
    }

    void prometheusScrapesTheValuesTheMonitorComputes()
    {
        const monitor::MonitorReport report = statusReport();
        const monitor::WindowResult *latest = report.latest();
        QVERIFY(latest);
        QVERIFY(latest->testedFeatures > 0);
        const monitor::FeatureWindowDrift *feature = nullptr;
        for (const auto &candidate : latest->features)
            if (candidate.test != assay::drift::DriftTest::None && std::isfinite(candidate.score) &&
                (!feature || candidate.score > feature->score))
                feature = &candidate;
        QVERIFY(feature);

        Child server;
        const int port = startServer(server);
        QVERIFY(port > 0);

        const QString folder = m_dir.filePath(QStringLiteral("prometheus"));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/data")));
        const QByteArray config = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                                  "scrape_configs:\n  - job_name: assay\n    static_configs:\n"
                                  "      - targets: ['127.0.0.1:" +
                                  QByteArray::number(port) + "']\n";
        QVERIFY(writeBytes(folder + QStringLiteral("/prometheus.yml"), config));
        const int prometheusPort = freePort();
        Child prometheus;
        prometheus.process.setStandardOutputFile(folder + QStringLiteral("/prometheus.log"));
        prometheus.process.setStandardErrorFile(folder + QStringLiteral("/prometheus.log"), QIODevice::Append);
        prometheus.process.start(QStringLiteral("/usr/bin/prometheus"),
                                 {QStringLiteral("--config.file=") + folder + QStringLiteral("/prometheus.yml"),
                                  QStringLiteral("--storage.tsdb.path=") + folder + QStringLiteral("/data"),
                                  QStringLiteral("--web.listen-address=127.0.0.1:") + QString::number(prometheusPort)});
        QVERIFY2(prometheus.process.waitForStarted(10000), "cannot start /usr/bin/prometheus (apt-get install prometheus)");

        struct Expected {
            QByteArray query;
            double value;
        };
        const std::vector<Expected> expected{
            {"assay_dataset_drift_share{model=\"" + QByteArray::fromStdString(m_monitor) + "\"}", latest->driftShare},
            {"assay_feature_drift_score{model=\"" + QByteArray::fromStdString(m_monitor) + "\",feature=\"" +
                 QByteArray::fromStdString(feature->name) + "\"}",
             feature->score},
            {"assay_prediction_rows_total{model=\"" + QByteArray::fromStdString(m_monitor) + "\"}",
             static_cast<double>(report.totalRows)},
        };
        QStringList seen;
        QElapsedTimer clock;
        clock.start();
        bool matched = false;
        while (!matched && clock.elapsed() < 30000 && prometheus.process.state() == QProcess::Running) {
            QThread::msleep(500);
            matched = true;
            seen.clear();
            for (const Expected &item : expected) {
                const QByteArray answer =
                    get(prometheusPort, "/api/v1/query?query=" + QUrl::toPercentEncoding(QString::fromUtf8(item.query)));
                const QJsonArray result = QJsonDocument::fromJson(bodyOf(answer))
                                              .object()
                                              .value(QStringLiteral("data"))
                                              .toObject()
                                              .value(QStringLiteral("result"))
                                              .toArray();
                const QString value = result.size() == 1
                                          ? result[0].toObject().value(QStringLiteral("value")).toArray().at(1).toString()
                                          : QString();
                seen << QString::fromUtf8(item.query) + QStringLiteral(" = ") + value;
                if (value.isEmpty() || value.toDouble() != item.value)
                    matched = false;
            }
        }
        if (!matched) {
            QFile log(folder + QStringLiteral("/prometheus.log"));
            log.open(QIODevice::ReadOnly);
            qWarning("prometheus log:\n%s", log.readAll().right(4000).constData());
        }
        QVERIFY2(matched, qPrintable(seen.join(QStringLiteral("; "))));
        // Every scrape succeeded as far as Prometheus is concerned.
        const QByteArray up = get(prometheusPort, "/api/v1/query?query=up");
        QVERIFY2(bodyOf(up).contains("\"1\"]"), bodyOf(up).constData());
    }
};

QTEST_GUILESS_MAIN(TestServeCli)
#include "test_serve_cli.moc"
