// Window evaluation of a monitor: eight weeks of logged rows (weeks 5–8 shifted) against the
// training reference of a logistic model. Windows by week, day, rows and chunks; drift only in
// the shifted weeks and consistent with the drift module and scipy; the reconstruction error
// leaving its band; labels joined whenever they were stored; default and threshold alerts; the
// too-few-rows warning; the cache and its generation; windowRows and referenceRows.
#include "drift/drift.h"
#include "govern/access_control.h"
#include "model/feature_matrix.h"
#include "model/training_run.h"
#include "monitor/feature_codec.h"
#include "monitor/monitor_config.h"
#include "monitor/monitor_evaluation.h"
#include "workspace/workspace.h"

#include "support/check_ok.h"
#include "support/credit_rows.h"
#include "support/files.h"
#include "support/python_oracle.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <optional>
#include <sstream>

using namespace assay;
using assay::testing::CreditRows;
using assay::testing::pathOf;
using assay::testing::writeFile;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDayNs = 86'400'000'000'000;
constexpr std::int64_t kFirstMonday = 19'723 * kDayNs; // 2024-01-01, a Monday
constexpr int kWeeks = 8;
constexpr int kRowsPerWeek = 700; // 100 a day
constexpr int kShiftedFrom = 4;   // weeks 5–8 (0-based 4–7)
constexpr int kLabelledWeeks = 6;

const char *outcomeOf(double risk) { return risk > 0.2 ? "default" : "repaid"; }

std::string trainingCsv()
{
    CreditRows rows(11);
    std::ostringstream out;
    out << "income,debt,region,outcome\n";
    for (int i = 0; i < 6000; ++i) {
        const auto row = rows.next();
        out << row.income << ',' << row.debt << ',' << CreditRows::regionName(row.region) << ','
            << outcomeOf(row.risk) << '\n';
    }
    return out.str();
}

struct LoggedRow {
    std::int64_t ns = 0;
    double income = 0;
    double debt = 0;
    std::string region;
    std::string label;
};

} // namespace

class TestMonitorEvaluation : public QObject {
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<workspace::Workspace> m_ws;
    std::string m_monitor;
    std::vector<LoggedRow> m_logged;

    workspace::Workspace &ws() { return *m_ws; }

    std::vector<double> scoresOf(const std::vector<LoggedRow> &rows)
    {
        auto monitored = monitor::openMonitoredModel(ws(), m_monitor);
        table::Column income("income", table::ColumnType::Float), debt("debt", table::ColumnType::Float);
        table::Column region("region", table::ColumnType::String);
        region.dictionary() = {"north", "south", "east"};
        for (const auto &row : rows) {
            income.floats().push_back(row.income);
            debt.floats().push_back(row.debt);
            region.codes().push_back(row.region == "north" ? 0 : row.region == "south" ? 1 : 2);
        }
        const table::Table data({income, debt, region});
        const auto &signature = monitored->model.model->signature();
        auto matrix = model::buildMatrix(data, signature.features, "logged");
        return monitored->model.model->predictions(*matrix);
    }

    void execute(const std::string &sql)
    {
        const auto status = ws().database().execute(sql);
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().message.c_str());
    }

    void storeRows(std::int64_t monitorId)
    {
        CreditRows draws(99);
        for (int week = 0; week < kWeeks; ++week) {
            for (int i = 0; i < kRowsPerWeek; ++i) {
                auto row = draws.next();
                if (week >= kShiftedFrom) {
                    row.income += 40;
                    row.debt += 0.6;
                }
                // 100 rows a day, spread over the day's hours, out of time order within a day.
                const std::int64_t day = week * 7 + i / 100;
                const std::int64_t within = ((i * 37) % 100) * (kDayNs / 100);
                m_logged.push_back({.ns = kFirstMonday + day * kDayNs + within,
                                    .income = row.income,
                                    .debt = row.debt,
                                    .region = CreditRows::regionName(row.region),
                                    .label = outcomeOf(row.risk)});
            }
        }
        const auto scores = scoresOf(m_logged);
        auto &db = ws().database();
        CHECK_OK(db.transaction([&]() -> Status {
            const char *names[] = {"income", "debt", "region", "not_in_the_reference"};
            for (std::int64_t position = 0; position < 4; ++position) {
                auto insert = db.prepare("INSERT INTO monitor_features(monitor_id, position, name) VALUES (?, ?, ?)");
                insert->bind(1, monitorId).bind(2, position).bind(3, std::string_view(names[position]));
                ASSAY_TRY(insert->run());
            }
            // Labels of odd rows arrive before their predictions are stored.
            const auto storeLabel = [&](std::size_t i) -> Status {
                auto label = db.prepare("INSERT INTO monitor_labels(monitor_id, record_id, label) VALUES (?, ?, ?)");
                label->bind(1, monitorId).bind(2, "r" + std::to_string(i)).bind(3, m_logged[i].label);
                return label->run();
            };
            const std::size_t labelled = std::size_t(kLabelledWeeks) * kRowsPerWeek;
            for (std::size_t i = 1; i < labelled; i += 2)
                ASSAY_TRY(storeLabel(i));
            for (std::size_t i = 0; i < m_logged.size(); ++i) {
                const auto &row = m_logged[i];
                const auto income = monitor::LoggedValue::of(row.income);
                const auto debt = monitor::LoggedValue::of(row.debt);
                const auto region = monitor::LoggedValue::of(row.region);
                std::string blob;
                monitor::encodeFeatures({{0, &income}, {1, &debt}, {2, &region}}, blob);
                auto insert = db.prepare("INSERT INTO monitor_rows(monitor_id, ts_ns, record_id, score, features, "
                                         "line_hash, item) VALUES (?, ?, ?, ?, CAST(? AS BLOB), ?, 0)");
                insert->bind(1, monitorId).bind(2, row.ns).bind(3, "r" + std::to_string(i)).bind(4, scores[i]);
                insert->bind(5, blob).bind(6, std::int64_t(i));
                ASSAY_TRY(insert->run());
            }
            for (std::size_t i = 0; i < labelled; i += 2)
                ASSAY_TRY(storeLabel(i));
            return db.execute("UPDATE monitors SET generation = generation + 1");
        }));
    }

    monitor::MonitorReport evaluate(const char *window = "week")
    {
        auto report = monitor::evaluateMonitor(ws(), m_monitor, *monitor::parseWindowSpec(window));
        if (!report)
            qFatal("evaluate failed: %s", report.error().message.c_str());
        return std::move(*report);
    }

    static bool hasAlert(const monitor::WindowResult &window, const std::string &metric)
    {
        return std::any_of(window.alerts.begin(), window.alerts.end(),
                           [&](const monitor::Alert &alert) { return alert.metric == metric; });
    }

private slots:
    void initTestCase()
    {
        govern::setSessionCredentials({.user = "alice", .password = std::nullopt});
        m_dir.emplace();
        auto opened = workspace::Workspace::init(pathOf(*m_dir));
        CHECK_OK(opened);
        m_ws.emplace(std::move(*opened));
        writeFile(ws().root() / "data/train.csv", trainingCsv());
        model::TrainRequest request;
        request.data = (ws().root() / "data/train.csv").string();
        request.target = "outcome";
        request.trainer = "logreg";
        request.seed = 3;
        request.runName = "credit-logreg";
        auto trained = model::trainAndRecord(ws(), request);
        CHECK_OK(trained);
        auto config = monitor::configureMonitor(ws(), {.model = trained->runId, .reference = {}, .window = {},
                                                       .rulesJson = {}});
        CHECK_OK(config);
        m_monitor = config->name;
        QCOMPARE(m_monitor, std::string("credit-logreg"));
        storeRows(config->id);
    }

    void weeklyWindowsDriftOnlyWhenShifted()
    {
        const auto report = evaluate("week");
        QCOMPARE(report.windows.size(), std::size_t(kWeeks));
        QCOMPARE(report.totalRows, std::uint64_t(kWeeks * kRowsPerWeek));
        QCOMPARE(report.referenceRows, std::uint64_t(6000));
        QCOMPARE(report.task, std::string("binary"));
        QVERIFY(report.keptComponents.has_value());
        for (int week = 0; week < kWeeks; ++week) {
            const auto &window = report.windows[std::size_t(week)];
            const bool shifted = week >= kShiftedFrom;
            QCOMPARE(window.startNs, kFirstMonday + week * 7 * kDayNs);
            QCOMPARE(window.endNs, kFirstMonday + (week + 1) * 7 * kDayNs);
            QCOMPARE(window.rows, std::uint64_t(kRowsPerWeek));
            QVERIFY(!window.tooFewRows);
            QCOMPARE(window.features.size(), std::size_t(3));
            QCOMPARE(window.testedFeatures, std::size_t(3));
            for (const auto &feature : window.features) {
                const bool expected = shifted && feature.name != "region";
                QVERIFY2(feature.drifted == expected, (feature.name + " week " + std::to_string(week + 1)).c_str());
            }
            QCOMPARE(window.driftedFeatures, std::size_t(shifted ? 2 : 0));
            QCOMPARE(window.driftShare, shifted ? 2.0 / 3.0 : 0.0);
            QCOMPARE(window.datasetDrift, shifted);
            QVERIFY(window.prediction.has_value());
            QVERIFY(window.reconstructionError.has_value());
            const auto &band = report.bands.at("reconstruction_error");
            const bool outside = *window.reconstructionError > band.high || *window.reconstructionError < band.low;
            QVERIFY2(outside == shifted, ("reconstruction week " + std::to_string(week + 1)).c_str());
            QCOMPARE(hasAlert(window, "reconstruction_error"), shifted);
            QCOMPARE(hasAlert(window, "dataset_drift_share"), shifted);
            QVERIFY(window.estimated.has_value() && window.estimated->rocAuc.has_value());
        }
        QVERIFY(report.windows[5].alerts[0].message.find("at or above 0.5") != std::string::npos ||
                report.windows[5].alerts[0].message.find("reference band") != std::string::npos);
        for (const char *metric : {"reconstruction_error", "estimated_roc_auc", "realized_roc_auc", "dataset_drift_share"})
            QVERIFY2(report.bands.count(metric), metric);
    }

    void labelsAreJoinedWhicheverCameFirst()
    {
        const auto report = evaluate("week");
        QCOMPARE(report.labels, std::uint64_t(kLabelledWeeks * kRowsPerWeek));
        for (int week = 0; week < kWeeks; ++week) {
            const auto &window = report.windows[std::size_t(week)];
            const bool labelled = week < kLabelledWeeks;
            QCOMPARE(window.labeledRows, std::uint64_t(labelled ? kRowsPerWeek : 0));
            QCOMPARE(window.realized.has_value(), labelled);
        }
        // Without concept shift the estimate is close to the realized AUC.
        const auto &first = report.windows[0];
        QVERIFY(std::abs(*first.estimated->rocAuc - *first.realized->rocAuc) < 0.06);
    }

    void otherWindowKinds()
    {
        const auto days = evaluate("day");
        QCOMPARE(days.windows.size(), std::size_t(kWeeks * 7));
        QCOMPARE(days.windows[3].rows, std::uint64_t(100));
        QCOMPARE(days.windows[3].startNs, kFirstMonday + 3 * kDayNs);
        QVERIFY(days.windows[3].tooFewRows);
        QCOMPARE(days.warnings.size(), std::size_t(kWeeks * 7));
        QVERIFY(days.warnings[0].find("window 2024-01-01: 100 rows, under 300") == 0);

        const auto rows = evaluate("rows:1000");
        QCOMPARE(rows.windows.size(), std::size_t(6));
        QCOMPARE(rows.windows.back().rows, std::uint64_t(600));
        QCOMPARE(rows.windows[0].startNs, m_logged[0].ns);

        const auto chunks = evaluate("chunks:4");
        QCOMPARE(chunks.windows.size(), std::size_t(4));
        for (const auto &window : chunks.windows)
            QCOMPARE(window.rows, std::uint64_t(1400));
        QCOMPARE(chunks.windows[0].driftedFeatures, std::size_t(0));
        QCOMPARE(chunks.windows[3].driftedFeatures, std::size_t(2));
    }

    void thresholdRuleFires()
    {
        auto config = monitor::configureMonitor(ws(), {.model = m_monitor, .reference = {}, .window = {},
                                                       .rulesJson = R"(["drifted_features >= 2"])"});
        CHECK_OK(config);
        const auto report = evaluate("week");
        QCOMPARE(report.rules, std::vector<std::string>{"drifted_features >= 2"});
        for (int week = 0; week < kWeeks; ++week) {
            const auto &alerts = report.windows[std::size_t(week)].alerts;
            QCOMPARE(alerts.size(), std::size_t(week >= kShiftedFrom ? 1 : 0));
            if (!alerts.empty())
                QCOMPARE(alerts[0].message, std::string("drifted_features 2 at or above 2"));
        }
        CHECK_OK(monitor::configureMonitor(ws(), {.model = m_monitor, .reference = {}, .window = {},
                                                  .rulesJson = std::string("[]")}));
    }

    void cacheHoldsUntilTheGenerationMoves()
    {
        const auto first = evaluate("week");
        const auto again = evaluate("week");
        QCOMPARE(again.computedMs, first.computedMs);
        QCOMPARE(again.generation, first.generation);
        QCOMPARE(again.windows.size(), first.windows.size());
        execute("UPDATE monitors SET generation = generation + 1");
        QTest::qWait(5);
        const auto fresh = evaluate("week");
        QCOMPARE(fresh.generation, first.generation + 1);
        QVERIFY(fresh.computedMs > first.computedMs);
    }

    void windowAndReferenceRows()
    {
        auto week = monitor::windowRows(ws(), m_monitor, kFirstMonday, kFirstMonday + 7 * kDayNs);
        CHECK_OK(week);
        QCOMPARE(week->rowCount(), std::size_t(kRowsPerWeek));
        QCOMPARE(week->columnCount(), std::size_t(5));
        QCOMPARE(week->column(*week->indexOf("income")).type(), table::ColumnType::Float);
        QCOMPARE(week->column(*week->indexOf("region")).type(), table::ColumnType::String);
        const auto &label = week->column(*week->indexOf("label"));
        QCOMPARE(label.missingCount(), std::size_t(0));
        QVERIFY(label.text(0) == "default" || label.text(0) == "repaid");
        auto capped = monitor::windowRows(ws(), m_monitor, kFirstMonday, kFirstMonday + 70 * kDayNs, 10);
        QCOMPARE(capped->rowCount(), std::size_t(10));
        auto late = monitor::windowRows(ws(), m_monitor, kFirstMonday + 49 * kDayNs, kFirstMonday + 56 * kDayNs);
        QCOMPARE(late->column(*late->indexOf("label")).missingCount(), std::size_t(kRowsPerWeek));

        auto reference = monitor::referenceRows(ws(), m_monitor);
        CHECK_OK(reference);
        QCOMPARE(reference->rowCount(), std::size_t(6000));
        QVERIFY(reference->indexOf("outcome"));
        QVERIFY(reference->indexOf("income"));
    }

    void driftAgreesWithTheDriftModuleAndScipy()
    {
        const auto report = evaluate("week");
        const int week = 5;
        auto window = monitor::windowRows(ws(), m_monitor, kFirstMonday + week * 7 * kDayNs,
                                          kFirstMonday + (week + 1) * 7 * kDayNs);
        auto reference = monitor::referenceRows(ws(), m_monitor);
        auto direct = drift::computeDrift(*reference, *window, {.test = drift::DriftTest::Auto, .threshold = {},
                                                               .driftShare = 0.5,
                                                               .columns = {"income", "debt", "region"},
                                                               .read = {}});
        CHECK_OK(direct);
        for (const auto &feature : report.windows[week].features) {
            const auto column = std::find_if(direct->columns.begin(), direct->columns.end(),
                                             [&](const drift::ColumnDrift &c) { return c.name == feature.name; });
            QVERIFY(column != direct->columns.end());
            QCOMPARE(feature.test, column->test);
            QCOMPARE(feature.statistic, column->statistic);
            QCOMPARE(feature.drifted, column->drifted);
        }

        // The income column against scipy: normed Wasserstein (what auto picks here) and KS.
        const auto write = [](const fs::path &path, const table::Column &column) {
            std::ostringstream out;
            out.precision(17);
            for (std::size_t r = 0; r < column.size(); ++r)
                out << column.numeric(r) << '\n';
            writeFile(path, out.str());
        };
        const fs::path folder = pathOf(*m_dir);
        write(folder / "ref.txt", reference->column(*reference->indexOf("income")));
        write(folder / "win.txt", window->column(*window->indexOf("income")));
        const auto oracle = assay::testing::runPythonOracle(
            QStringLiteral("window_drift_scipy.py"),
            {QString::fromStdString((folder / "ref.txt").string()), QString::fromStdString((folder / "win.txt").string())});
        const auto income = std::find_if(report.windows[week].features.begin(), report.windows[week].features.end(),
                                         [](const auto &f) { return f.name == "income"; });
        QCOMPARE(income->test, drift::DriftTest::Wasserstein);
        QVERIFY(std::abs(income->statistic - oracle.object().value(QStringLiteral("wasserstein")).toDouble()) < 1e-9);
        auto ks = drift::computeDrift(*reference, *window, {.test = drift::DriftTest::Ks, .threshold = {},
                                                           .driftShare = 0.5, .columns = {"income"}, .read = {}});
        QVERIFY(std::abs(ks->columns[0].statistic - oracle.object().value(QStringLiteral("ks")).toDouble()) < 1e-12);
    }

    void unknownMonitorIsNotFound()
    {
        auto report = monitor::evaluateMonitor(ws(), "nope");
        QVERIFY(!report);
        QCOMPARE(report.error().kind, ErrorKind::NotFound);
    }

    void cleanupTestCase()
    {
        m_ws.reset();
        m_dir.reset();
    }
};

QTEST_GUILESS_MAIN(TestMonitorEvaluation)
#include "test_monitor_evaluation.moc"
