// LogLineParser: one realistic line per log shape it documents, every timestamp form, ids,
// predictions as scores, pairs, class maps and classes, labels, batches, and malformed lines
// with the column of the fault.
#include "monitor/log_parser.h"

#include <QTest>

using namespace assay::monitor;

namespace {

constexpr std::int64_t kSecond = 1000000000;
// 2024-06-03T10:15:30Z
constexpr std::int64_t kJune3 = 1717409730LL * kSecond;

struct Parsed {
    bool ok = false;
    std::vector<LogRecord> records;
    LineError error;
};

// Test lines are written with ' for " (moc cannot read raw strings holding JSON).
Parsed parseWith(LogLineParser &parser, std::string_view line)
{
    std::string json(line);
    for (char &c : json)
        if (c == '\'')
            c = '"';
    Parsed parsed;
    parsed.ok = parser.parse(json, parsed.records, parsed.error);
    return parsed;
}

Parsed parse(std::string_view line, LogLineParser::Options options = {})
{
    LogLineParser parser(std::move(options));
    return parseWith(parser, line);
}

const LoggedValue *feature(const LogRecord &record, std::string_view name)
{
    for (const auto &[key, value] : record.features)
        if (key == name)
            return &value;
    return nullptr;
}

double number(const LogRecord &record, std::string_view name)
{
    const LoggedValue *value = feature(record, name);
    return value && value->kind == LoggedValue::Kind::Number ? value->number : -999;
}

std::string text(const LogRecord &record, std::string_view name)
{
    const LoggedValue *value = feature(record, name);
    return value && value->kind == LoggedValue::Kind::Text ? value->text : "<none>";
}

#define PARSED_OK(parsed)                                                                          \
    QVERIFY2((parsed).ok, (parsed).ok ? "" : (parsed).error.reason.c_str())

} // namespace

class TestLogParser : public QObject {
    Q_OBJECT

private slots:
    void flatRecord()
    {
        const auto parsed = parse("{'timestamp': '2024-06-03T10:15:30Z', 'id': 'req-17', 'age': 41, "
                                  "'income': 5200.5, 'region': 'north', 'owns_home': true, 'prediction': 0.83}");
        PARSED_OK(parsed);
        QCOMPARE(parsed.records.size(), std::size_t(1));
        const LogRecord &record = parsed.records[0];
        QCOMPARE(*record.timestampNs, kJune3);
        QCOMPARE(record.id, std::string("req-17"));
        QCOMPARE(record.features.size(), std::size_t(4));
        QCOMPARE(record.features[0].first, std::string("age")); // logged order
        QCOMPARE(number(record, "income"), 5200.5);
        QCOMPARE(text(record, "region"), std::string("north"));
        QCOMPARE(number(record, "owns_home"), 1.0);
        QCOMPARE(*record.score, 0.83);
        QVERIFY(!record.predictedClass);
        QVERIFY(!record.label);
        QCOMPARE(record.item, 0u);
    }

    void nullFeatureIsMissingAndNestedMetadataIsSkipped()
    {
        const auto parsed = parse("{'ts': 1717409730, 'age': null, 'debt': 0.4, 'model_version': '3', "
                                  "'meta': {'host': 'a'}, 'score': 0.2}");
        PARSED_OK(parsed);
        const LogRecord &record = parsed.records[0];
        QCOMPARE(record.features.size(), std::size_t(2));
        QCOMPARE(feature(record, "age")->kind, LoggedValue::Kind::Missing);
        QVERIFY(!feature(record, "meta"));
        QVERIFY(!feature(record, "model_version"));
    }

    void featuresUnderAnObject()
    {
        for (const char *key : {"features", "inputs", "input", "request"}) {
            const std::string line = std::string("{'time': '2024-06-03T10:15:30Z', 'request_id': 'r9', '") + key +
                                     "': {'age': 35, 'region': 'east'}, 'probability': 0.4}";
            const auto parsed = parse(line);
            PARSED_OK(parsed);
            QCOMPARE(parsed.records.size(), std::size_t(1));
            QCOMPARE(number(parsed.records[0], "age"), 35.0);
            QCOMPARE(text(parsed.records[0], "region"), std::string("east"));
            QCOMPARE(*parsed.records[0].score, 0.4);
            QCOMPARE(parsed.records[0].id, std::string("r9"));
        }
    }

    void mlflowDataframeRecords()
    {
        const auto parsed = parse("{'timestamp': 1717409730000, 'request_id': 'b1', 'dataframe_records': "
                                  "[{'age': 30, 'region': 'north'}, {'age': 50, 'region': 'south'}], "
                                  "'predictions': [0.1, 0.9]}");
        PARSED_OK(parsed);
        QCOMPARE(parsed.records.size(), std::size_t(2));
        QCOMPARE(number(parsed.records[1], "age"), 50.0);
        QCOMPARE(*parsed.records[0].score, 0.1);
        QCOMPARE(*parsed.records[1].score, 0.9);
        QCOMPARE(parsed.records[1].item, 1u);
        QCOMPARE(parsed.records[0].id, std::string("b1/0")); // a batch: the line id plus the item
        QCOMPARE(parsed.records[1].id, std::string("b1/1"));
        QCOMPARE(*parsed.records[1].timestampNs, kJune3);
    }

    void mlflowDataframeSplit()
    {
        const auto parsed = parse("{'ts': '2024-06-03T10:15:30Z', 'dataframe_split': {'columns': ['age', 'region'], "
                                  "'data': [[30, 'north'], [50, 'south'], [22, null]]}, 'predictions': ['no', 'yes', 'no']}");
        PARSED_OK(parsed);
        QCOMPARE(parsed.records.size(), std::size_t(3));
        QCOMPARE(text(parsed.records[1], "region"), std::string("south"));
        QCOMPARE(feature(parsed.records[2], "region")->kind, LoggedValue::Kind::Missing);
        QCOMPARE(*parsed.records[1].predictedClass, std::string("yes"));
        QVERIFY(!parsed.records[1].score);
    }

    void mlflowInstancesWithColumns()
    {
        const auto parsed = parse("{'columns': ['age', 'debt'], 'instances': [[41, 0.2], [29, 0.7]], "
                                  "'predictions': [[0.8, 0.2], [0.3, 0.7]]}");
        PARSED_OK(parsed);
        QCOMPARE(parsed.records.size(), std::size_t(2));
        QCOMPARE(number(parsed.records[1], "debt"), 0.7);
        QCOMPARE(*parsed.records[0].score, 0.2); // the pair's last class is the positive one
        QCOMPARE(*parsed.records[1].score, 0.7);
    }

    void kserveV1InstancesNamedByTheModel()
    {
        LogLineParser::Options options;
        options.featureNames = {"income", "debt", "region"};
        const auto parsed = parse("{'id': '7f3c', 'instances': [[52.0, 0.31, 'north']], 'predictions': [1]}",
                                  options);
        PARSED_OK(parsed);
        QCOMPARE(parsed.records.size(), std::size_t(1));
        QCOMPARE(number(parsed.records[0], "income"), 52.0);
        QCOMPARE(text(parsed.records[0], "region"), std::string("north"));
        QCOMPARE(*parsed.records[0].predictedClass, std::string("1")); // an integer is a class
        QCOMPARE(parsed.records[0].id, std::string("7f3c"));          // one instance: no suffix
    }

    void kserveV1ObjectInstances()
    {
        const auto parsed = parse("{'instances': [{'age': 33, 'id': 'a'}, {'age': 44, 'id': 'b'}], "
                                  "'predictions': [{'no': 0.7, 'yes': 0.3}, {'no': 0.1, 'yes': 0.9}]}");
        PARSED_OK(parsed);
        QCOMPARE(parsed.records[0].id, std::string("a")); // the instance's own id
        QCOMPARE(*parsed.records[1].score, 0.9);
        QCOMPARE(*parsed.records[1].predictedClass, std::string("yes"));
        QCOMPARE(*parsed.records[0].predictedClass, std::string("no"));
    }

    void kserveV2OneTensorPerFeature()
    {
        const auto parsed = parse(
            "{'id': 'v2-1', 'inputs': [{'name': 'age', 'shape': [2], 'datatype': 'FP32', 'data': [41, 35]}, "
            "{'name': 'region', 'shape': [2, 1], 'datatype': 'BYTES', 'data': ['north', 'east']}], "
            "'outputs': [{'name': 'predict_proba', 'shape': [2, 2], 'datatype': 'FP32', 'data': [0.6, 0.4, 0.2, 0.8]}, "
            "{'name': 'predict', 'shape': [2], 'datatype': 'INT64', 'data': [0, 1]}]}");
        PARSED_OK(parsed);
        QCOMPARE(parsed.records.size(), std::size_t(2));
        QCOMPARE(number(parsed.records[1], "age"), 35.0);
        QCOMPARE(text(parsed.records[1], "region"), std::string("east"));
        QCOMPARE(*parsed.records[0].score, 0.4);
        QCOMPARE(*parsed.records[1].score, 0.8);
        QCOMPARE(*parsed.records[1].predictedClass, std::string("1"));
    }

    void kserveV2OneMatrixWithNames()
    {
        const auto parsed = parse(
            "{'request': {'inputs': [{'name': 'input-0', 'shape': [2, 3], 'datatype': 'FP64', "
            "'parameters': {'feature_names': ['age', 'income', 'debt']}, 'data': [[41, 5200, 0.2], [35, 3100, 0.6]]}]}, "
            "'response': {'outputs': [{'name': 'output-0', 'shape': [2], 'datatype': 'FP64', 'data': [0.25, 0.75]}]}}");
        PARSED_OK(parsed);
        QCOMPARE(parsed.records.size(), std::size_t(2));
        QCOMPARE(number(parsed.records[1], "income"), 3100.0);
        QCOMPARE(*parsed.records[1].score, 0.75);
    }

    void seldonNdarrayRequestAndResponse()
    {
        const auto parsed = parse(
            "{'request': {'data': {'names': ['age', 'debt'], 'ndarray': [[41, 0.2], [29, 0.9]]}}, "
            "'response': {'data': {'names': ['no', 'yes'], 'ndarray': [[0.7, 0.3], [0.15, 0.85]]}, 'meta': {}}, "
            "'timestamp': '2024-06-03 10:15:30'}",
            {.targetColumn = {}, .positiveClass = "yes", .featureNames = {}});
        PARSED_OK(parsed);
        QCOMPARE(parsed.records.size(), std::size_t(2));
        QCOMPARE(number(parsed.records[0], "debt"), 0.2);
        QCOMPARE(*parsed.records[1].score, 0.85);
        QCOMPARE(*parsed.records[0].timestampNs, kJune3);
    }

    void seldonTensor()
    {
        const auto parsed = parse("{'data': {'names': ['a', 'b'], 'tensor': {'shape': [2, 2], 'values': [1, 2, 3, 4]}}, "
                                  "'prediction': 0.5}");
        QVERIFY(!parsed.ok); // one prediction for two instances
        const auto single = parse("{'data': {'names': ['a', 'b'], 'tensor': {'shape': [1, 2], 'values': [1, 2]}}, "
                                  "'prediction': 0.5}");
        PARSED_OK(single);
        QCOMPARE(number(single.records[0], "b"), 2.0);
        QCOMPARE(*single.records[0].score, 0.5);
    }

    void fluentdLine()
    {
        const auto parsed = parse("2024-06-03T10:15:30+00:00\tmodel.credit\t{\"age\": 41, \"prediction\": 0.3}");
        PARSED_OK(parsed);
        QCOMPARE(*parsed.records[0].timestampNs, kJune3); // Fluentd's time when the record has none
        QCOMPARE(number(parsed.records[0], "age"), 41.0);
        const auto own = parse("2024-06-03T10:15:30+00:00\tt\t{\"ts\": 1717409731, \"age\": 1}");
        PARSED_OK(own);
        QCOMPARE(*own.records[0].timestampNs, kJune3 + kSecond); // the record's own time wins
    }

    void cloudEventEnvelope()
    {
        const auto parsed = parse("{'specversion': '1.0', 'type': 'org.kubeflow.serving.inference.request', "
                                  "'source': 'credit', 'id': 'ce-42', 'time': '2024-06-03T12:15:30+02:00', "
                                  "'datacontenttype': 'application/json', 'data': {'age': 41, 'score': 0.61}}");
        PARSED_OK(parsed);
        QCOMPARE(*parsed.records[0].timestampNs, kJune3);
        QCOMPARE(parsed.records[0].id, std::string("ce-42"));
        QCOMPARE(number(parsed.records[0], "age"), 41.0);
        QVERIFY(!feature(parsed.records[0], "source"));
    }

    void cloudEventBase64Data()
    {
        // {"age": 41, "prediction": 0.7} in base64.
        const auto parsed = parse("{'specversion': '1.0', 'id': 'x', 'source': 's', 'type': 't', "
                                  "'data_base64': 'eyJhZ2UiOiA0MSwgInByZWRpY3Rpb24iOiAwLjd9'}");
        PARSED_OK(parsed);
        QCOMPARE(number(parsed.records[0], "age"), 41.0);
        QCOMPARE(*parsed.records[0].score, 0.7);
    }

    void labelOnlyRecord()
    {
        const auto parsed = parse("{'id': 'req-17', 'label': 'yes', 'timestamp': '2024-06-10T00:00:00Z'}");
        PARSED_OK(parsed);
        QCOMPARE(parsed.records.size(), std::size_t(1));
        QVERIFY(parsed.records[0].isLabelOnly());
        QCOMPARE(*parsed.records[0].label, std::string("yes"));
        for (const char *key : {"target", "actual", "ground_truth", "y_true", "default"}) {
            const auto other = parse(std::string("{'request_id': 'q', '") + key + "': 1}",
                                     {.targetColumn = "default", .positiveClass = {}, .featureNames = {}});
            PARSED_OK(other);
            QVERIFY2(other.records[0].isLabelOnly(), key);
            QCOMPARE(*other.records[0].label, std::string("1"));
        }
    }

    void predictionForms()
    {
        QCOMPARE(*parse("{'a': 1, 'probabilities': [0.3, 0.7]}").records[0].score, 0.7);
        QCOMPARE(*parse("{'a': 1, 'proba': {'0': 0.9, '1': 0.1}}").records[0].score, 0.1);
        QCOMPARE(*parse("{'a': 1, 'output': {'label': 'yes', 'score': 0.93}}").records[0].predictedClass,
                 std::string("yes"));
        QCOMPARE(*parse("{'a': 1, 'prediction': 'approved'}").records[0].predictedClass, std::string("approved"));
        const auto both = parse("{'a': 1, 'prediction': 'yes', 'probability': 0.66}");
        QCOMPARE(*both.records[0].predictedClass, std::string("yes"));
        QCOMPARE(*both.records[0].score, 0.66);
        const auto named = parse("{'a': 1, 'probabilities': {'good': 0.2, 'bad': 0.8}}",
                                 {.targetColumn = {}, .positiveClass = "good", .featureNames = {}});
        QCOMPARE(*named.records[0].score, 0.2);
    }

    void idForms()
    {
        for (const char *key : {"id", "request_id", "requestId", "prediction_id", "event_id", "uuid"}) {
            const auto parsed = parse(std::string("{'") + key + "': 'k1', 'a': 2}");
            PARSED_OK(parsed);
            QCOMPARE(parsed.records[0].id, std::string("k1"));
            QVERIFY(!feature(parsed.records[0], key));
        }
        QCOMPARE(parse("{'id': 12345, 'a': 2}").records[0].id, std::string("12345"));
    }

    void timestampKeysAndForms()
    {
        for (const char *key : {"timestamp", "time", "ts", "@timestamp", "date"}) {
            const auto parsed = parse(std::string("{'") + key + "': '2024-06-03T10:15:30Z', 'a': 1}");
            PARSED_OK(parsed);
            QCOMPARE(*parsed.records[0].timestampNs, kJune3);
        }
        QCOMPARE(*parseLogTimestamp("1717409730"), kJune3);
        QCOMPARE(*parseLogTimestamp("1717409730.5"), kJune3 + kSecond / 2);
        QCOMPARE(*parseLogTimestamp("1717409730000"), kJune3);
        QCOMPARE(*parseLogTimestamp("1717409730000000"), kJune3);
        QCOMPARE(*parseLogTimestamp("1717409730000000000"), kJune3);
        QCOMPARE(*parseLogTimestamp("2024-06-03T10:15:30"), kJune3);      // no zone: UTC
        QCOMPARE(*parseLogTimestamp("2024-06-03 10:15:30"), kJune3);
        QCOMPARE(*parseLogTimestamp("2024-06-03T12:15:30+02:00"), kJune3);
        QCOMPARE(*parseLogTimestamp("2024-06-03T05:15:30-0500"), kJune3);
        QCOMPARE(*parseLogTimestamp("2024-06-03T12:15:30+02"), kJune3);
        QCOMPARE(*parseLogTimestamp("2024-06-03T10:15:30.250Z"), kJune3 + kSecond / 4);
        QCOMPARE(*parseLogTimestamp("2024-06-03T10:15:30.123456789Z"), kJune3 + 123456789);
        QCOMPARE(*parseLogTimestamp("2024-06-03"), 1717372800LL * kSecond);
        QVERIFY(!parseLogTimestamp("yesterday"));
        QVERIFY(!parseLogTimestamp("2024-13-03T10:15:30Z"));
        QVERIFY(!parseLogTimestamp(""));
        // As JSON numbers, by magnitude too.
        QCOMPARE(*parse("{'ts': 1717409730123, 'a': 1}").records[0].timestampNs, kJune3 + 123000000);
    }

    void blankLineGivesNothing()
    {
        const auto parsed = parse("   \r");
        QVERIFY(parsed.ok);
        QVERIFY(parsed.records.empty());
    }

    void malformedLinesPointAtTheirColumn()
    {
        const auto truncated = parse("{'age': 41, 'income': 52");
        QVERIFY(!truncated.ok);
        QCOMPARE(truncated.error.column, std::size_t(25));
        QVERIFY(truncated.records.empty());

        const auto unterminated = parse("{'age': 41, 'region': 'nor");
        QVERIFY(!unterminated.ok);
        QCOMPARE(unterminated.error.column, std::size_t(23));

        const auto badValue = parse("{'age': 41, 'income': x}");
        QVERIFY(!badValue.ok);
        QCOMPARE(badValue.error.column, std::size_t(23));

        const auto array = parse("[{'age': 41}]");
        QVERIFY(!array.ok);
        QCOMPARE(array.error.column, std::size_t(1));
        QVERIFY(array.error.reason.find("array") != std::string::npos);

        const auto notJson = parse("age=41 income=52");
        QVERIFY(!notJson.ok);
        QCOMPARE(notJson.error.column, std::size_t(1));

        const auto fluentdTwoParts = parse("2024-06-03T10:15:30Z\t{\"age\": 1}");
        QVERIFY(!fluentdTwoParts.ok);
        QVERIFY(fluentdTwoParts.error.reason.find("Fluentd") != std::string::npos);

        const auto fluentdBadTime = parse("noon\ttag\t{\"age\": 1}");
        QVERIFY(!fluentdBadTime.ok);
        QCOMPARE(fluentdBadTime.error.column, std::size_t(1));

        const auto fluentdBadJson = parse("2024-06-03T10:15:30Z\ttag\t{\"age\": }");
        QVERIFY(!fluentdBadJson.ok);
        QCOMPARE(fluentdBadJson.error.column, std::size_t(34)); // the "}" where a value belongs

        const auto badTime = parse("{'timestamp': 'last tuesday', 'a': 1}");
        QVERIFY(!badTime.ok);
        QCOMPARE(badTime.error.column, std::size_t(15));

        const auto empty = parse("{}");
        QVERIFY(!empty.ok);
    }

    void wrongTensorShapes()
    {
        const auto v2 = parse("{'inputs': [{'name': 'x', 'shape': [2, 3], 'datatype': 'FP32', 'data': [1, 2, 3, 4, 5]}]}");
        QVERIFY(!v2.ok);
        QCOMPARE(v2.error.column, std::size_t(36)); // the "shape" value
        QVERIFY2(v2.error.reason.find("6 values") != std::string::npos, v2.error.reason.c_str());

        const auto uneven = parse("{'inputs': [{'name': 'a', 'shape': [2], 'data': [1, 2]}, "
                                  "{'name': 'b', 'shape': [3], 'data': [1, 2, 3]}]}");
        QVERIFY(!uneven.ok);

        const auto seldon = parse("{'data': {'names': ['a', 'b'], 'ndarray': [[1, 2], [3]]}}");
        QVERIFY(!seldon.ok);
        QCOMPARE(seldon.error.column, std::size_t(52)); // the short row

        const auto split = parse("{'dataframe_split': {'columns': ['a', 'b'], 'data': [[1, 2], [1, 2, 3]]}}");
        QVERIFY(!split.ok);
        QVERIFY(split.error.reason.find("3 values for 2 columns") != std::string::npos);

        const auto count = parse("{'instances': [[1], [2]], 'predictions': [0.1, 0.2, 0.3]}");
        QVERIFY(!count.ok);
        QVERIFY(count.error.reason.find("3 predictions for 2 instances") != std::string::npos);
    }

    void escapedStringsAreDecoded()
    {
        const auto parsed = parse("{\"city\": \"K\\u00f6ln \\\"Nord\\\"\", \"a\\tb\": 1}");
        PARSED_OK(parsed);
        QCOMPARE(text(parsed.records[0], "city"), std::string("K\xc3\xb6ln \"Nord\""));
        QCOMPARE(number(parsed.records[0], "a\tb"), 1.0);
    }

    void parserIsReusedAcrossLines()
    {
        LogLineParser parser;
        const auto bad = parseWith(parser, "{'a': ");
        QVERIFY(!bad.ok);
        const auto good = parseWith(parser, "{'a': 2, 'score': 0.1}");
        PARSED_OK(good);
        QCOMPARE(number(good.records[0], "a"), 2.0);
    }
};

QTEST_APPLESS_MAIN(TestLogParser)
#include "test_log_parser.moc"
