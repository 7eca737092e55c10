// The Governance area against a workspace set up in the test: a trained model registered
// twice, a gate that cannot pass, then the views as a user meets them — the registry and its
// promote dialog, the model card, the audit log and its verification, users and roles.
#include "common/verdict_banner.h"
#include "demo/credit_data.h"
#include "govern/access_control.h"
#include "govern/audit_model.h"
#include "govern/audit_view.h"
#include "govern/compliance_export.h"
#include "govern/gate_checks_model.h"
#include "govern/govern_area.h"
#include "govern/governed_call.h"
#include "govern/model_card.h"
#include "govern/model_card_editor.h"
#include "govern/model_registry.h"
#include "govern/model_versions_model.h"
#include "govern/promote_dialog.h"
#include "govern/registered_models_model.h"
#include "govern/registry_detail_panel.h"
#include "govern/registry_list_panel.h"
#include "govern/transitions_model.h"
#include "govern/users_model.h"
#include "govern/users_view.h"
#include "model/training_run.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "support/files.h"
#include "workspace/database.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace assay::ui;

namespace {

constexpr int jobTimeoutMs = 120'000;
const std::string modelName = "credit-risk";

} // namespace

class TestGovernArea : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void everyViewBuildsOnTheWorkspace();
    void registryShowsVersionsAndHistory();
    void promoteDialogShowsTheGateChecks();
    void refusedPromotionIsShownAndChangesNothing();
    void promotionToStagingIsKeptInTheHistory();
    void cardEditorSavesAndTracksUnsavedChanges();
    void exportWritesTheComplianceReport();
    void auditFilterNarrowsTheRows();
    void usersViewOffersTheFirstAdminWhileAccessControlIsOff();
    void usersViewIsReadOnlyForNonAdmins();
    void verifyReportsABrokenChainAfterTampering();

private:
    void openArea();
    void waitIdle();
    govern::ModelVersion version(int number);

    QTemporaryDir m_dir;
    std::filesystem::path m_root;
    std::optional<workspace::Workspace> m_workspace;
    std::unique_ptr<JobRunner> m_jobs;
    std::unique_ptr<GovernArea> m_area;
};

void TestGovernArea::initTestCase()
{
    govern::setSessionCredentials({.user = "tester", .password = std::nullopt});
    QVERIFY(m_dir.isValid());
    m_root = testing::pathOf(m_dir);
    auto created = workspace::Workspace::init(m_root);
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
    m_workspace.emplace(std::move(*created));
    testing::writeFile(m_root / "data" / "credit.csv",
                       demo::generateCreditCsv(demo::CreditVintage::Reference, 400, 11));

    model::TrainRequest request;
    request.data = (m_root / "data" / "credit.csv").string();
    request.target = "defaulted";
    request.features = {"annual_income", "credit_score", "debt_to_income"};
    request.trainer = "logreg";
    request.seed = 3;
    request.threads = 1;
    auto trained = model::trainAndRecord(*m_workspace, request);
    QVERIFY2(trained.ok(), trained.ok() ? "" : trained.error().message.c_str());
    for (int i = 0; i < 2; ++i) {
        auto registered = govern::registerModel(*m_workspace, modelName, trained->runId,
                                                "logistic regression on income, score and debt");
        QVERIFY2(registered.ok(), registered.ok() ? "" : registered.error().message.c_str());
    }
    // Unreachable on purpose: production is always refused by this gate.
    govern::PromotionGate gate;
    gate.minMetrics["test_roc_auc"] = 2.0;
    const Status gateSet = govern::setGate(*m_workspace, modelName, gate);
    QVERIFY2(gateSet.ok(), gateSet.ok() ? "" : gateSet.error().message.c_str());
}

void TestGovernArea::init()
{
    m_jobs = std::make_unique<JobRunner>();
    m_area = std::make_unique<GovernArea>(AreaContext{.jobs = m_jobs.get()}, nullptr);
}

void TestGovernArea::cleanup()
{
    m_area.reset();
    m_jobs.reset();
}

void TestGovernArea::waitIdle()
{
    QVERIFY(m_jobs->waitUntilIdle(jobTimeoutMs));
}

void TestGovernArea::openArea()
{
    auto opened = workspace::Workspace::open(m_root);
    QVERIFY(opened.ok());
    m_area->setWorkspace(std::make_shared<WorkspaceSession>(std::move(*opened)));
    waitIdle();
    QVERIFY(m_area->isLoaded());
}

govern::ModelVersion TestGovernArea::version(int number)
{
    auto found = govern::resolveModelVersion(*m_workspace, modelName + ":" + std::to_string(number));
    if (!found)
        qFatal("resolveModelVersion: %s", found.error().message.c_str());
    return *found;
}

void TestGovernArea::everyViewBuildsOnTheWorkspace()
{
    openArea();
    const QList<std::pair<QString, GovernArea::Tab>> views = {
        {QStringLiteral("govern"), GovernArea::Tab::Registry},
        {QStringLiteral("govern-registry"), GovernArea::Tab::Registry},
        {QStringLiteral("govern-card"), GovernArea::Tab::Card},
        {QStringLiteral("govern-audit"), GovernArea::Tab::Audit},
        {QStringLiteral("govern-users"), GovernArea::Tab::Users},
    };
    for (const auto &[view, tab] : views) {
        QVERIFY2(m_area->showView(view), qPrintable(view));
        QCOMPARE(m_area->currentTab(), tab);
        waitIdle();
    }
    QVERIFY(!m_area->showView(QStringLiteral("govern-nothing")));
    QVERIFY(!m_area->isRegistryEmpty());
    QCOMPARE(m_area->registryList()->current(), QString::fromStdString(modelName));
    QVERIFY(m_area->cardEditor()->isLoaded());
    QCOMPARE(m_area->cardEditor()->subject(), QString::fromStdString(modelName));
    QVERIFY(m_area->auditView()->model()->rowCount() >= 2); // the two registrations at least

    m_area->setCurrentTab(GovernArea::Tab::Registry);
    QCOMPARE(m_area->currentCommandLine(), QStringLiteral("assay registry show credit-risk"));
    m_area->setCurrentTab(GovernArea::Tab::Audit);
    QCOMPARE(m_area->currentCommandLine(), QStringLiteral("assay audit verify"));
}

void TestGovernArea::registryShowsVersionsAndHistory()
{
    openArea();
    RegistryDetailPanel *detail = m_area->registryDetail();
    QAbstractItemModelTester versionsTester(detail->versions());
    QAbstractItemModelTester listTester(m_area->registryList()->model());
    QCOMPARE(detail->shownModel(), QString::fromStdString(modelName));
    QCOMPARE(detail->versions()->rowCount(), 2);
    // Newest first, selected.
    QCOMPARE(detail->versions()->index(0, ModelVersionsModel::VersionColumn).data().toString(),
             QStringLiteral("v2"));
    QCOMPARE(detail->currentVersion(), 2);
    QCOMPARE(detail->versions()->index(0, ModelVersionsModel::RunColumn).data().toString(),
             QString::fromStdString(version(2).runId).left(8));
    QVERIFY(detail->versions()->index(0, ModelVersionsModel::RunColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(detail->selectVersion(1));
    QCOMPARE(detail->currentVersion(), 1);
}

void TestGovernArea::promoteDialogShowsTheGateChecks()
{
    openArea();
    PromoteDialog *dialog = m_area->openPromoteDialog(2);
    QVERIFY(dialog);
    waitIdle();
    QVERIFY(dialog->isGateEvaluated());
    QAbstractItemModelTester tester(dialog->checks());
    const auto &checks = dialog->checks()->checks();
    QVERIFY(!checks.empty());
    const auto metric = std::find_if(checks.begin(), checks.end(), [](const auto &check) {
        return check.name.find("test_roc_auc") != std::string::npos;
    });
    QVERIFY(metric != checks.end());
    QVERIFY(!metric->passed);
    const int row = int(metric - checks.begin());
    QCOMPARE(dialog->checks()->index(row, GateChecksModel::OutcomeColumn).data().toString(),
             QStringLiteral("failed"));
    QVERIFY(dialog->checks()->index(row, GateChecksModel::OutcomeColumn).data(Qt::DecorationRole).isValid());
    QVERIFY(!dialog->checks()->index(row, GateChecksModel::DetailColumn).data().toString().isEmpty());
    dialog->close();
}

void TestGovernArea::refusedPromotionIsShownAndChangesNothing()
{
    openArea();
    const govern::Stage before = version(2).stage;
    PromoteDialog *dialog = m_area->openPromoteDialog(2);
    QVERIFY(dialog);
    waitIdle();
    dialog->setStage(govern::Stage::Production);
    dialog->setReason(QStringLiteral("try production"));
    dialog->promote();
    waitIdle();
    QVERIFY(dialog->isVisible()); // stays open with the reason
    QVERIFY2(dialog->message().contains(QStringLiteral("test_roc_auc")), qPrintable(dialog->message()));
    QCOMPARE(version(2).stage, before);
    auto model = govern::showModel(*m_workspace, modelName);
    QVERIFY(model.ok());
    for (const govern::ModelVersion &each : model->versions)
        QVERIFY(each.stage != govern::Stage::Production);
    dialog->close();
    waitIdle();
    // The refusal is kept in the version's history.
    const auto &history = m_area->registryDetail()->history()->transitions();
    QVERIFY(std::any_of(history.begin(), history.end(),
                        [](const auto &transition) { return transition.kind == "refused"; }));
}

void TestGovernArea::promotionToStagingIsKeptInTheHistory()
{
    openArea();
    PromoteDialog *dialog = m_area->openPromoteDialog(2);
    QVERIFY(dialog);
    waitIdle();
    dialog->setStage(govern::Stage::Staging);
    dialog->setReason(QStringLiteral("ready for the shadow test"));
    QSignalSpy promoted(dialog, &PromoteDialog::promoted);
    dialog->promote();
    waitIdle();
    QCOMPARE(promoted.count(), 1);
    QCOMPARE(version(2).stage, govern::Stage::Staging);
    RegistryDetailPanel *detail = m_area->registryDetail();
    QCOMPARE(detail->currentVersion(), 2);
    const int row = detail->versions()->rowOf(2);
    QCOMPARE(detail->versions()->index(row, ModelVersionsModel::StageColumn).data().toString(),
             QStringLiteral("staging"));
    TransitionsModel *history = detail->history();
    QVERIFY(history->rowCount() >= 1);
    QCOMPARE(history->index(0, TransitionsModel::ReasonColumn).data().toString(),
             QStringLiteral("ready for the shadow test"));
    QVERIFY(history->index(0, TransitionsModel::ChangeColumn).data().toString().contains(
        QStringLiteral("staging")));
}

void TestGovernArea::cardEditorSavesAndTracksUnsavedChanges()
{
    openArea();
    m_area->showView(QStringLiteral("govern-card"));
    ModelCardEditor *editor = m_area->cardEditor();
    QVERIFY(editor->isLoaded());
    QVERIFY(!editor->isDirty());
    editor->overviewEdit()->setPlainText(QStringLiteral("Scores credit applications."));
    editor->limitationsEdit()->setPlainText(
        QStringLiteral("Trained on one quarter\n\n  Not for business loans  "));
    QVERIFY(editor->isDirty());
    QVERIFY(editor->statusText().contains(QStringLiteral("Unsaved")));
    QSignalSpy saved(editor, &ModelCardEditor::saved);
    editor->save();
    waitIdle();
    QCOMPARE(saved.count(), 1);
    QVERIFY(!editor->isDirty());
    auto card = govern::loadCard(*m_workspace, modelName);
    QVERIFY(card.ok());
    QCOMPARE(card->overview, std::string("Scores credit applications."));
    QCOMPARE(card->limitations,
             (std::vector<std::string>{"Trained on one quarter", "Not for business loans"}));
    QVERIFY(editor->statusText().startsWith(QStringLiteral("Saved")));
}

void TestGovernArea::exportWritesTheComplianceReport()
{
    openArea();
    QCOMPARE(m_area->registryDetail()->currentVersion(), 2);
    const QString file = QString::fromStdString((m_root / "credit-risk-v2.html").string());
    QSignalSpy finished(m_area->complianceExport(), &ComplianceExport::finished);
    QSignalSpy failed(m_area->complianceExport(), &ComplianceExport::failed);
    QVERIFY(m_area->exportReportTo(2, file));
    waitIdle();
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(finished.count(), 1);
    const std::string html = testing::slurp(m_root / "credit-risk-v2.html");
    QVERIFY(html.find("credit-risk") != std::string::npos);
    auto exported = govern::readAudit(m_workspace->database(), {.since = std::nullopt,
                                                                 .action = "report.export",
                                                                 .actor = std::nullopt,
                                                                 .object = std::nullopt,
                                                                 .limit = 0});
    QVERIFY(exported.ok());
    QCOMPARE(exported->size(), std::size_t(1));
    QCOMPARE(exported->front().object, std::string("credit-risk:2"));
}

void TestGovernArea::auditFilterNarrowsTheRows()
{
    openArea();
    AuditView *audit = m_area->auditView();
    QAbstractItemModelTester tester(audit->model());
    const int all = audit->shown()->rowCount();
    QVERIFY(all >= 3);
    audit->filterBox()->setText(QStringLiteral("refused"));
    const int refused = audit->shown()->rowCount();
    QVERIFY(refused >= 1);
    QVERIFY(refused < all);
    for (int row = 0; row < refused; ++row) {
        bool matches = false;
        for (int column = 0; column < AuditModel::ColumnCount; ++column)
            matches = matches || audit->shown()->index(row, column).data().toString().contains(
                                     QStringLiteral("refused"), Qt::CaseInsensitive);
        QVERIFY(matches);
    }
    audit->filterBox()->clear();
    QCOMPARE(audit->shown()->rowCount(), all);
    const int registry = audit->actionCombo()->findData(QStringLiteral("registry."));
    QVERIFY(registry > 0);
    audit->actionCombo()->setCurrentIndex(registry);
    QVERIFY(audit->shown()->rowCount() < all);
    for (int row = 0; row < audit->shown()->rowCount(); ++row)
        QVERIFY(audit->shown()->index(row, AuditModel::ActionColumn).data().toString().startsWith(
            QStringLiteral("registry.")));
}

void TestGovernArea::usersViewOffersTheFirstAdminWhileAccessControlIsOff()
{
    openArea();
    UsersView *users = m_area->usersView();
    QVERIFY(users->isShowingEmptyState());
    QVERIFY(!users->isReadOnly());
}

void TestGovernArea::usersViewIsReadOnlyForNonAdmins()
{
    govern::User alice;
    alice.name = "alice";
    alice.role = govern::Role::Admin;
    govern::setSessionCredentials({.user = "alice", .password = "s3cret-pass"});
    Status added = govern::addUser(m_workspace->database(), alice, std::string("s3cret-pass"));
    QVERIFY2(added.ok(), added.ok() ? "" : added.error().message.c_str());
    govern::User bob;
    bob.name = "bob";
    bob.role = govern::Role::Scientist;
    added = govern::addUser(m_workspace->database(), bob, std::nullopt);
    QVERIFY2(added.ok(), added.ok() ? "" : added.error().message.c_str());

    govern::setSessionCredentials({.user = "bob", .password = std::nullopt});
    openArea();
    UsersView *users = m_area->usersView();
    QAbstractItemModelTester tester(users->model());
    QVERIFY(!users->isShowingEmptyState());
    QCOMPARE(users->model()->rowCount(), 2);
    QVERIFY(users->isReadOnly());
    QVERIFY2(users->permissionText().contains(QStringLiteral("alice")), qPrintable(users->permissionText()));
    QVERIFY(!users->findChild<QPushButton *>(QStringLiteral("addUser"))->isVisibleTo(users));

    govern::setSessionCredentials({.user = "alice", .password = "s3cret-pass"});
    m_area->refresh();
    waitIdle();
    QVERIFY(!users->isReadOnly());

    // A scientist may not promote to production: the refusal names the role, nothing moves.
    govern::setSessionCredentials({.user = "bob", .password = std::nullopt});
    m_area->refresh();
    waitIdle();
    GovernedCall::setPasswordPrompt([](QWidget *, const QString &, const QString &) {
        return std::optional<QString>(QStringLiteral("wrong"));
    });
    PromoteDialog *dialog = m_area->openPromoteDialog(1);
    QVERIFY(dialog);
    waitIdle();
    dialog->setStage(govern::Stage::Production);
    dialog->promote();
    waitIdle();
    QVERIFY(!dialog->message().isEmpty());
    QCOMPARE(version(1).stage, govern::Stage::None);
    dialog->close();
    GovernedCall::setPasswordPrompt({});
    govern::setSessionCredentials({.user = "tester", .password = std::nullopt});
}

void TestGovernArea::verifyReportsABrokenChainAfterTampering()
{
    openArea();
    AuditView *audit = m_area->auditView();
    audit->verify();
    waitIdle();
    QVERIFY2(audit->banner()->headline().startsWith(QStringLiteral("Audit chain intact")),
             qPrintable(audit->banner()->headline()));

    QVERIFY(m_workspace->database().execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2").ok());
    audit->verify();
    waitIdle();
    QVERIFY2(audit->banner()->headline().contains(QStringLiteral("broken at entry 2")),
             qPrintable(audit->banner()->headline()));
}

QTEST_MAIN(TestGovernArea)
#include "test_govern_area.moc"
