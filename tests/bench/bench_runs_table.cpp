// The runs table over 10,000 runs x 20 params (p0..p19) x 20 metrics (m0..m19), built with
// plain SQL in a temporary workspace. Median of 5 of:
//   open   — loadRunsSnapshot + model reset + the view shown, laid out and painted (< 1 s)
//   sort   — by metric m3, descending, view repainted (< 200 ms)
//   filter — `metrics.m3 > 0.5 and params.p2 = 'x'` parsed, applied, repainted (< 200 ms)
// Prints one JSON line. Run with QT_QPA_PLATFORM=offscreen on a headless machine.
// usage: bench_runs_table [RUNS]
#include "runs/run_filter_box.h"
#include "runs/runs_snapshot.h"
#include "runs/runs_table_model.h"
#include "runs/runs_table_view.h"
#include "workspace/workspace.h"

#include <QApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

using namespace assay;
using namespace assay::ui;

namespace {

constexpr int repeats = 5;
constexpr int keysPerKind = 20;

Status fillStore(workspace::Database &db, int runCount)
{
    return db.transaction([&]() -> Status {
        if (Status made = db.execute("INSERT INTO experiments(name, created_ms) VALUES "
                                     "('bench-a', 0), ('bench-b', 0)");
            !made)
            return made;
        auto run = db.prepare("INSERT INTO runs(run_id, experiment_id, name, status, start_ms, "
                              "end_ms, user, git_commit) VALUES (?, "
                              "(SELECT experiment_id FROM experiments WHERE name = ?), ?, "
                              "'FINISHED', ?, ?, 'bench', 'a1b2c3d4e5f6')");
        auto param = db.prepare("INSERT INTO params(run_id, key, value) VALUES (?, ?, ?)");
        auto metric = db.prepare(
            "INSERT INTO metrics(run_id, key, step, timestamp_ms, value) VALUES (?, ?, ?, ?, ?)");
        auto latest = db.prepare("INSERT INTO latest_metrics(run_id, key, step, timestamp_ms, "
                                 "value) VALUES (?, ?, ?, ?, ?)");
        if (!run || !param || !metric || !latest)
            return Error::database("cannot prepare the bench inserts");
        std::mt19937_64 random(7);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const char *const letters[] = {"x", "y", "z", "w"};
        char id[33];
        for (int i = 0; i < runCount; ++i) {
            std::snprintf(id, sizeof id, "%016llx%016llx",
                          static_cast<unsigned long long>(random()),
                          static_cast<unsigned long long>(random()));
            const std::int64_t start = 1700000000000 + std::int64_t(i) * 1000;
            run->reset();
            run->bind(1, std::string_view(id))
                .bind(2, std::string_view(i % 2 ? "bench-a" : "bench-b"))
                .bind(3, std::string_view("run-" + std::to_string(i)))
                .bind(4, start)
                .bind(5, start + 500);
            if (Status done = run->run(); !done)
                return done;
            for (int k = 0; k < keysPerKind; ++k) {
                const std::string key = "p" + std::to_string(k);
                // p2 is categorical (x/y/z/w); the rest numbers.
                const std::string value =
                    k == 2 ? std::string(letters[random() % 4]) : std::to_string(random() % 100);
                param->reset();
                param->bind(1, std::string_view(id))
                    .bind(2, std::string_view(key))
                    .bind(3, std::string_view(value));
                if (Status done = param->run(); !done)
                    return done;
            }
            for (int k = 0; k < keysPerKind; ++k) {
                const std::string key = "m" + std::to_string(k);
                const double value = unit(random);
                for (auto *statement : {&*metric, &*latest}) {
                    statement->reset();
                    statement->bind(1, std::string_view(id))
                        .bind(2, std::string_view(key))
                        .bind(3, std::int64_t(10))
                        .bind(4, start + 10)
                        .bind(5, value);
                    if (Status done = statement->run(); !done)
                        return done;
                }
            }
        }
        return {};
    });
}

double medianMs(const std::function<void()> &work)
{
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto begin = std::chrono::steady_clock::now();
        work();
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin)
                .count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// What the user waits for: pending layout done and the visible rows painted.
void settle(RunsTableView &view)
{
    QCoreApplication::processEvents();
    view.viewport()->repaint();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int runCount = argc > 1 ? std::atoi(argv[1]) : 10000;
    if (runCount <= 0) {
        std::fprintf(stderr, "usage: bench_runs_table [RUNS]\n");
        return 2;
    }
    const auto root = std::filesystem::temp_directory_path() /
                      ("assay-bench-runs-table-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root);
    auto ws = workspace::Workspace::init(root);
    if (!ws) {
        std::fprintf(stderr, "%s\n", ws.error().message.c_str());
        return 2;
    }
    if (Status filled = fillStore(ws->database(), runCount); !filled) {
        std::fprintf(stderr, "%s\n", filled.error().message.c_str());
        return 2;
    }

    std::unique_ptr<RunsTableModel> model;
    std::unique_ptr<RunsTableView> view;
    bool complete = true;
    const double openMs = medianMs([&] {
        view.reset();
        model = std::make_unique<RunsTableModel>();
        auto snapshot = loadRunsSnapshot(root);
        if (!snapshot) {
            std::fprintf(stderr, "%s\n", snapshot.error().message.c_str());
            std::exit(2);
        }
        model->setSnapshot(std::make_shared<const RunsSnapshot>(std::move(*snapshot)));
        view = std::make_unique<RunsTableView>(model.get());
        view->resize(1400, 900);
        view->show();
        settle(*view);
    });
    complete = complete && model->rowCount() == runCount && model->columnCount() == 8 + 8 + 20;

    const int m3 = model->columnOf(RunColumn{RunColumn::Kind::Metric, QStringLiteral("m3")});
    bool descending = false;
    const double sortMs = medianMs([&] {
        descending = !descending;
        model->sort(m3, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        settle(*view);
    });
    const double top = model->index(0, m3).data(RunsTableModel::CopyRole).toDouble();
    const double next = model->index(1, m3).data(RunsTableModel::CopyRole).toDouble();
    complete = complete && (descending ? top >= next : top <= next);

    RunFilterBox box;
    QObject::connect(&box, &RunFilterBox::filterChanged, model.get(), &RunsTableModel::setFilter);
    const QString filter = QStringLiteral("metrics.m3 > 0.5 and params.p2 = 'x'");
    const double filterMs = medianMs([&] {
        box.setText(QString());
        box.setText(filter);
        settle(*view);
    });
    const int shown = model->rowCount();
    // About a half times a quarter of the runs.
    complete =
        complete && box.errorMessage().isEmpty() && shown > runCount / 16 && shown < runCount / 4;

    std::printf("{\"benchmark\": \"runs_table\", \"runs\": %d, \"params\": %d, \"metrics\": %d, "
                "\"open_ms\": %.1f, \"sort_ms\": %.1f, \"filter_ms\": %.1f, \"filtered_rows\": %d, "
                "\"targets_ms\": {\"open\": 1000, \"sort\": 200, \"filter\": 200}, "
                "\"meets_targets\": %s, \"complete\": %s}\n",
                runCount, keysPerKind, keysPerKind, openMs, sortMs, filterMs, shown,
                openMs < 1000 && sortMs < 200 && filterMs < 200 ? "true" : "false",
                complete ? "true" : "false");
    view.reset();
    model.reset();
    std::filesystem::remove_all(root);
    return complete ? 0 : 1;
}
