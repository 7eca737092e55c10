// ReconstructionModel against the same pipeline written with numpy
// (tests/oracles/reconstruction_error.py) on a table with numbers, categories, booleans,
// missing values, a constant and an empty column; a window with the correlations broken
// reconstructs worse.
#include "common/random.h"
#include "monitor/reconstruction_error.h"
#include "support/oracle_json.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <map>

using namespace assay;
using namespace assay::monitor;
using table::Column;
using table::ColumnType;

namespace {

struct ColumnSpec {
    const char *name;
    ColumnType type;
    const char *jsonType;
};

const std::vector<ColumnSpec> kColumns{
    {"income", ColumnType::Float, "float"}, {"debt", ColumnType::Float, "float"},
    {"age", ColumnType::Int, "int"},        {"segment", ColumnType::String, "string"},
    {"owner", ColumnType::Bool, "bool"},    {"constant", ColumnType::Float, "float"},
    {"empty", ColumnType::Float, "float"},
};

// Rows drawn from correlated features; `shifted` reverses the debt–income relation; `noise`
// scales what is not explained by the common factor.
std::map<std::string, QJsonArray> draw(std::uint64_t seed, int rows, bool shifted,
                                       bool unseenCategory, double noise = 1)
{
    Random random(seed);
    std::map<std::string, QJsonArray> values;
    const auto put = [&](const char *name, QJsonValue value, double missingShare) {
        values[name].append(random.chance(missingShare) ? QJsonValue() : value);
    };
    for (int i = 0; i < rows; ++i) {
        const double a = random.normal(0, 1);
        const double debt = (shifted ? -0.8 : 0.8) * a + 0.6 * noise * random.normal(0, 1);
        put("income", 50 + 10 * a, 0.05);
        put("debt", debt, 0.05);
        put("age", qint64(std::lround(40 + 8 * (0.5 * a + noise * random.normal(0, 1)))), 0.03);
        QString segment = a < -0.5  ? QStringLiteral("basic")
                          : a < 0.5 ? QStringLiteral("plus")
                                    : QStringLiteral("premium");
        if (random.chance(0.1))
            segment = unseenCategory ? QStringLiteral("new-tier") : QStringLiteral("other");
        put("segment", segment, 0.04);
        put("owner", debt + noise * random.normal(0, 0.5) > 0, 0.04);
        put("constant", 1.5, 0);
        put("empty", 0.0, 1.0);
    }
    return values;
}

Column columnOf(const ColumnSpec &spec, const QJsonArray &values)
{
    Column column(spec.name, spec.type);
    std::map<std::string, std::uint32_t> codes;
    for (const auto &value : values) {
        const bool missing = value.isNull();
        column.missing().push_back(missing ? 1 : 0);
        switch (spec.type) {
        case ColumnType::Float:
            column.floats().push_back(value.toDouble());
            break;
        case ColumnType::Int:
            column.ints().push_back(value.toInteger());
            break;
        case ColumnType::Bool:
            column.bools().push_back(value.toBool() ? 1 : 0);
            break;
        case ColumnType::String: {
            const std::string text = value.toString().toStdString();
            const auto [it, added] = codes.emplace(text, std::uint32_t(codes.size()));
            if (added)
                column.dictionary().push_back(text);
            column.codes().push_back(it->second);
            break;
        }
        case ColumnType::Datetime:
            break;
        }
    }
    return column;
}

struct Sample {
    table::Table table;
    QJsonObject json; // the oracle's form
};

Sample sampleOf(const std::map<std::string, QJsonArray> &values,
                const std::vector<std::string> &leaveOut = {})
{
    Sample sample;
    std::vector<Column> columns;
    for (const auto &spec : kColumns) {
        if (std::find(leaveOut.begin(), leaveOut.end(), spec.name) != leaveOut.end())
            continue;
        const QJsonArray &column = values.at(spec.name);
        columns.push_back(columnOf(spec, column));
        sample.json.insert(QLatin1String(spec.name),
                           QJsonObject{{QStringLiteral("type"), QLatin1String(spec.jsonType)},
                                       {QStringLiteral("values"), column}});
    }
    sample.table = table::Table(std::move(columns));
    return sample;
}

std::vector<std::string> allColumnNames()
{
    std::vector<std::string> names;
    for (const auto &spec : kColumns)
        names.emplace_back(spec.name);
    return names;
}

void compareErrors(const std::vector<double> &ours, const QJsonValue &theirs, const char *what)
{
    const auto expected = testing::toDoubles(theirs);
    QCOMPARE(ours.size(), expected.size());
    for (std::size_t i = 0; i < ours.size(); ++i)
        if (!(std::abs(ours[i] - expected[i]) <= 1e-9))
            QFAIL(qPrintable(QStringLiteral("%1 row %2: %3 vs numpy %4")
                                 .arg(QLatin1String(what))
                                 .arg(i)
                                 .arg(ours[i], 0, 'g', 17)
                                 .arg(expected[i], 0, 'g', 17)));
}

QJsonObject runOracle(const Sample &reference, const std::vector<Sample> &windows)
{
    QJsonArray windowsJson;
    for (const auto &window : windows)
        windowsJson.append(window.json);
    QJsonArray columns;
    for (const auto &name : allColumnNames())
        columns.append(QString::fromStdString(name));
    const QJsonObject input{{QStringLiteral("columns"), columns},
                            {QStringLiteral("share"), 0.65},
                            {QStringLiteral("reference"), reference.json},
                            {QStringLiteral("windows"), windowsJson}};
    return testing::runOracleOn(QJsonDocument(input), QStringLiteral("reconstruction_error.py"))
        .object();
}

// Fits on `reference` and compares the kept components and every row's error with numpy's.
void compareWithNumpy(const Sample &reference, const std::vector<Sample> &windows,
                      const QJsonObject &oracle)
{
    QVERIFY(!oracle.isEmpty());
    const auto model = ReconstructionModel::fit(reference.table, allColumnNames());
    QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());

    std::vector<std::string> used;
    for (const auto &name : oracle[QStringLiteral("columns")].toArray())
        used.push_back(name.toString().toStdString());
    QCOMPARE(model->columns(), used); // "empty" has no value to learn from
    QCOMPARE(model->keptComponents(), oracle[QStringLiteral("kept")].toInt());
    QCOMPARE(model->keptComponents(), oracle[QStringLiteral("sklearn_kept")].toInt());
    QVERIFY(model->explainedShare() > 0.65);

    compareErrors(model->rowErrors(reference.table), oracle[QStringLiteral("reference_errors")],
                  "reference");
    const auto expectedWindows = oracle[QStringLiteral("windows")].toArray();
    for (std::size_t w = 0; w < windows.size(); ++w) {
        const auto expected = expectedWindows[qsizetype(w)].toObject();
        const std::string what = "window " + std::to_string(w);
        compareErrors(model->rowErrors(windows[w].table), expected[QStringLiteral("errors")],
                      what.c_str());
        QVERIFY(std::abs(model->meanError(windows[w].table) -
                         expected[QStringLiteral("mean")].toDouble()) <= 1e-9);
    }
}

} // namespace

class TestReconstructionError : public QObject {
    Q_OBJECT

    const Sample m_reference = sampleOf(draw(401, 3000, false, false));
    const std::vector<Sample> m_windows{
        sampleOf(draw(402, 500, false, true)),             // like the reference, a new category
        sampleOf(draw(403, 500, false, false), {"owner"}), // one column not logged at all
        sampleOf(draw(404, 500, true, false)),             // debt now falls with income
    };
    QJsonObject m_oracle;

private slots:
    void initTestCase() { m_oracle = runOracle(m_reference, m_windows); }

    void agreesWithNumpy()
    {
        compareWithNumpy(m_reference, m_windows, m_oracle);
        // Few components of several: a residual has more dimensions than the projection.
        QCOMPARE(m_oracle[QStringLiteral("kept")].toInt(), 2);
    }

    void agreesWithNumpyWhenOneComponentDominates()
    {
        // Almost everything follows one factor: one component of six, so the error goes
        // through the projection rather than the discarded components.
        const Sample reference = sampleOf(draw(411, 2000, false, false, 0.05));
        const std::vector<Sample> windows{sampleOf(draw(412, 300, true, true, 0.05))};
        const QJsonObject oracle = runOracle(reference, windows);
        QCOMPARE(oracle[QStringLiteral("kept")].toInt(), 1);
        compareWithNumpy(reference, windows, oracle);
    }

    void brokenCorrelationsReconstructWorse()
    {
        const auto model = ReconstructionModel::fit(m_reference.table, allColumnNames());
        QVERIFY(model.ok());
        const double reference = model->meanError(m_reference.table);
        const double similar = model->meanError(m_windows[0].table);
        const double shifted = model->meanError(m_windows[2].table);
        QVERIFY2(std::abs(similar - reference) < 0.1 * reference,
                 qPrintable(QStringLiteral("%1 vs reference %2").arg(similar).arg(reference)));
        QVERIFY2(shifted > 1.3 * reference,
                 qPrintable(QStringLiteral("%1 vs reference %2").arg(shifted).arg(reference)));
    }

    void refusesWhatItCannotFit()
    {
        const auto unknown = ReconstructionModel::fit(m_reference.table, {"income", "salary"});
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, ErrorKind::InvalidInput);
        QVERIFY(unknown.error().message.find("'salary'") != std::string::npos);

        const auto tooFew = ReconstructionModel::fit(m_reference.table, {"income", "empty"});
        QVERIFY(!tooFew.ok());
        QCOMPARE(tooFew.error().kind, ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestReconstructionError)
#include "test_reconstruction_error.moc"
