// The MLflow search-filter parser and evaluator: syntax edge cases, precedence, errors
// that point at the column, and matching over run records.
#include "track/run_filter.h"
#include "track/run_filter_lexer.h"
#include "track/run_filter_parser.h"

#include <QTest>

#include <limits>

using namespace assay::track;

namespace {

RunRecord sampleRun()
{
    RunRecord run;
    run.info.runId = "0123456789abcdef0123456789abcdef";
    run.info.name = "bright-fox-7";
    run.info.experiment = "credit";
    run.info.status = RunStatus::Finished;
    run.info.startMs = 1700000000000;
    run.info.user = "alice";
    run.params = {{"max_depth", "6"}, {"lr", "0.1"}, {"note", "it's fine"}};
    run.tags = {{"team", "risk"}, {"mlflow.runName", "bright-fox-7"}};
    run.latestMetrics = {{"auc", {3, 10, 0.85}},
                         {"f1 score", {0, 10, 0.7}},
                         {"loss/train", {0, 10, 1e-3}},
                         {"bad", {0, 10, std::numeric_limits<double>::quiet_NaN()}}};
    return run;
}

bool matches(const char *filter)
{
    auto parsed = parseFilter(filter);
    if (!parsed)
        qFatal("%s", parsed.error().message.c_str());
    return matchesFilter(*parsed, sampleRun());
}

std::string errorOf(const char *filter)
{
    auto parsed = parseFilter(filter);
    return parsed ? std::string("(parsed)") : parsed.error().message;
}

} // namespace

class TestRunFilter : public QObject {
    Q_OBJECT

private slots:
    void tokenizesQuotesBackticksAndNumbers()
    {
        auto tokens = tokenizeFilter(
            "metrics.`f1 score` >= -2e-3 and params.note = 'it''s' or tags.x = \"a\\\"b\"");
        QVERIFY(tokens.ok());
        const auto &t = *tokens;
        QCOMPARE(t.size(), std::size_t{12});
        QCOMPARE(t[0].entity, std::string("metrics"));
        QCOMPARE(t[0].key, std::string("f1 score"));
        QCOMPARE(t[2].kind, FilterTokenKind::Number);
        QCOMPARE(t[2].text, std::string("-2e-3"));
        QCOMPARE(t[6].text, std::string("it's"));
        QCOMPARE(t[10].text, std::string("a\"b"));
        QCOMPARE(t[11].kind, FilterTokenKind::End);
    }

    void comparesMetricsAsNumbers()
    {
        QVERIFY(matches("metrics.auc > 0.8"));
        QVERIFY(!matches("metrics.auc > 0.85"));
        QVERIFY(matches("metrics.auc >= 0.85"));
        QVERIFY(matches("metrics.auc != 1"));
        QVERIFY(matches("metrics.`f1 score` < 0.71"));
        QVERIFY(matches("metrics.\"f1 score\" <= 0.7"));
        QVERIFY(matches("metrics.loss/train = 1e-3"));
        QVERIFY(matches("metrics.auc > -2"));
        QVERIFY(!matches("metrics.missing > -1e300"));
        QVERIFY(!matches("metrics.bad > 0") && !matches("metrics.bad <= 0"));
    }

    void comparesParamsTagsAndAttributesAsText()
    {
        QVERIFY(matches("params.max_depth = '6'"));
        QVERIFY(matches("params.max_depth = 6")); // the number as written
        QVERIFY(!matches("params.max_depth = '6.0'"));
        QVERIFY(matches("params.note = 'it\\'s fine'"));
        QVERIFY(matches("params.note = 'it''s fine'"));
        QVERIFY(matches("tags.team = 'risk'"));
        QVERIFY(!matches("tags.team != 'risk'"));
        QVERIFY(!matches("tags.absent != 'risk'"));
        QVERIFY(matches("attributes.status = 'FINISHED'"));
        QVERIFY(matches("attribute.run_name = 'bright-fox-7'"));
        QVERIFY(matches("run_name = 'bright-fox-7'"));
        QVERIFY(matches("start_time >= 1700000000000 and attributes.start_time < 1700000000001"));
        QVERIFY(!matches("end_time > 0"));
        QVERIFY(matches("attributes.user_id = 'alice' AND experiment = 'credit'"));
    }

    void likeInAndIlike()
    {
        QVERIFY(matches("tags.team LIKE 'ri%'"));
        QVERIFY(!matches("tags.team LIKE 'RI%'"));
        QVERIFY(matches("tags.team ILIKE 'RI%'"));
        QVERIFY(matches("run_name like '%fox%'"));
        QVERIFY(matches("run_name like 'bright-fo_-7'"));
        QVERIFY(!matches("run_name like 'bright'"));
        QVERIFY(matches("params.max_depth IN ('4', '6')"));
        QVERIFY(!matches("params.max_depth NOT IN ('4', '6')"));
        QVERIFY(matches("attributes.status in ('FAILED','FINISHED')"));
        QVERIFY(matches("metrics.auc in (0.85, 1)"));
        QVERIFY(likeMatch("abc", "%", false));
        QVERIFY(likeMatch("", "%", false));
        QVERIFY(likeMatch("aXbXc", "a%c", false));
        QVERIFY(!likeMatch("ab", "a_b", false));
    }

    void andBindsTighterThanOr()
    {
        // false and false or true → true only when and binds tighter
        QVERIFY(matches("metrics.auc > 2 and tags.team = 'x' or params.lr = '0.1'"));
        // true or false and false → true with precedence, false if read left to right
        QVERIFY(matches("params.lr = '0.1' or metrics.auc > 2 and tags.team = 'x'"));
        QVERIFY(!matches("(params.lr = '0.1' or metrics.auc > 2) and tags.team = 'x'"));
        QVERIFY(matches("((tags.team = 'risk'))"));
        auto tree = parseFilter("a.b = 1");
        QVERIFY(!tree.ok()); // unknown entity
        auto nested = parseFilter("metrics.a > 1 or metrics.b > 1 and metrics.c > 1");
        QVERIFY(nested.ok());
        QCOMPARE(nested->kind, FilterNode::Kind::Or);
        QCOMPARE(nested->children.size(), std::size_t{2});
        QCOMPARE(nested->children[1].kind, FilterNode::Kind::And);
    }

    void emptyFilterMatchesEverything()
    {
        QVERIFY(matches(""));
        QVERIFY(matches("   "));
    }

    void errorsPointAtTheColumn()
    {
        const std::string missing = errorOf("metrics.auc > and params.x = '1'");
        QVERIFY2(missing.starts_with("filter:1:15: expected a value after '>'"), missing.c_str());
        QVERIFY2(missing.find("\n                ^") != std::string::npos,
                 missing.c_str()); // 2 + 14 spaces
        QVERIFY(errorOf("metrics.auc >").starts_with("filter:1:14: expected a value after '>'"));
        QVERIFY(errorOf("tags.team = 'risk").starts_with("filter:1:13: unterminated string"));
        QVERIFY(errorOf("metrics.`f1 = 2").starts_with("filter:1:9: unterminated backtick"));
        QVERIFY(errorOf("(metrics.auc > 1").starts_with("filter:1:17: expected ')'"));
        QVERIFY(errorOf("metrics.auc > 1)").starts_with("filter:1:16: unmatched ')'"));
        QVERIFY(
            errorOf("metrics.auc 1").starts_with("filter:1:13: expected a comparison operator"));
        QVERIFY(errorOf("metrics.auc > 'high'").starts_with("filter:1:15: expected a number"));
        QVERIFY(errorOf("metrics.auc > 1 and").starts_with("filter:1:20: expected a comparison"));
        QVERIFY(errorOf("params.x in ('a' 'b')").starts_with("filter:1:18: expected ',' or ')'"));
        QVERIFY(errorOf("colour = 'red'").starts_with("filter:1:1: unknown attribute 'colour'"));
        QVERIFY(errorOf("metrics.auc > 1e").starts_with("filter:1:16: malformed number"));
        QVERIFY(
            errorOf("metrics.auc > 1 ; drop").starts_with("filter:1:17: unexpected character ';'"));
        QVERIFY(errorOf("metrics.auc like '1%'")
                    .starts_with("filter:1:13: LIKE and ILIKE compare text"));
    }

    void sortsNumbersNumericallyAndMissingLast()
    {
        std::vector<RunRecord> runs(4, sampleRun());
        runs[0].info.runId = "a";
        runs[0].params["lr"] = "0.5";
        runs[1].info.runId = "b";
        runs[1].params["lr"] = "10";
        runs[2].info.runId = "c";
        runs[2].params.erase("lr");
        runs[3].info.runId = "d";
        runs[3].params["lr"] = "2";
        auto field = parseRunField("params.lr");
        QVERIFY(field.ok());
        sortRuns(runs, *field, false);
        QCOMPARE(runs[0].info.runId + runs[1].info.runId + runs[2].info.runId + runs[3].info.runId,
                 std::string("adbc"));
        sortRuns(runs, *field, true);
        QCOMPARE(runs[0].info.runId + runs[1].info.runId + runs[2].info.runId + runs[3].info.runId,
                 std::string("bdac"));
        QVERIFY(parseRunField("name").ok());
        QVERIFY(!parseRunField("metrics.auc > 1").ok());
    }
};

QTEST_APPLESS_MAIN(TestRunFilter)
#include "test_run_filter.moc"
