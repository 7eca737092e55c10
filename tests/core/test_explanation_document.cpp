// Explanation documents: every method's result reads back as the same doubles (equal values,
// missing values included; negative zero reads back as zero, as JSON writers print it), writing is
// deterministic, and bad documents are refused with the key that is wrong.
#include "explain/explanation_document.h"

#include "support/explanations.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace assay;
using assay::testing::ExplanationSamples;

namespace {

bool sameBits(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) != std::isnan(b[i]) || (!std::isnan(a[i]) && a[i] != b[i]))
            return false;
    }
    return true;
}

#define CHECK_BITS(a, b) QVERIFY2(sameBits(a, b), #a " differs after the round trip")

explain::Explanation roundTrip(const explain::Explanation &explanation,
                               std::string *bytes = nullptr)
{
    const std::string saved = explain::saveExplanationDocument(explanation);
    auto loaded = explain::loadExplanationDocument(saved, "test.json");
    if (!loaded)
        qFatal("%s", loaded.error().message.c_str());
    if (bytes)
        *bytes = saved;
    return std::move(loaded).value();
}

void compareCommon(const explain::Explanation &a, const explain::Explanation &b)
{
    QCOMPARE(b.method, a.method);
    QCOMPARE(b.createdMs, a.createdMs);
    QCOMPARE(b.params, a.params);
    QCOMPARE(b.subject.modelName, a.subject.modelName);
    QCOMPARE(b.subject.modelMd5, a.subject.modelMd5);
    QCOMPARE(b.subject.runId, a.subject.runId);
    QCOMPARE(b.subject.dataName, a.subject.dataName);
    QCOMPARE(b.subject.dataMd5, a.subject.dataMd5);
    QCOMPARE(b.subject.task, a.subject.task);
    QVERIFY(b.subject.features == a.subject.features);
    QVERIFY(b.subject.outputs == a.subject.outputs);
}

std::string withReplaced(std::string text, const std::string &from, const std::string &to)
{
    const auto at = text.find(from);
    if (at == std::string::npos)
        qFatal("'%s' is not in the document", from.c_str());
    return text.replace(at, from.size(), to);
}

} // namespace

class TestExplanationDocument : public QObject {
    Q_OBJECT

private slots:
    void shapValuesRoundTrip_data()
    {
        QTest::addColumn<int>("outputs");
        QTest::addColumn<bool>("interactions");
        QTest::newRow("binary") << 1 << false;
        QTest::newRow("binary with interactions") << 1 << true;
        QTest::newRow("multiclass with interactions") << 3 << true;
    }

    void shapValuesRoundTrip()
    {
        QFETCH(int, outputs);
        QFETCH(bool, interactions);
        ExplanationSamples samples(11 + std::uint64_t(outputs));
        const auto original = samples.shap(std::size_t(outputs), interactions);
        std::string bytes;
        const auto loaded = roundTrip(original, &bytes);
        compareCommon(original, loaded);
        const auto &a = std::get<explain::ShapExplanation>(original.result);
        const auto &b = std::get<explain::ShapExplanation>(loaded.result);
        QVERIFY(b.rowIds == a.rowIds);
        QCOMPARE(b.x.rows, a.x.rows);
        QVERIFY(b.x.features == a.x.features);
        CHECK_BITS(a.x.values, b.x.values);
        QCOMPARE(b.values.rows, a.values.rows);
        QCOMPARE(b.values.outputs, a.values.outputs);
        QCOMPARE(b.values.features, a.values.features);
        CHECK_BITS(a.values.values, b.values.values);
        CHECK_BITS(a.predictions, b.predictions);
        QCOMPARE(b.space, a.space);
        CHECK_BITS(a.interactionStrength, b.interactionStrength);
        // The same explanation gives the same bytes: the cache's objects do not churn.
        QCOMPARE(explain::saveExplanationDocument(loaded), bytes);
    }

    void kernelShapKeepsItsMethod()
    {
        ExplanationSamples samples(5);
        auto original = samples.shap(1, false);
        original.method = explain::ExplainMethod::KernelShap;
        std::get<explain::ShapExplanation>(original.result).space = "probability";
        const auto loaded = roundTrip(original);
        QCOMPARE(loaded.method, explain::ExplainMethod::KernelShap);
        QCOMPARE(std::get<explain::ShapExplanation>(loaded.result).space,
                 std::string("probability"));
    }

    void limeRoundTrip()
    {
        ExplanationSamples samples(21);
        const auto original = samples.lime();
        const auto loaded = roundTrip(original);
        compareCommon(original, loaded);
        const auto &a = std::get<explain::LimeResult>(original.result);
        const auto &b = std::get<explain::LimeResult>(loaded.result);
        QVERIFY(b.rowIds == a.rowIds);
        CHECK_BITS(a.x.values, b.x.values);
        QCOMPARE(b.explanations.size(), a.explanations.size());
        for (std::size_t i = 0; i < a.explanations.size(); ++i) {
            const auto &one = a.explanations[i];
            const auto &other = b.explanations[i];
            QCOMPARE(other.row, one.row);
            QCOMPARE(other.output, one.output);
            CHECK_BITS((std::vector<double>{one.intercept, one.localPrediction, one.modelPrediction,
                                            one.score}),
                       (std::vector<double>{other.intercept, other.localPrediction,
                                            other.modelPrediction, other.score}));
            QCOMPARE(other.terms.size(), one.terms.size());
            for (std::size_t t = 0; t < one.terms.size(); ++t) {
                QCOMPARE(other.terms[t].feature, one.terms[t].feature);
                QCOMPARE(other.terms[t].condition, one.terms[t].condition);
                CHECK_BITS(std::vector<double>{one.terms[t].weight},
                           std::vector<double>{other.terms[t].weight});
            }
        }
    }

    void permutationRoundTrip()
    {
        ExplanationSamples samples(31);
        const auto original = samples.permutation();
        const auto loaded = roundTrip(original);
        compareCommon(original, loaded);
        const auto &a = std::get<explain::PermutationResult>(original.result).importance;
        const auto &b = std::get<explain::PermutationResult>(loaded.result).importance;
        QCOMPARE(b.metric, a.metric);
        CHECK_BITS(std::vector<double>{a.baseline}, std::vector<double>{b.baseline});
        QCOMPARE(b.features.size(), a.features.size());
        for (std::size_t i = 0; i < a.features.size(); ++i) {
            QCOMPARE(b.features[i].feature, a.features[i].feature);
            CHECK_BITS((std::vector<double>{a.features[i].mean, a.features[i].std}),
                       (std::vector<double>{b.features[i].mean, b.features[i].std}));
            CHECK_BITS(a.features[i].drops, b.features[i].drops);
        }
    }

    void partialDependenceRoundTrip()
    {
        ExplanationSamples samples(41);
        const auto original = samples.partialDependence(2);
        const auto loaded = roundTrip(original);
        compareCommon(original, loaded);
        const auto &a = std::get<explain::PartialDependenceResult>(original.result).curves;
        const auto &b = std::get<explain::PartialDependenceResult>(loaded.result).curves;
        QCOMPARE(b.size(), a.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].feature, a[i].feature);
            QCOMPARE(b[i].outputs, a[i].outputs);
            CHECK_BITS(a[i].grid, b[i].grid);
            CHECK_BITS(a[i].average, b[i].average);
            QVERIFY(b[i].iceRows == a[i].iceRows);
            CHECK_BITS(a[i].ice, b[i].ice);
        }
    }

    void documentHasTheDeclaredShape()
    {
        ExplanationSamples samples(3);
        const std::string bytes = explain::saveExplanationDocument(samples.shap(1, false));
        const QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(bytes)).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(),
                 QStringLiteral("assay-explanation"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(root.value(QStringLiteral("method")).toString(), QStringLiteral("shap"));
        const QJsonObject subject = root.value(QStringLiteral("subject")).toObject();
        for (const char *key :
             {"model", "model_md5", "run_id", "data", "data_md5", "task", "features", "outputs"})
            QVERIFY2(subject.contains(QString::fromLatin1(key)), key);
        QVERIFY(bytes.find('\n') == std::string::npos); // compact
    }

    void badDocumentsNameTheKey_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("format") << "\"assay-explanation\""
                                << "\"assay-model\""
                                << "test.json: format";
        QTest::newRow("method") << "\"method\":\"shap\""
                                << "\"method\":\"magic\""
                                << "unknown method 'magic'";
        QTest::newRow("task") << "\"task\":\"binary\""
                              << "\"task\":\"ranking\""
                              << "subject.task";
        QTest::newRow("feature kind") << "\"kind\":\"numeric\""
                                      << "\"kind\":\"text\""
                                      << "subject.features[0].kind";
        QTest::newRow("values length") << "\"values\":["
                                       << "\"values\":[1,"
                                       << "result.values: expected";
        QTest::newRow("predictions type") << "\"predictions\":["
                                          << "\"predictions\":[\"x\","
                                          << "result.predictions[0]";
    }

    void badDocumentsNameTheKey()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        ExplanationSamples samples(9);
        const std::string bytes =
            withReplaced(explain::saveExplanationDocument(samples.shap(1, false)),
                         from.toStdString(), to.toStdString());
        const auto loaded = explain::loadExplanationDocument(bytes, "test.json");
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message.find(expected.toStdString()) != std::string::npos,
                 loaded.error().message.c_str());
        QVERIFY(!explain::loadExplanationDocument("{not json", "broken.json").ok());
    }
};

QTEST_GUILESS_MAIN(TestExplanationDocument)
#include "test_explanation_document.moc"
