// Explain…: the command line of each method, the defaults core fills shown in the boxes, a bad
// choice named before anything runs, a computation through the job runner that ends selected
// in the Explain area, and Cancel leaving the cache as it was. On a small demo workspace.
#include "demo/demo_workspace.h"
#include "explain/explain_area.h"
#include "explain/explain_choice.h"
#include "explain/explain_command_line.h"
#include "explain/explain_dialog.h"
#include "explain/explain_dialog_screenshot.h"
#include "explain/explain_model_picker.h"
#include "explain/explain_param_form.h"
#include "explain/explain_sources.h"
#include "explain/explanation_computation.h"
#include "explain/explanation_list_model.h"
#include "explain/explanation_list_panel.h"
#include "explain/explanation_store.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "support/files.h"
#include "track/run_query.h"
#include "workspace/workspace.h"

#include <QComboBox>
#include <QDeadlineTimer>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>

using namespace assay;
using namespace assay::ui;
using explain::ExplainMethod;

namespace {

constexpr int kJobTimeoutMs = 120'000;
constexpr const char *kBoostedRun = "gbt · credit default";
constexpr const char *kLogisticRun = "logreg · credit default (5-fold CV)";

bool waitFor(const std::function<bool()> &done, int timeoutMs = kJobTimeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}

// Every file under the workspace's explanation index (entries and any temporary file).
QStringList indexFiles(const std::filesystem::path &root)
{
    QStringList files;
    QDirIterator it(QString::fromStdString((root / ".assay" / "explanations").string()),
                    QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

} // namespace

class TestExplainDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void commandLineOfEachMethod();
    void boxesShowTheDefaultsCoreFills();
    void treeShapOnlyForTreeModels();
    void badChoiceIsNamedBeforeAnythingRuns();
    void explainComputesCachesAndSelects();
    void cachedExplanationOpensWithoutComputing();
    void cancelLeavesNoEntry();
    void screenshotShowsTheForm();

private:
    std::shared_ptr<WorkspaceSession> openDemo();
    QString runIdOf(const char *name);
    bool waitUntilSettled(ExplainDialog &dialog);

    QTemporaryDir m_dir;
    std::filesystem::path m_demo;
    JobRunner m_jobs;
};

void TestExplainDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_demo = testing::pathOf(m_dir) / "demo";
    demo::DemoOptions options;
    options.rows = 600;
    const Status created = demo::createDemoWorkspace(m_demo, options);
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
}

std::shared_ptr<WorkspaceSession> TestExplainDialog::openDemo()
{
    auto workspace = workspace::Workspace::open(m_demo);
    if (!workspace)
        return nullptr;
    return std::make_shared<WorkspaceSession>(std::move(*workspace));
}

QString TestExplainDialog::runIdOf(const char *name)
{
    auto workspace = workspace::Workspace::open(m_demo);
    if (!workspace)
        return {};
    auto id = track::resolveRun(workspace->database(), name);
    return id ? QString::fromStdString(*id) : QString();
}

bool TestExplainDialog::waitUntilSettled(ExplainDialog &dialog)
{
    return waitFor([&dialog] { return !dialog.isLoading(); });
}

void TestExplainDialog::commandLineOfEachMethod()
{
    ExplainChoice choice;
    choice.runId = QStringLiteral("3f2a9c1e5b7d4e0f");
    choice.dataName = QStringLiteral("data/credit.csv@3f2a9c1");

    choice.method = ExplainMethod::TreeShap;
    choice.firstRow = 0;
    choice.lastRow = 1000;
    choice.params = {{QStringLiteral("interactions"), true}};
    QCOMPARE(explainCommandLine(choice),
             QStringLiteral("assay explain shap --model 3f2a9c1e5b7d4e0f --data "
                            "data/credit.csv@3f2a9c1 --rows 0:1000 --interactions"));

    choice.method = ExplainMethod::KernelShap;
    choice.firstRow.reset();
    choice.lastRow = 20;
    choice.params = {{QStringLiteral("coalitions"), QStringLiteral("500")},
                     {QStringLiteral("seed"), QStringLiteral("7")}};
    QCOMPARE(explainCommandLine(choice),
             QStringLiteral("assay explain kernel --model 3f2a9c1e5b7d4e0f --data "
                            "data/credit.csv@3f2a9c1 --rows :20 --coalitions 500 --seed 7"));

    choice.dataName = QStringLiteral("data/credit.csv");
    choice.method = ExplainMethod::Lime;
    choice.firstRow = 5;
    choice.lastRow.reset();
    choice.params = {{QStringLiteral("kernel_width"), QStringLiteral("1.5")}};
    QCOMPARE(explainCommandLine(choice),
             QStringLiteral("assay explain lime --model 3f2a9c1e5b7d4e0f --data data/credit.csv "
                            "--rows 5: --kernel-width 1.5"));

    choice.method = ExplainMethod::Permutation;
    choice.firstRow.reset();
    choice.params = {{QStringLiteral("metric"), QStringLiteral("roc_auc")},
                     {QStringLiteral("repeats"), QStringLiteral("10")}};
    QCOMPARE(explainCommandLine(choice),
             QStringLiteral("assay explain permutation --model 3f2a9c1e5b7d4e0f --data "
                            "data/credit.csv --metric roc_auc --repeats 10"));

    choice.method = ExplainMethod::PartialDependence;
    choice.params = {{QStringLiteral("features"), QStringLiteral("age,annual income")},
                     {QStringLiteral("percentiles"), QStringLiteral("0.1,0.9")}};
    QCOMPARE(explainCommandLine(choice),
             QStringLiteral("assay explain pdp --model 3f2a9c1e5b7d4e0f --data data/credit.csv "
                            "--features 'age,annual income' --percentiles 0.1,0.9"));
}

void TestExplainDialog::boxesShowTheDefaultsCoreFills()
{
    const QString boosted = runIdOf(kBoostedRun);
    QVERIFY(!boosted.isEmpty());
    ExplainDialog dialog(openDemo(), m_jobs);
    dialog.preselect(boosted, QStringLiteral("data/credit.csv"), ExplainMethod::TreeShap);
    QVERIFY(waitUntilSettled(dialog));
    QVERIFY2(dialog.isReady(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.choice().runId, boosted);
    QCOMPARE(dialog.choice().dataName, QStringLiteral("data/credit.csv"));
    QCOMPARE(dialog.params()->box(QStringLiteral("seed"))->placeholderText(), QStringLiteral("0"));
    // Nothing typed: the line leaves every default to the CLI.
    QCOMPARE(dialog.commandLine(), QStringLiteral("assay explain shap --model %1 --data "
                                                  "data/credit.csv")
                                       .arg(boosted));

    // The model's feature count, from what was read: KernelSHAP's 2·M + 2048 coalitions.
    auto workspace = workspace::Workspace::open(m_demo);
    QVERIFY(workspace.ok());
    ExplainChoice choice = dialog.choice();
    auto sources = readExplainSources(m_demo, choice);
    QVERIFY2(sources.ok(), sources.ok() ? "" : sources.error().message.c_str());
    const std::size_t features = (*sources)->inputs.model->model->signature().features.size();

    dialog.setMethod(ExplainMethod::KernelShap);
    QVERIFY(waitUntilSettled(dialog));
    QCOMPARE(dialog.params()->box(QStringLiteral("coalitions"))->placeholderText(),
             QString::number(2 * features + 2048));
    QCOMPARE(dialog.params()->box(QStringLiteral("clusters"))->placeholderText(),
             QStringLiteral("10"));

    dialog.setMethod(ExplainMethod::Lime);
    QVERIFY(waitUntilSettled(dialog));
    QCOMPARE(dialog.params()->box(QStringLiteral("samples"))->placeholderText(),
             QStringLiteral("5000"));
    QCOMPARE(dialog.params()->box(QStringLiteral("kernel_width"))->placeholderText(),
             QString::number(0.75 * std::sqrt(double(features)), 'g', 6));

    dialog.setMethod(ExplainMethod::Permutation);
    QVERIFY(waitUntilSettled(dialog));
    QCOMPARE(dialog.params()->box(QStringLiteral("metric"))->placeholderText(),
             QStringLiteral("accuracy"));
    QCOMPARE(dialog.params()->box(QStringLiteral("target"))->placeholderText(),
             QStringLiteral("defaulted"));

    dialog.setMethod(ExplainMethod::PartialDependence);
    QVERIFY(waitUntilSettled(dialog));
    const QString pdpFeatures = dialog.params()->box(QStringLiteral("features"))->placeholderText();
    QCOMPARE(pdpFeatures.split(u',').size(), 4);

    // What is typed is given, and only that.
    dialog.params()->setValue(QStringLiteral("grid_resolution"), QStringLiteral("20"));
    dialog.setRows(0, 300);
    QVERIFY(waitUntilSettled(dialog));
    QVERIFY2(dialog.isReady(), qPrintable(dialog.problem()));
    QCOMPARE(dialog.commandLine(),
             QStringLiteral("assay explain pdp --model %1 --data data/credit.csv --rows :300 "
                            "--grid-resolution 20")
                 .arg(boosted));
}

void TestExplainDialog::treeShapOnlyForTreeModels()
{
    const QString logistic = runIdOf(kLogisticRun);
    QVERIFY(!logistic.isEmpty());
    ExplainDialog dialog(openDemo(), m_jobs);
    dialog.preselect(logistic, {}, ExplainMethod::TreeShap);
    QVERIFY(waitUntilSettled(dialog));
    QCOMPARE(dialog.models()->runId(), logistic);
    QVERIFY(!dialog.models()->isTreeModel());
    // TreeSHAP cannot be chosen: the dialog moved to KernelSHAP.
    QCOMPARE(dialog.choice().method, ExplainMethod::KernelShap);
    auto *method = dialog.findChild<QComboBox *>(QStringLiteral("method"));
    QVERIFY(method);
    auto *items = qobject_cast<QStandardItemModel *>(method->model());
    QVERIFY(items);
    QVERIFY(!items->item(method->findData(int(ExplainMethod::TreeShap)))->isEnabled());
    QVERIFY2(dialog.isReady(), qPrintable(dialog.problem()));
}

void TestExplainDialog::badChoiceIsNamedBeforeAnythingRuns()
{
    ExplainDialog dialog(openDemo(), m_jobs);
    dialog.preselect(runIdOf(kBoostedRun), QStringLiteral("data/credit.csv"),
                     ExplainMethod::PartialDependence);
    QVERIFY(waitUntilSettled(dialog));
    QVERIFY2(dialog.isReady(), qPrintable(dialog.problem()));

    QSignalSpy requested(&dialog, &ExplainDialog::explainRequested);
    dialog.params()->setValue(QStringLiteral("features"), QStringLiteral("shoe_size"));
    QVERIFY(waitUntilSettled(dialog));
    QVERIFY2(dialog.problem().contains(QStringLiteral("shoe_size")), qPrintable(dialog.problem()));
    QVERIFY(!dialog.explainButton()->isEnabled());
    QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("shoe_size")));
    QVERIFY(!dialog.explain());
    QCOMPARE(requested.count(), 0);

    dialog.params()->setValue(QStringLiteral("features"), QString());
    dialog.setRows(0, 100000);
    QVERIFY(waitUntilSettled(dialog));
    QVERIFY2(dialog.problem().contains(QStringLiteral("out of range")),
             qPrintable(dialog.problem()));

    dialog.setRows({}, {});
    QVERIFY(waitUntilSettled(dialog));
    QVERIFY2(dialog.isReady(), qPrintable(dialog.problem()));
    QVERIFY(dialog.explainButton()->isEnabled());
}

void TestExplainDialog::explainComputesCachesAndSelects()
{
    QWidget parent;
    ExplainArea area(AreaContext{&m_jobs}, &parent);
    area.setWorkspace(openDemo());
    QVERIFY(m_jobs.waitUntilIdle(kJobTimeoutMs));
    const std::size_t before = area.list()->model()->entries().size();

    QVERIFY(area.openItem(ExplainArea::modelItem(runIdOf(kBoostedRun)))); // Models: Explain…
    ExplainDialog *dialog = area.explainDialog();
    QVERIFY(dialog);
    QVERIFY(waitUntilSettled(*dialog));
    dialog->setMethod(ExplainMethod::Lime);
    dialog->setRows(3, 6);
    dialog->params()->setValue(QStringLiteral("samples"), QStringLiteral("400"));
    QVERIFY(waitUntilSettled(*dialog));
    QVERIFY2(dialog->isReady(), qPrintable(dialog->problem()));

    QStringList titles;
    const auto titleConnection = connect(&m_jobs, &JobRunner::jobStarted, this,
                                         [&titles](Job *job) { titles << job->title(); });
    QSignalSpy finished(area.computation(), &ExplanationComputation::finished);
    QVERIFY(dialog->explain());
    QVERIFY(area.computation()->isRunning());
    QVERIFY(waitFor([&finished] { return finished.count() == 1; }));
    QCOMPARE(finished.at(0).at(1).toBool(), false); // computed, not found
    const QString key = finished.at(0).at(0).toString();
    disconnect(titleConnection);
    QVERIFY2(titles.filter(QStringLiteral("Explaining")).size() == 1,
             qPrintable(titles.join(u'|')));

    // The area read the cache again and selected the new explanation.
    QVERIFY(waitFor([&area, &key] { return area.list()->current() == key; }));
    QCOMPARE(area.list()->model()->entries().size(), before + 1);
    const explain::ExplanationEntry *entry = area.list()->model()->entryOf(key);
    QVERIFY(entry);
    QCOMPARE(entry->method, ExplainMethod::Lime);
    QCOMPARE(entry->rows, std::size_t(3));
    QCOMPARE(entry->params.value(QStringLiteral("samples")).toInteger(), 400);
    QCOMPARE(QString::fromStdString(entry->dataName), QStringLiteral("data/credit.csv"));
    QVERIFY(area.lastError().isEmpty());

    // The store has it, attached to the model's run.
    auto workspace = workspace::Workspace::open(m_demo);
    QVERIFY(workspace.ok());
    explain::ExplanationStore store(*workspace);
    auto found = store.find(key.toStdString());
    QVERIFY(found.ok() && found->has_value());
    QCOMPARE(QString::fromStdString((*found)->runId), runIdOf(kBoostedRun));
    QVERIFY(m_jobs.waitUntilIdle(kJobTimeoutMs));
}

void TestExplainDialog::cachedExplanationOpensWithoutComputing()
{
    ExplainChoice choice;
    choice.runId = runIdOf(kBoostedRun);
    choice.dataPath = QString::fromStdString((m_demo / "data" / "credit.csv").string());
    choice.dataName = QStringLiteral("data/credit.csv");
    choice.method = ExplainMethod::Lime;
    choice.firstRow = 10;
    choice.lastRow = 12;
    choice.params = {{QStringLiteral("samples"), QStringLiteral("300")}};
    auto sources = readExplainSources(m_demo, choice);
    QVERIFY2(sources.ok(), sources.ok() ? "" : sources.error().message.c_str());
    auto first = computeExplanation(m_demo, **sources, choice);
    QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
    QVERIFY(!first->cached);
    const QStringList before = indexFiles(m_demo);
    // The same request again, with the default typed out: the same key, found, not redone.
    choice.params.insert(QStringLiteral("seed"), QStringLiteral("0"));
    auto again = computeExplanation(m_demo, **sources, choice);
    QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
    QVERIFY(again->cached);
    QCOMPARE(again->entry.key, first->entry.key);
    QCOMPARE(again->entry.createdMs, first->entry.createdMs);
    QCOMPARE(indexFiles(m_demo), before);
}

void TestExplainDialog::cancelLeavesNoEntry()
{
    // KernelSHAP of every row with many coalitions: long enough to be cancelled mid-way.
    ExplainChoice choice;
    choice.runId = runIdOf(kBoostedRun);
    choice.dataPath = QString::fromStdString((m_demo / "data" / "credit.csv").string());
    choice.dataName = QStringLiteral("data/credit.csv");
    choice.method = ExplainMethod::KernelShap;
    choice.firstRow = 0;
    choice.lastRow = 600;
    choice.params = {{QStringLiteral("coalitions"), QStringLiteral("20000")}};
    auto sources = readExplainSources(m_demo, choice);
    QVERIFY2(sources.ok(), sources.ok() ? "" : sources.error().message.c_str());
    auto params = explain::resolvedParams((*sources)->inputs, choice.request());
    QVERIFY(params.ok());
    const std::string key = explain::explanationKey(choice.method, (*sources)->inputs.modelMd5,
                                                    (*sources)->inputs.dataMd5, *params);
    const QStringList before = indexFiles(m_demo);

    ExplanationComputation computation(m_jobs);
    QSignalSpy cancelled(&computation, &ExplanationComputation::cancelled);
    QSignalSpy finished(&computation, &ExplanationComputation::finished);
    QSignalSpy failed(&computation, &ExplanationComputation::failed);
    QVERIFY(computation.start(m_demo, choice, *sources));
    QVERIFY(!computation.start(m_demo, choice, *sources)); // one at a time
    QVERIFY(
        waitFor([&computation] { return computation.job() && computation.job()->fraction() > 0; }));
    QElapsedTimer clock;
    clock.start();
    computation.cancel();
    QVERIFY(waitFor([&computation] { return !computation.isRunning(); }));
    const qint64 stoppedAfterMs = clock.elapsed();
    qInfo("cancelled KernelSHAP stopped %lld ms after Cancel", stoppedAfterMs);
    QVERIFY2(stoppedAfterMs < 3000, "Cancel must stop the computation promptly");
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.count(), 0);

    auto workspace = workspace::Workspace::open(m_demo);
    QVERIFY(workspace.ok());
    explain::ExplanationStore store(*workspace);
    auto found = store.find(key);
    QVERIFY(found.ok());
    QVERIFY(!found->has_value());
    QCOMPARE(indexFiles(m_demo), before);
}

void TestExplainDialog::screenshotShowsTheForm()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString path = out.filePath(QStringLiteral("explain-dialog.png"));
    const QString error = renderExplainDialogScreenshot(openDemo(), m_jobs, path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 600 && image.height() >= 400);
    const QString directory = qEnvironmentVariable("ASSAY_SCREENSHOT_DIR");
    if (!directory.isEmpty())
        QVERIFY(image.save(directory + QStringLiteral("/explain-dialog.png")));
}

QTEST_MAIN(TestExplainDialog)
#include "test_explain_dialog.moc"
