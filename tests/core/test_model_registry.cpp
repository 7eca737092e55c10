// The model registry: version numbering, every reference form, the promotion gate (each check
// failing alone, all failing together and listed, all passing), archiving the production
// version it replaces, the history of who did what when and why, and alias moves.
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "govern/model_registry.h"
#include "model/training_run.h"
#include "stats/profile.h"
#include "track/clock.h"
#include "track/tracking_store.h"
#include "validate/schema_inference.h"
#include "validate/schema_json.h"
#include "workspace/workspace.h"

#include "support/check_ok.h"
#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <sstream>

using namespace assay;
using assay::testing::pathOf;
using assay::testing::writeFile;
namespace fs = std::filesystem;

namespace {

// Rows whose target follows x1 and x2; `drifted` moves x1 and x2 and brings a new colour.
std::string creditLikeCsv(bool drifted)
{
    std::ostringstream out;
    out << "x1,x2,color,y\n";
    const char *colors[] = {"red", "green", "blue"};
    for (int i = 0; i < 400; ++i) {
        const double x1 = (i * 37 % 100) / 100.0;
        const double x2 = (i * 53 % 100) / 100.0;
        const double noise = (i * 17 % 10) / 20.0;
        const int y = x1 + 0.3 * x2 + noise > 0.8 ? 1 : 0;
        out << (drifted ? x1 + 3 : x1) << "," << (drifted ? x2 * 5 : x2) << ","
            << (drifted ? "purple" : colors[i % 3]) << "," << y << "\n";
    }
    return out.str();
}

std::vector<std::string> failedCheckNames(const govern::GateResult &result)
{
    std::vector<std::string> names;
    for (const auto &check : result.checks)
        if (!check.passed)
            names.push_back(check.name);
    return names;
}

} // namespace

class TestModelRegistry : public QObject {
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_dir;
    fs::path m_root;
    std::optional<workspace::Workspace> m_ws;
    std::string m_logistic; // run ids
    std::string m_tree;

    workspace::Workspace &ws() { return *m_ws; }

    std::string train(const std::string &trainer, const std::map<std::string, std::string> &params)
    {
        model::TrainRequest request;
        request.data = (m_root / "data/train.csv").string();
        request.target = "y";
        request.trainer = trainer;
        request.params = params;
        request.seed = 7;
        auto trained = model::trainAndRecord(ws(), request);
        if (!trained)
            qFatal("training failed: %s", trained.error().message.c_str());
        return trained->runId;
    }

    // A gate where every check passes; tests then break one part of it.
    govern::PromotionGate passingGate()
    {
        govern::PromotionGate gate;
        gate.schemaPath = "data/train.schema.json";
        gate.modelTestsPath = "tests/lenient.yaml";
        gate.minMetrics["test_roc_auc"] = 0.5;
        gate.driftCurrent = "data/train.csv";
        gate.maxDriftShare = 0;
        return gate;
    }

    int transitionCount()
    {
        auto list = govern::transitions(ws(), "risk");
        return list ? static_cast<int>(list->size()) : -1;
    }

    int auditCount()
    {
        auto entries = govern::readAudit(ws().database());
        return entries ? static_cast<int>(entries->size()) : -1;
    }

private slots:
    void init()
    {
        govern::setSessionCredentials({.user = "alice", .password = std::nullopt});
        m_dir.emplace();
        m_root = pathOf(*m_dir);
        auto opened = workspace::Workspace::init(m_root);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        m_ws.emplace(std::move(*opened));
        m_root = ws().root();
        writeFile(m_root / "data/train.csv", creditLikeCsv(false));
        writeFile(m_root / "data/drifted.csv", creditLikeCsv(true));
        writeFile(m_root / "tests/lenient.yaml", "tests:\n  - name: ranks\n    metric: roc_auc\n    min: 0.5\n");
        writeFile(m_root / "tests/strict.yaml",
                  "tests:\n  - name: near perfect\n    metric: roc_auc\n    min: 0.999\n"
                  "  - name: probabilities\n    prediction_range: {min: 0, max: 1}\n");
        auto profile = stats::profileFile(m_root / "data/train.csv");
        QVERIFY(profile.ok());
        validate::Schema schema = validate::inferSchema(*profile);
        CHECK_OK(validate::saveSchema(schema, m_root / "data/train.schema.json"));
        QVERIFY(schema.column("x1"));
        schema.column("x1")->min = 0;
        schema.column("x1")->max = 0.2; // the training data reaches 0.99
        CHECK_OK(validate::saveSchema(schema, m_root / "data/narrow.schema.json"));
        m_logistic = train("logreg", {});
        m_tree = train("tree", {{"max_depth", "3"}});
    }

    void cleanup()
    {
        m_ws.reset();
        m_dir.reset();
    }

    void registerNumbersVersionsPerName()
    {
        auto first = govern::registerModel(ws(), "risk", m_logistic, "logistic");
        CHECK_OK(first);
        QCOMPARE(first->version, 1);
        QCOMPARE(first->runId, m_logistic);
        QCOMPARE(first->modelMd5.size(), std::size_t(32));
        QCOMPARE(first->stage, govern::Stage::None);
        QCOMPARE(first->createdBy, std::string("alice"));
        QCOMPARE(govern::registerModel(ws(), "risk", m_tree.substr(0, 8))->version, 2);
        QCOMPARE(govern::registerModel(ws(), "risk", m_logistic)->version, 3);
        QCOMPARE(govern::registerModel(ws(), "other", m_tree)->version, 1);

        auto models = govern::listModels(ws());
        CHECK_OK(models);
        QCOMPARE(models->size(), std::size_t(2));
        QCOMPARE(models->at(1).name, std::string("risk"));
        QCOMPARE(models->at(1).versions.size(), std::size_t(3));
        QCOMPARE(models->at(1).versions[1].runId, m_tree);
        QCOMPARE(models->at(1).versions[0].description, std::string("logistic"));

        auto audit = govern::readAudit(ws().database(), {.action = "registry."});
        CHECK_OK(audit);
        QCOMPARE(audit->size(), std::size_t(4));
        QCOMPARE(audit->back().action, std::string("registry.register"));
        QCOMPARE(audit->back().object, std::string("other:1"));
    }

    void registerRefusesWhatCannotBeRegistered()
    {
        QCOMPARE(govern::registerModel(ws(), "risk", "feedbeef00").error().kind, ErrorKind::NotFound);
        QCOMPARE(govern::registerModel(ws(), "risk:2", m_tree).error().kind, ErrorKind::InvalidInput);
        QCOMPARE(govern::registerModel(ws(), "", m_tree).error().kind, ErrorKind::InvalidInput);

        auto store = track::TrackingStore::open(ws());
        CHECK_OK(store);
        auto bare = store->startRun({});
        CHECK_OK(bare);
        CHECK_OK(store->finishRun(*bare, track::RunStatus::Finished));
        auto noModel = govern::registerModel(ws(), "risk", *bare);
        QCOMPARE(noModel.error().kind, ErrorKind::InvalidInput);
        QVERIFY(noModel.error().message.find("model/model.json") != std::string::npos);
        QCOMPARE(govern::listModels(ws())->size(), std::size_t(0)); // nothing half-made
    }

    void resolveEveryReferenceForm()
    {
        CHECK_OK(govern::registerModel(ws(), "risk", m_logistic));
        CHECK_OK(govern::registerModel(ws(), "risk", m_tree));
        CHECK_OK(govern::registerModel(ws(), "risk", m_logistic));
        CHECK_OK(govern::promote(ws(), "risk", 1, govern::Stage::Production, "first"));
        CHECK_OK(govern::promote(ws(), "risk", 2, govern::Stage::Staging, ""));
        CHECK_OK(govern::setAlias(ws(), "risk", "champion", 2));

        QCOMPARE(govern::resolveModelVersion(ws(), "risk")->version, 3);
        QCOMPARE(govern::resolveModelVersion(ws(), "risk:latest")->version, 3);
        QCOMPARE(govern::resolveModelVersion(ws(), "risk:1")->version, 1);
        QCOMPARE(govern::resolveModelVersion(ws(), "risk:2")->runId, m_tree);
        QCOMPARE(govern::resolveModelVersion(ws(), "risk@champion")->version, 2);
        QCOMPARE(govern::resolveModelVersion(ws(), "risk:production")->version, 1);
        QCOMPARE(govern::resolveModelVersion(ws(), "risk:staging")->version, 2);
        QCOMPARE(govern::resolveModelVersion(ws(), "risk:none")->version, 3);

        auto missingVersion = govern::resolveModelVersion(ws(), "risk:9");
        QCOMPARE(missingVersion.error().kind, ErrorKind::NotFound);
        QCOMPARE(missingVersion.error().message, std::string("risk has no version 9"));
        QCOMPARE(govern::resolveModelVersion(ws(), "nope").error().message, std::string("no registered model 'nope'"));
        QCOMPARE(govern::resolveModelVersion(ws(), "risk@nobody").error().message,
                 std::string("risk has no alias 'nobody'"));
        QCOMPARE(govern::resolveModelVersion(ws(), "risk:archived").error().message,
                 std::string("no version of risk is in archived"));
        QCOMPARE(govern::resolveModelVersion(ws(), "risk:prod").error().kind, ErrorKind::InvalidInput);
        QCOMPARE(govern::resolveModelVersion(ws(), ":1").error().kind, ErrorKind::InvalidInput);

        auto opened = govern::openModelVersion(ws(), *govern::resolveModelVersion(ws(), "risk@champion"));
        CHECK_OK(opened);
        QCOMPARE(opened->runId, m_tree);
    }

    void refusedWhenOneCheckFails_data()
    {
        QTest::addColumn<QString>("failing");
        QTest::newRow("schema") << QStringLiteral("schema");
        QTest::newRow("model tests") << QStringLiteral("model_tests");
        QTest::newRow("metric") << QStringLiteral("metric test_roc_auc");
        QTest::newRow("drift") << QStringLiteral("drift");
    }

    void refusedWhenOneCheckFails()
    {
        QFETCH(QString, failing);
        CHECK_OK(govern::registerModel(ws(), "risk", m_logistic));
        govern::PromotionGate gate = passingGate();
        if (failing == QStringLiteral("schema"))
            gate.schemaPath = "data/narrow.schema.json";
        else if (failing == QStringLiteral("model_tests"))
            gate.modelTestsPath = "tests/strict.yaml";
        else if (failing == QStringLiteral("drift"))
            gate.driftCurrent = "data/drifted.csv";
        else
            gate.minMetrics["test_roc_auc"] = 0.9999;
        CHECK_OK(govern::setGate(ws(), "risk", gate));

        auto evaluated = govern::evaluateGate(ws(), "risk", 1);
        CHECK_OK(evaluated);
        QVERIFY(!evaluated->passed);
        QCOMPARE(evaluated->checks.size(), std::size_t(5));
        QCOMPARE(failedCheckNames(*evaluated), std::vector<std::string>{failing.toStdString()});

        auto promoted = govern::promote(ws(), "risk", 1, govern::Stage::Production, "try");
        QVERIFY(!promoted.ok());
        QCOMPARE(promoted.error().kind, ErrorKind::Refused);
        const std::string &message = promoted.error().message;
        QVERIFY2(message.find("\n  " + failing.toStdString() + ": ") != std::string::npos, message.c_str());
        QCOMPARE(std::count(message.begin(), message.end(), '\n'), 1L);
        QCOMPARE(govern::resolveModelVersion(ws(), "risk:1")->stage, govern::Stage::None);
    }

    void refusalListsEveryFailedCheckAndIsRecorded()
    {
        CHECK_OK(govern::registerModel(ws(), "risk", m_logistic));
        govern::PromotionGate gate;
        gate.schemaPath = "data/narrow.schema.json";
        gate.modelTestsPath = "tests/strict.yaml";
        gate.minMetrics["test_roc_auc"] = 0.9999;
        gate.minMetrics["never_logged"] = 1;
        gate.driftCurrent = "data/drifted.csv";
        CHECK_OK(govern::setGate(ws(), "risk", gate));
        const int auditBefore = auditCount();

        auto promoted = govern::promote(ws(), "risk", 1, govern::Stage::Production, "ship it");
        QCOMPARE(promoted.error().kind, ErrorKind::Refused);
        std::istringstream lines(promoted.error().message);
        std::vector<std::string> listed;
        std::string line;
        std::getline(lines, line);
        QVERIFY(line.find("risk version 1 may not go to production") != std::string::npos);
        while (std::getline(lines, line))
            listed.push_back(line.substr(0, line.find(':')));
        const std::vector<std::string> expected{"  schema", "  model_tests", "  metric never_logged",
                                                "  metric test_roc_auc", "  drift"};
        QCOMPARE(listed, expected);

        auto history = govern::transitions(ws(), "risk", 1);
        CHECK_OK(history);
        QCOMPARE(history->size(), std::size_t(1));
        const govern::Transition &refusal = history->front();
        QCOMPARE(refusal.kind, std::string("refused"));
        QCOMPARE(refusal.fromValue, std::string("none"));
        QCOMPARE(refusal.toValue, std::string("production"));
        QCOMPARE(refusal.actor, std::string("alice"));
        QCOMPARE(refusal.reason, std::string("ship it"));
        auto checks = govern::parseGateChecks(refusal.checksJson);
        CHECK_OK(checks);
        QCOMPARE(checks->size(), std::size_t(6));
        QCOMPARE(checks->back().name, std::string("approver"));
        QVERIFY(checks->back().passed);
        QCOMPARE(checks->back().detail, std::string("access control off: no approver required"));

        auto audit = govern::readAudit(ws().database());
        CHECK_OK(audit);
        QCOMPARE(static_cast<int>(audit->size()), auditBefore + 1);
        QCOMPARE(audit->back().action, std::string("registry.promote"));
        QCOMPARE(audit->back().outcome, std::string("refused"));
        QCOMPARE(audit->back().object, std::string("risk:1"));
    }

    void trainingDataThatChangedSinceTheRunFailsTheDataChecks()
    {
        CHECK_OK(govern::registerModel(ws(), "risk", m_logistic));
        govern::PromotionGate gate = passingGate();
        gate.modelTestsPath.reset();
        CHECK_OK(govern::setGate(ws(), "risk", gate));
        writeFile(m_root / "data/train.csv", creditLikeCsv(true)); // no git history holds the old bytes
        auto evaluated = govern::evaluateGate(ws(), "risk", 1);
        CHECK_OK(evaluated);
        QCOMPARE(failedCheckNames(*evaluated), (std::vector<std::string>{"schema", "drift"}));
        QVERIFY2(evaluated->checks[0].detail.find("data/train.csv") != std::string::npos &&
                     evaluated->checks[0].detail.find("nor in the working tree") != std::string::npos,
                 evaluated->checks[0].detail.c_str());
    }

    void evaluatingChangesNothing()
    {
        CHECK_OK(govern::registerModel(ws(), "risk", m_logistic));
        CHECK_OK(govern::setGate(ws(), "risk", passingGate()));
        const int transitionsBefore = transitionCount();
        const int auditBefore = auditCount();
        auto evaluated = govern::evaluateGate(ws(), "risk", 1);
        CHECK_OK(evaluated);
        QVERIFY(evaluated->passed);
        QCOMPARE(transitionCount(), transitionsBefore);
        QCOMPARE(auditCount(), auditBefore);
        QCOMPARE(govern::resolveModelVersion(ws(), "risk:1")->stage, govern::Stage::None);
    }

    void promotedWhenTheGatePassesAndThePreviousIsArchived()
    {
        CHECK_OK(govern::registerModel(ws(), "risk", m_logistic));
        CHECK_OK(govern::registerModel(ws(), "risk", m_tree));
        CHECK_OK(govern::setGate(ws(), "risk", passingGate()));

        auto first = govern::promote(ws(), "risk", 1, govern::Stage::Production, "first model");
        CHECK_OK(first);
        QVERIFY(first->passed);
        std::vector<std::string> names;
        for (const auto &check : first->checks)
            names.push_back(check.name);
        QCOMPARE(names, (std::vector<std::string>{"schema", "model_tests", "metric test_roc_auc", "drift", "approver"}));
        QVERIFY(first->checks[2].detail.find("test_roc_auc") != std::string::npos);
        QVERIFY(first->checks[3].detail.find("0 of 3 columns drifted") != std::string::npos);

        CHECK_OK(govern::promote(ws(), "risk", 2, govern::Stage::Production, "the tree ranks better"));
        auto model = govern::showModel(ws(), "risk");
        CHECK_OK(model);
        QCOMPARE(model->versions[0].stage, govern::Stage::Archived);
        QCOMPARE(model->versions[1].stage, govern::Stage::Production);

        auto archived = govern::transitions(ws(), "risk", 1);
        CHECK_OK(archived);
        QCOMPARE(archived->size(), std::size_t(2));
        QCOMPARE(archived->back().fromValue, std::string("production"));
        QCOMPARE(archived->back().toValue, std::string("archived"));
        QCOMPARE(archived->back().reason, std::string("replaced in production by version 2"));
        auto stored = govern::parseGateChecks(govern::transitions(ws(), "risk", 2)->back().checksJson);
        CHECK_OK(stored);
        QCOMPARE(stored->size(), std::size_t(5));

        auto again = govern::promote(ws(), "risk", 2, govern::Stage::Production, "");
        QCOMPARE(again.error().kind, ErrorKind::InvalidInput);
    }

    void historyKeepsWhoWhenWhy()
    {
        const std::int64_t before = track::nowMs();
        CHECK_OK(govern::registerModel(ws(), "risk", m_logistic));
        CHECK_OK(govern::promote(ws(), "risk", 1, govern::Stage::Staging, "shadow traffic first"));
        govern::setSessionCredentials({.user = "bob", .password = std::nullopt});
        CHECK_OK(govern::promote(ws(), "risk", 1, govern::Stage::Production, "shadow run matched"));
        CHECK_OK(govern::promote(ws(), "risk", 1, govern::Stage::Archived, "retired"));
        const std::int64_t after = track::nowMs();

        auto history = govern::transitions(ws(), "risk");
        CHECK_OK(history);
        QCOMPARE(history->size(), std::size_t(3));
        const std::vector<std::array<std::string, 5>> expected{
            {"alice", "stage", "none", "staging", "shadow traffic first"},
            {"bob", "stage", "staging", "production", "shadow run matched"},
            {"bob", "stage", "production", "archived", "retired"}};
        std::int64_t previous = before;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const auto &t = history->at(i);
            QCOMPARE((std::array<std::string, 5>{t.actor, t.kind, t.fromValue, t.toValue, t.reason}), expected[i]);
            QVERIFY(t.timeMs >= previous && t.timeMs <= after);
            previous = t.timeMs;
        }
        auto audit = govern::readAudit(ws().database());
        CHECK_OK(audit);
        QCOMPARE(audit->back().actor, std::string("bob"));
        QCOMPARE(audit->back().action, std::string("registry.promote"));
        QVERIFY(audit->back().details.find("retired") != std::string::npos);
    }

    void aliasMovesBetweenVersions()
    {
        CHECK_OK(govern::registerModel(ws(), "risk", m_logistic));
        CHECK_OK(govern::registerModel(ws(), "risk", m_tree));
        CHECK_OK(govern::setAlias(ws(), "risk", "champion", 1, "first"));
        CHECK_OK(govern::setAlias(ws(), "risk", "champion", 2, "better"));
        CHECK_OK(govern::setAlias(ws(), "risk", "champion", 2, "again")); // no move, no record

        auto model = govern::showModel(ws(), "risk");
        CHECK_OK(model);
        QVERIFY(model->versions[0].aliases.empty());
        QCOMPARE(model->versions[1].aliases, std::vector<std::string>{"champion"});
        auto history = govern::transitions(ws(), "risk");
        CHECK_OK(history);
        QCOMPARE(history->size(), std::size_t(2));
        QCOMPARE(history->at(0).kind, std::string("alias"));
        QCOMPARE(history->at(0).fromValue, std::string());
        QCOMPARE(history->at(1).version, 2);
        QCOMPARE(history->at(1).fromValue, std::string("1"));
        QCOMPARE(history->at(1).toValue, std::string("champion"));
        QCOMPARE(history->at(1).reason, std::string("better"));
        QCOMPARE(govern::readAudit(ws().database())->back().action, std::string("registry.alias"));

        QCOMPARE(govern::setAlias(ws(), "risk", "42", 1).error().kind, ErrorKind::InvalidInput);
        QCOMPARE(govern::setAlias(ws(), "risk", "champion", 7).error().kind, ErrorKind::NotFound);
    }

    void gateJsonRoundTripsAndNamesBadKeys()
    {
        govern::PromotionGate gate = passingGate();
        gate.driftReference = "data/train.csv@v1";
        gate.maxDriftShare = 0.25;
        auto parsed = govern::parseGate(govern::gateJson(gate));
        CHECK_OK(parsed);
        QCOMPARE(govern::gateJson(*parsed), govern::gateJson(gate));
        QCOMPARE(parsed->minMetrics.at("test_roc_auc"), 0.5);
        QCOMPARE(*parsed->driftReference, std::string("data/train.csv@v1"));
        QVERIFY(govern::gateIsEmpty(*govern::parseGate("{\"require_approver\": true}")));

        QCOMPARE(govern::parseGate("{\"schemas\": \"x\"}").error().message, std::string("gate.schemas: unknown key"));
        QCOMPARE(govern::parseGate("{\"min_metrics\": {\"auc\": \"high\"}}").error().message,
                 std::string("gate.min_metrics.auc: expected a number"));
        QCOMPARE(govern::parseGate("{\"drift\": {\"reference\": \"a.csv\"}}").error().message,
                 std::string("gate.drift.current: expected a non-empty string"));
        QCOMPARE(govern::parseGate("{\"drift\": {\"current\": \"a.csv\", \"max_drift_share\": 2}}").error().kind,
                 ErrorKind::InvalidInput);
        QCOMPARE(govern::parseGate("{\"require_approver\": false}").error().kind, ErrorKind::InvalidInput);
        QCOMPARE(govern::parseGate("[1]").error().kind, ErrorKind::InvalidInput);

        CHECK_OK(govern::registerModel(ws(), "risk", m_logistic));
        gate.schemaPath = "data/missing.schema.json";
        QCOMPARE(govern::setGate(ws(), "risk", gate).error().kind, ErrorKind::NotFound);
        QVERIFY(govern::gateIsEmpty(*govern::gate(ws(), "risk")));
    }
};

QTEST_GUILESS_MAIN(TestModelRegistry)
#include "test_model_registry.moc"
