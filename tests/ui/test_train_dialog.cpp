#include "common/verdict_banner.h"
#include "demo/demo_workspace.h"
#include "model/trainer.h"
#include "models/train_command.h"
#include "models/train_curve.h"
#include "models/train_data_picker.h"
#include "models/train_dialog.h"
#include "models/train_feature_list.h"
#include "models/train_form.h"
#include "models/train_model_panel.h"
#include "models/train_param_form.h"
#include "models/train_run_options.h"
#include "models/train_screenshot.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "support/files.h"
#include "track/run_query.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace assay::ui;

namespace {

constexpr int kJobTimeoutMs = 120'000;

// Processes events until `done` holds or the time is up.
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

bool waitUntilReady(TrainDialog &dialog)
{
    return waitFor([&dialog] {
        return !dialog.form()->isLoading() && !dialog.form()->targetBox()->currentText().isEmpty();
    });
}

std::vector<std::string> names(std::initializer_list<const char *> list)
{
    return {list.begin(), list.end()};
}

// The newest run of the workspace at `root`.
track::RunRecord newestRun(const std::filesystem::path &root)
{
    auto workspace = workspace::Workspace::open(root);
    if (!workspace)
        return {};
    auto runs = track::listRuns(workspace->database());
    if (!runs || runs->empty())
        return {};
    return runs->front();
}

// With ASSAY_SCREENSHOT_DIR set, keeps a picture of `widget` there to be looked at.
void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("ASSAY_SCREENSHOT_DIR");
    if (!directory.isEmpty())
        QVERIFY(widget.grab().save(directory + u'/' + name));
}

} // namespace

class TestTrainDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void paramFormIsBuiltFromTheSpecs();
    void modelPanelDisablesTrainersThatCannotLearnTheTask();
    void commandLineQuotesAndLeavesDefaultsOut();
    void formProposesTargetFeaturesAndTask();
    void requestAndCommandFollowTheWidgets();
    void olderVersionIsNamedWithItsCommit();
    void trainingRecordsARunAndEmitsRunTrained();
    void crossValidationDrawsOneSegmentPerFold();
    void cancelEndsTheRunKilled();
    void singleClassTargetShowsTheCoreError();
    void screenshotShowsAFinishedCurve();

private:
    std::shared_ptr<WorkspaceSession> openDemo();

    QTemporaryDir m_dir;
    std::filesystem::path m_demo;
};

void TestTrainDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_demo = testing::pathOf(m_dir) / "demo";
    demo::DemoOptions options;
    options.rows = 600;
    const Status created = demo::createDemoWorkspace(m_demo, options);
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
}

std::shared_ptr<WorkspaceSession> TestTrainDialog::openDemo()
{
    auto workspace = workspace::Workspace::open(m_demo);
    if (!workspace)
        return nullptr;
    return std::make_shared<WorkspaceSession>(std::move(*workspace));
}

void TestTrainDialog::paramFormIsBuiltFromTheSpecs()
{
    for (const auto &trainer : model::trainers()) {
        TrainParamForm form;
        form.setSpecs(trainer->params());
        for (const model::ParamSpec &spec : trainer->params()) {
            QWidget *editor = form.editor(spec.name);
            QVERIFY2(editor, spec.name.c_str());
            QVERIFY(editor->toolTip().contains(QString::fromStdString(spec.help)));
            switch (spec.type) {
            case model::ParamSpec::Type::Int: {
                auto *box = qobject_cast<QSpinBox *>(editor);
                QVERIFY2(box, spec.name.c_str());
                QCOMPARE(box->value(), int(spec.defaultValue));
                QCOMPARE(box->minimum(), int(spec.minimum));
                QCOMPARE(box->maximum(), int(spec.maximum));
                break;
            }
            case model::ParamSpec::Type::Double: {
                auto *box = qobject_cast<QDoubleSpinBox *>(editor);
                QVERIFY2(box, spec.name.c_str());
                QCOMPARE(box->value(), spec.defaultValue);
                QCOMPARE(box->maximum(), spec.maximum);
                // The shortest text, so 1e-06 does not show as 0.000001000000000.
                QCOMPARE(box->text(), QString::number(spec.defaultValue, 'g', 12));
                break;
            }
            case model::ParamSpec::Type::Choice: {
                auto *box = qobject_cast<QComboBox *>(editor);
                QVERIFY2(box, spec.name.c_str());
                QCOMPARE(box->count(), qsizetype(spec.choices.size()));
                QCOMPARE(box->currentText(), QString::fromStdString(spec.choices.front()));
                break;
            }
            }
        }
        QVERIFY(form.changedValues().empty());
    }

    TrainParamForm form;
    form.setSpecs(model::findTrainer("forest")->params());
    QSignalSpy changed(&form, &TrainParamForm::changed);
    QVERIFY(form.setValue("n_estimators", QStringLiteral("50")));
    QVERIFY(form.setValue("max_features", QStringLiteral("sqrt")));
    QVERIFY(form.setValue("max_features_fraction", QStringLiteral("0.25")));
    QVERIFY(!form.setValue("max_features", QStringLiteral("most")));
    QVERIFY(!form.setValue("no_such_param", QStringLiteral("1")));
    QCOMPARE(changed.count(), 3);
    const std::map<std::string, std::string> expected{
        {"max_features", "sqrt"}, {"max_features_fraction", "0.25"}, {"n_estimators", "50"}};
    QCOMPARE(form.changedValues(), expected);
    // What the form produces is what core accepts.
    QVERIFY(model::resolveParams(form.specs(), form.changedValues()).ok());
    form.resetToDefaults();
    QVERIFY(form.changedValues().empty());
}

void TestTrainDialog::modelPanelDisablesTrainersThatCannotLearnTheTask()
{
    TrainModelPanel panel;
    const auto *items = qobject_cast<QStandardItemModel *>(panel.trainerBox()->model());
    QVERIFY(items);
    QCOMPARE(panel.trainerBox()->count(), qsizetype(model::trainers().size()));
    QCOMPARE(panel.trainer(), QStringLiteral("gbt"));
    for (model::Task task :
         {model::Task::Regression, model::Task::Binary, model::Task::Multiclass}) {
        panel.setTask(task);
        for (int i = 0; i < panel.trainerBox()->count(); ++i) {
            const model::Trainer *trainer =
                model::findTrainer(panel.trainerBox()->itemData(i).toString().toStdString());
            QCOMPARE(items->item(i)->isEnabled(), trainer->supports(task));
        }
        QVERIFY(model::findTrainer(panel.trainer().toStdString())->supports(task));
    }
    panel.setTask(model::Task::Binary);
    QVERIFY(!panel.selectTrainer(QStringLiteral("linreg")));
    QVERIFY(panel.selectTrainer(QStringLiteral("logreg")));
    QCOMPARE(panel.paramForm()->specs().size(), model::findTrainer("logreg")->params().size());
    panel.setTask(model::Task::Regression);
    QVERIFY(panel.trainer() != QStringLiteral("logreg")); // moved to one that can
}

void TestTrainDialog::commandLineQuotesAndLeavesDefaultsOut()
{
    model::TrainRequest request;
    request.data = "/abs/data/credit.csv";
    request.target = "defaulted";
    QCOMPARE(trainCommandLine(request, QStringLiteral("data/credit.csv")),
             QStringLiteral("assay train --data data/credit.csv --target defaulted --model gbt"));
    request.trainer = "forest";
    request.features = names({"age", "credit score"});
    request.params = {{"n_estimators", "50"}, {"max_depth", "4"}};
    request.task = model::Task::Multiclass;
    request.trainFraction = 0.8;
    request.validationFraction = 0.1;
    request.testFraction = 0.1;
    request.experiment = "Bob's runs";
    request.runName = "forest";
    request.seed = 42;
    QCOMPARE(trainCommandLine(request, QStringLiteral("my data/credit.csv@3f2a9c1")),
             QStringLiteral("assay train --data 'my data/credit.csv@3f2a9c1' --target defaulted "
                            "--model forest --features 'age,credit score' --param max_depth=4 "
                            "--param n_estimators=50 --task multiclass --split 0.8,0.1,0.1 "
                            "--experiment 'Bob'\\''s runs' --name forest --seed 42"));
    request.folds = 5;
    QVERIFY(
        trainCommandLine(request, QStringLiteral("d.csv")).contains(QStringLiteral(" --cv 5 ")));
    QVERIFY(
        !trainCommandLine(request, QStringLiteral("d.csv")).contains(QStringLiteral("--split")));
}

void TestTrainDialog::formProposesTargetFeaturesAndTask()
{
    JobRunner jobs;
    TrainDialog dialog(openDemo(), jobs);
    QVERIFY(waitUntilReady(dialog));
    TrainForm *form = dialog.form();
    QCOMPARE(form->problem(), QString());
    QCOMPARE(form->dataPicker()->current()->name, QStringLiteral("data/credit.csv"));
    // The last column is the label; the id and the date start unchecked.
    QCOMPARE(form->targetBox()->currentText(), QStringLiteral("defaulted"));
    QCOMPARE(form->inferredTask(), std::optional(model::Task::Binary));
    QVERIFY(form->taskBox()->currentText().contains(QStringLiteral("binary")));
    const QStringList unchecked = form->featureList()->uncheckedColumns();
    QCOMPARE(unchecked,
             QStringList({QStringLiteral("application_id"), QStringLiteral("application_date")}));
    QVERIFY(!form->featureList()->checkedFeatures().contains(QStringLiteral("defaulted")));
    QVERIFY(form->featureList()->checkedFeatures().contains(QStringLiteral("credit_score")));
    for (int row = 0; row < form->featureList()->count(); ++row) {
        const QListWidgetItem *item = form->featureList()->item(row);
        const bool unsuggested = unchecked.contains(item->data(Qt::UserRole).toString());
        QCOMPARE(!item->toolTip().isEmpty(), unsuggested);
    }
    QVERIFY(dialog.trainButton()->isEnabled());

    // A regression target: the trainers follow the task.
    form->targetBox()->setCurrentText(QStringLiteral("annual_income"));
    QCOMPARE(form->inferredTask(), std::optional(model::Task::Regression));
    QVERIFY(form->featureList()->checkedFeatures().contains(QStringLiteral("defaulted")));
    QVERIFY(!form->featureList()->checkedFeatures().contains(QStringLiteral("annual_income")));
    QVERIFY(model::findTrainer(form->modelPanel()->trainer().toStdString())
                ->supports(model::Task::Regression));
}

void TestTrainDialog::requestAndCommandFollowTheWidgets()
{
    JobRunner jobs;
    TrainDialog dialog(openDemo(), jobs);
    QVERIFY(waitUntilReady(dialog));
    TrainForm *form = dialog.form();

    model::TrainRequest request = form->request();
    QCOMPARE(QString::fromStdString(request.data),
             QString::fromStdString((m_demo / "data/credit.csv").generic_string()));
    QCOMPARE(request.target, std::string("defaulted"));
    QCOMPARE(request.trainer, std::string("gbt"));
    QCOMPARE(request.exclude, names({"application_id", "application_date"}));
    QVERIFY(request.features.empty());
    QVERIFY(request.params.empty());
    QVERIFY(!request.task);
    QCOMPARE(request.folds, 0);
    QCOMPARE(form->commandLine(),
             QStringLiteral("assay train --data data/credit.csv --target defaulted --model gbt "
                            "--exclude application_id,application_date"));

    // Few features checked: named with --features.
    form->featureList()->checkOnly({QStringLiteral("age"), QStringLiteral("credit_score")});
    form->modelPanel()->selectTrainer(QStringLiteral("tree"));
    QVERIFY(form->modelPanel()->paramForm()->setValue("max_depth", QStringLiteral("4")));
    form->taskBox()->setCurrentIndex(form->taskBox()->findText(QStringLiteral("multiclass")));
    TrainRunOptions *options = form->runOptions();
    options->crossValidationButton()->setChecked(true);
    options->foldsBox()->setValue(3);
    options->seedBox()->setValue(7);
    options->experimentBox()->setEditText(QStringLiteral("credit models"));
    options->runNameEdit()->setText(QStringLiteral("shallow tree"));
    request = form->request();
    QCOMPARE(request.features, names({"age", "credit_score"}));
    QVERIFY(request.exclude.empty());
    QCOMPARE(request.params, (std::map<std::string, std::string>{{"max_depth", "4"}}));
    QCOMPARE(request.task, std::optional(model::Task::Multiclass));
    QCOMPARE(request.folds, 3);
    QCOMPARE(request.seed, std::uint64_t(7));
    QCOMPARE(request.experiment, std::string("credit models"));
    QCOMPARE(request.runName, std::string("shallow tree"));
    const QString expected = QStringLiteral(
        "assay train --data data/credit.csv --target defaulted --model tree --features "
        "age,credit_score --param max_depth=4 --task multiclass --cv 3 --experiment "
        "'credit models' --name 'shallow tree' --seed 7");
    QCOMPARE(form->commandLine(), expected);
    dialog.copyCommand();
    QCOMPARE(QApplication::clipboard()->text(), expected);

    // A split that does not add up keeps Train disabled and says why.
    options->splitButton()->setChecked(true);
    options->fractionBox(0)->setValue(0.9);
    QVERIFY(form->problem().contains(QStringLiteral("add up")));
    QVERIFY(!dialog.trainButton()->isEnabled());
    options->fractionBox(0)->setValue(0.6);
    options->fractionBox(1)->setValue(0.2);
    options->fractionBox(2)->setValue(0.2);
    QCOMPARE(form->problem(), QString());
    QVERIFY(form->commandLine().contains(QStringLiteral("--split 0.6,0.2,0.2")));
    QVERIFY(dialog.trainButton()->isEnabled());
}

void TestTrainDialog::olderVersionIsNamedWithItsCommit()
{
    JobRunner jobs;
    TrainDialog dialog(openDemo(), jobs);
    QVERIFY(waitUntilReady(dialog));
    auto *versions = dialog.findChild<QComboBox *>(QStringLiteral("version"));
    QVERIFY(versions);
    QVERIFY(waitFor([versions] { return versions->count() >= 3; })); // working copy + 2 commits
    const QString oldest = versions->itemData(versions->count() - 1).toString();
    QCOMPARE(oldest.size(), 40);
    QVERIFY(dialog.form()->dataPicker()->selectRevision(oldest.left(7)));
    QVERIFY(waitUntilReady(dialog));
    const model::TrainRequest request = dialog.form()->request();
    QVERIFY(QString::fromStdString(request.data).endsWith(u'@' + oldest));
    QVERIFY(dialog.form()->commandLine().startsWith(
        QStringLiteral("assay train --data data/credit.csv@%1 ").arg(oldest.left(7))));
}

void TestTrainDialog::trainingRecordsARunAndEmitsRunTrained()
{
    JobRunner jobs;
    TrainDialog dialog(openDemo(), jobs);
    QVERIFY(waitUntilReady(dialog));
    QVERIFY(
        dialog.form()->modelPanel()->paramForm()->setValue("n_estimators", QStringLiteral("20")));
    QSignalSpy recorded(&dialog, &TrainDialog::runRecorded);
    QSignalSpy trained(&dialog, &TrainDialog::runTrained);
    QVERIFY(!dialog.openRunButton()->isVisible());
    dialog.show();
    QTest::mouseClick(dialog.trainButton(), Qt::LeftButton);
    QVERIFY(dialog.isTraining());
    QVERIFY(!dialog.form()->isEnabled());
    QVERIFY(waitFor([&dialog] { return !dialog.isTraining(); }));

    QCOMPARE(recorded.count(), 1);
    const QString runId = recorded.first().first().toString();
    QCOMPARE(runId, dialog.lastRunId());
    // 20 rounds of training and validation loss.
    QCOMPARE(dialog.curve()->pointCount(), 40);
    QCOMPARE(dialog.curve()->segmentCount(), 1);
    QVERIFY2(dialog.resultBanner()->headline().startsWith(QStringLiteral("test roc_auc ")),
             qPrintable(dialog.resultBanner()->headline()));
    QVERIFY(dialog.resultBanner()->detail().contains(runId.left(8)));

    QVERIFY(dialog.openRunButton()->isVisible());
    QTest::mouseClick(dialog.openRunButton(), Qt::LeftButton);
    QCOMPARE(trained.count(), 1);
    QCOMPARE(trained.first().first().toString(), runId);

    const track::RunRecord run = newestRun(m_demo);
    QCOMPARE(QString::fromStdString(run.info.runId), runId);
    QCOMPARE(run.info.status, track::RunStatus::Finished);
    QCOMPARE(run.params.at("n_estimators"), std::string("20"));
    QCOMPARE(run.params.at("data"), std::string("data/credit.csv"));
}

void TestTrainDialog::crossValidationDrawsOneSegmentPerFold()
{
    JobRunner jobs;
    TrainDialog dialog(openDemo(), jobs);
    QVERIFY(waitUntilReady(dialog));
    QVERIFY(
        dialog.form()->modelPanel()->paramForm()->setValue("n_estimators", QStringLiteral("5")));
    dialog.form()->runOptions()->crossValidationButton()->setChecked(true);
    dialog.form()->runOptions()->foldsBox()->setValue(3);
    QVERIFY(dialog.startTraining());
    QVERIFY(waitFor([&dialog] { return !dialog.isTraining(); }));
    QVERIFY2(!dialog.lastRunId().isEmpty(), qPrintable(dialog.resultBanner()->detail()));
    QCOMPARE(dialog.curve()->segmentCount(), 4); // three folds, then the final model
    QCOMPARE(dialog.curve()->pointCount(), 4 * 5);
    QVERIFY2(dialog.resultBanner()->headline().startsWith(QStringLiteral("cv roc_auc ")),
             qPrintable(dialog.resultBanner()->headline()));
    QVERIFY(dialog.resultBanner()->headline().contains(QStringLiteral("± ")));
    dialog.resize(1400, 900);
    dialog.show();
    saveScreenshot(dialog, QStringLiteral("models_train_cv.png"));
}

void TestTrainDialog::cancelEndsTheRunKilled()
{
    JobRunner jobs;
    TrainDialog dialog(openDemo(), jobs);
    QVERIFY(waitUntilReady(dialog));
    TrainParamForm *params = dialog.form()->modelPanel()->paramForm();
    QVERIFY(params->setValue("n_estimators", QStringLiteral("100000")));
    QSignalSpy recorded(&dialog, &TrainDialog::runRecorded);
    dialog.show();
    QVERIFY(dialog.startTraining());
    QVERIFY(dialog.cancelButton()->isVisible());
    // Cancel once the live curve shows that boosting has begun.
    QVERIFY(waitFor([&dialog] { return !dialog.curve()->isEmpty(); }));
    saveScreenshot(dialog, QStringLiteral("models_train_running.png"));
    QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
    QVERIFY(waitFor([&dialog] { return !dialog.isTraining(); }));
    QCOMPARE(recorded.count(), 0);
    QCOMPARE(dialog.resultBanner()->headline(), QStringLiteral("Cancelled"));
    QVERIFY(dialog.curve()->pointCount() < 2 * 100000);
    QVERIFY(dialog.trainButton()->isEnabled());
    QCOMPARE(newestRun(m_demo).info.status, track::RunStatus::Killed);
    saveScreenshot(dialog, QStringLiteral("models_train_cancelled.png"));
}

void TestTrainDialog::singleClassTargetShowsTheCoreError()
{
    QTemporaryDir dir;
    const std::filesystem::path file = testing::pathOf(dir) / "one_class.csv";
    testing::writeFile(file, "x,y,label\n1,2,a\n2,3,a\n3,1,a\n4,4,a\n5,0,a\n6,2,a\n");
    JobRunner jobs;
    TrainDialog dialog(openDemo(), jobs);
    QVERIFY(waitUntilReady(dialog));
    dialog.form()->dataPicker()->selectFile(QString::fromStdString(file.string()));
    QVERIFY(waitFor([&dialog] {
        return !dialog.form()->isLoading() &&
               dialog.form()->targetBox()->currentText() == QStringLiteral("label");
    }));
    QVERIFY(dialog.form()->targetProblem().contains(QStringLiteral("label")));
    // Outside the workspace the command names the file by its absolute path.
    QVERIFY(dialog.form()->commandLine().contains(QString::fromStdString(file.string())));
    QVERIFY(dialog.startTraining());
    QVERIFY(waitFor([&dialog] { return !dialog.isTraining(); }));
    QCOMPARE(dialog.resultBanner()->headline(), QStringLiteral("Training failed"));
    QCOMPARE(dialog.resultBanner()->detail(), dialog.form()->targetProblem());
    QVERIFY(dialog.lastRunId().isEmpty());
    dialog.resize(1400, 900);
    dialog.show();
    saveScreenshot(dialog, QStringLiteral("models_train_failed.png"));
}

void TestTrainDialog::screenshotShowsAFinishedCurve()
{
    JobRunner jobs;
    QTemporaryDir out;
    const QString directory = qEnvironmentVariable("ASSAY_SCREENSHOT_DIR");
    const QString path =
        (directory.isEmpty() ? out.path() : directory) + QStringLiteral("/models_train.png");
    const QString error = renderTrainDialogScreenshot(openDemo(), jobs, path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1400, 900));
}

QTEST_MAIN(TestTrainDialog)
#include "test_train_dialog.moc"
