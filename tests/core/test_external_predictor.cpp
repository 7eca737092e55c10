// The external predict command: rows go out as CSV (header, category labels, empty missing
// values), predictions come back one line per row; a command that crashes, fails, prints too few
// lines, too many, text, ragged class rows, a changing class count or nothing is a clear error
// with its stderr; flooding stdout is stopped; a background process holding stdout does not
// hang it; 50k rows in one batch do not deadlock; cancelling kills it; KernelSHAP through it equals KernelSHAP through the
// model it imitates.
#include "explain/background.h"
#include "explain/external_predictor.h"
#include "explain/kernel_shap.h"
#include "support/explain_models.h"
#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cmath>
#include <limits>
#include <thread>

using namespace assay;
using namespace assay::model;
using namespace assay::explain;

namespace {

// f0, f1 numeric (f1 sometimes missing), colour categorical.
FeatureMatrix mixedRows(std::size_t rows, std::uint64_t seed)
{
    FeatureMatrix x = testing::randomMatrix(testing::numericFeatures(3), rows, seed);
    x.features[2] = {.name = "colour",
                     .kind = FeatureKind::Categorical,
                     .categories = {"red", "dark, blue", "say \"green\""}};
    for (std::size_t r = 0; r < rows; ++r) {
        x.values[r * 3 + 2] = double(r % 4 == 3 ? 0 : r % 3);
        if (r % 5 == 2)
            x.values[r * 3 + 1] = std::numeric_limits<double>::quiet_NaN();
        if (r % 7 == 6)
            x.values[r * 3 + 2] = std::numeric_limits<double>::quiet_NaN();
    }
    return x;
}

// What the python predictor below computes.
double expectedPrediction(const FeatureMatrix &x, std::size_t r)
{
    const double effects[] = {0.5, -1.0, 2.0};
    const double f1 = std::isnan(x.at(r, 1)) ? 0.0 : x.at(r, 1);
    const double colour = std::isnan(x.at(r, 2)) ? 0.0 : effects[std::size_t(x.at(r, 2))];
    return 1.5 * x.at(r, 0) - 2 * f1 + colour + 0.25;
}

const char *kPythonPredictor = R"(import csv, sys
rows = csv.reader(sys.stdin)
header = next(rows)
if header != ["f0", "f1", "colour"]:
    sys.exit("unexpected header %r" % header)
effects = {"red": 0.5, "dark, blue": -1.0, 'say "green"': 2.0, "": 0.0}
for f0, f1, colour in rows:
    print(repr(1.5 * float(f0) - 2 * (float(f1) if f1 else 0.0) + effects[colour] + 0.25))
)";

} // namespace

class TestExternalPredictor : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::string script(const std::string &name, const std::string &text)
    {
        const auto path = testing::pathOf(m_dir) / name;
        testing::writeFile(path, text);
        return path.string();
    }

    static Error predictError(const std::string &command, const FeatureMatrix &x)
    {
        ExternalPredictor predictor(command);
        auto predictions = predictor.predict(x);
        if (predictions)
            qFatal("`%s` was accepted", command.c_str());
        return predictions.error();
    }

    static void verifyMentions(const Error &error, std::initializer_list<const char *> parts)
    {
        QCOMPARE(error.kind, ErrorKind::InvalidInput);
        for (const char *part : parts)
            QVERIFY2(
                error.message.find(part) != std::string::npos,
                qPrintable(QStringLiteral("'%1' not in: %2")
                               .arg(QLatin1String(part), QString::fromStdString(error.message))));
    }

private slots:
    void linearPredictorGivesItsNumbers()
    {
        const std::string command = "/usr/bin/python3 " + script("linear.py", kPythonPredictor);
        const FeatureMatrix x = mixedRows(40, 1);
        ExternalPredictor predictor(command, 15); // three batches
        QVERIFY(predictor.outputNames().empty());
        auto predictions = predictor.predict(x);
        QVERIFY2(predictions, predictions ? "" : predictions.error().message.c_str());
        QCOMPARE(predictions->rows, x.rows);
        QCOMPARE(predictions->outputs, std::size_t(1));
        for (std::size_t r = 0; r < x.rows; ++r)
            QVERIFY(std::abs(predictions->at(r, 0) - expectedPrediction(x, r)) < 1e-12);
        QCOMPARE(predictor.outputNames(), std::vector<std::string>{"prediction"});
    }

    void classRowsGiveOneOutputPerClass()
    {
        ExternalPredictor predictor("awk -F, 'NR > 1 { print 0.2 \", \" 0.3 \",\" 0.5 }'");
        auto predictions = predictor.predict(mixedRows(9, 2));
        QVERIFY(predictions);
        QCOMPARE(predictions->outputs, std::size_t(3));
        QCOMPARE(predictions->at(8, 2), 0.5);
        QCOMPARE(predictor.outputNames(),
                 (std::vector<std::string>{"class 0", "class 1", "class 2"}));
    }

    void crashIsAnErrorWithItsStderr()
    {
        const Error error = predictError("cat > /dev/null; echo 'model blew up' >&2; kill -SEGV $$",
                                         mixedRows(5, 3));
        verifyMentions(error, {"signal 11", "model blew up", "rows 0–4"});
    }

    void failureShowsTheEndOfStderr()
    {
        const Error error = predictError(
            "for i in $(seq 1 30); do echo \"trace line $i\" >&2; done; exit 3", mixedRows(5, 4));
        verifyMentions(error, {"exit code 3", "trace line 30", "trace line 11"});
        QVERIFY(error.message.find("trace line 10\n") == std::string::npos);
    }

    void tooFewLinesIsAnError()
    {
        const Error error = predictError("awk 'NR > 1 && NR < 5 { print 1 }'", mixedRows(10, 5));
        verifyMentions(error, {"printed 3 lines for 10 rows"});
    }

    void nothingPrintedIsAnError()
    {
        verifyMentions(predictError("cat > /dev/null", mixedRows(4, 6)),
                       {"printed nothing for 4 rows"});
    }

    void textIsAnErrorNamingTheLine()
    {
        const Error error = predictError(
            "awk 'NR > 1 { if (NR == 5) print \"abc\"; else print 1 }'", mixedRows(10, 7));
        verifyMentions(error, {"output line 4 (row 3)", "'abc' is not a number"});
        verifyMentions(predictError("awk 'NR > 1 { print \"nan\" }'", mixedRows(2, 7)),
                       {"output line 1", "not a finite number"});
    }

    void raggedClassRowsAreAnError()
    {
        const Error error = predictError(
            "awk 'NR > 1 { if (NR == 3) print \"0.5,0.5\"; else print \"0.2,0.3,0.5\" }'",
            mixedRows(6, 8));
        verifyMentions(error, {"output line 2 (row 1) has 2 values, line 1 has 3"});
    }

    void largeBatchDoesNotDeadlock()
    {
        // awk answers each line as it reads it, so both pipes fill up while we still write.
        const FeatureMatrix x = testing::randomMatrix(testing::numericFeatures(6), 50000, 9);
        ExternalPredictor predictor("awk -F, 'NR > 1 { printf \"%.17g\\n\", $1 + 2 * $6 }'", 50000);
        auto predictions = predictor.predict(x);
        QVERIFY2(predictions, predictions ? "" : predictions.error().message.c_str());
        QCOMPARE(predictions->rows, std::size_t(50000));
        for (std::size_t r = 0; r < x.rows; r += 997)
            QVERIFY(std::abs(predictions->at(r, 0) - (x.at(r, 0) + 2 * x.at(r, 5))) < 1e-12);
    }

    void commandThatStopsReadingIsAnErrorNotACrash()
    {
        // The pipe breaks while we write: SIGPIPE must not end the test process.
        const FeatureMatrix x = testing::randomMatrix(testing::numericFeatures(6), 50000, 10);
        verifyMentions(predictError("head -c 100 > /dev/null; exit 4", x), {"exit code 4"});
    }

    void tooManyLinesIsAnError()
    {
        const Error error = predictError("cat > /dev/null; seq 1 25", mixedRows(10, 14));
        verifyMentions(error, {"printed 25 lines for 10 rows"});
    }

    void changingTheOutputCountBetweenBatchesIsAnError()
    {
        // The first batch (4 rows, 5 lines with the header) gets one value a line, the next two.
        const std::string counter = (testing::pathOf(m_dir) / "batches").string();
        const std::string command = "n=$(cat " + counter + " 2>/dev/null || echo 0); echo $((n + 1)) > " +
                                    counter +
                                    "; awk -v n=$n 'NR > 1 { if (n == 0) print 1; else print "
                                    "\"1,2\" }'";
        ExternalPredictor predictor(command, 4);
        auto predictions = predictor.predict(mixedRows(10, 15));
        QVERIFY(!predictions);
        verifyMentions(predictions.error(), {"printed 2 values per line on rows 4–7, earlier 1"});
    }

    void floodingStdoutIsStopped()
    {
        const auto started = std::chrono::steady_clock::now();
        const Error error = predictError("yes 0.5", mixedRows(3, 16));
        verifyMentions(error, {"printed more than", "for 3 rows", "stopped"});
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    }

    void backgroundProcessHoldingStdoutDoesNotHang()
    {
        // The shell answers and exits; the sleep it left behind still holds stdout and stderr.
        const auto started = std::chrono::steady_clock::now();
        ExternalPredictor predictor("awk 'NR > 1 { print 2 }'; sleep 30 &");
        auto predictions = predictor.predict(mixedRows(4, 17));
        QVERIFY2(predictions, predictions ? "" : predictions.error().message.c_str());
        QCOMPARE(predictions->at(3, 0), 2.0);
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    }

    void cancellingKillsTheCommand()
    {
        CancellationToken token;
        std::jthread canceller([token] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            token.cancel();
        });
        ExternalPredictor predictor("sleep 30; echo 1");
        const auto started = std::chrono::steady_clock::now();
        auto predictions = predictor.predict(mixedRows(1, 11), Progress({}, token));
        QVERIFY(!predictions);
        QCOMPARE(predictions.error().kind, ErrorKind::Cancelled);
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    }

    void kernelShapThroughTheCommandEqualsThroughTheModel()
    {
        const auto model = testing::linearRegression({1.5, -2.0, 0.75, 3.0}, 0.25);
        const auto features = model->signature().features;
        auto background = summarizeBackground(testing::randomMatrix(features, 100, 12), 5, 1);
        QVERIFY(background);
        const FeatureMatrix x = testing::randomMatrix(features, 20, 13);
        const KernelShapOptions options{.coalitions = 0, .seed = 5};

        ModelPredictor modelPredictor(*model, 1);
        auto expected = kernelShap(modelPredictor, *background, x, options);
        QVERIFY(expected);
        ExternalPredictor command("awk -F, 'NR > 1 { printf \"%.17g\\n\", "
                                  "0.25 + 1.5 * $1 - 2 * $2 + 0.75 * $3 + 3 * $4 }'");
        auto shap = kernelShap(command, *background, x, options);
        QVERIFY2(shap, shap ? "" : shap.error().message.c_str());
        QCOMPARE(shap->values.size(), expected->values.size());
        for (std::size_t i = 0; i < shap->values.size(); ++i)
            QVERIFY(std::abs(shap->values[i] - expected->values[i]) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestExternalPredictor)
#include "test_external_predictor.moc"
