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

// Rows drawn from correlated features; `shifted` reverses the debt–income relation.
std::map<std::string, QJsonArray> draw(std::uint64_t seed, int rows, bool shifted,
                                       bool unseenCategory)
{
    Random random(seed);
    std::map<std::string, QJsonArray> values;
    const auto put = [&](const char *name, QJsonValue value, double missingShare) {
        values[name].append(random.chance(missingShare) ? QJsonValue() : value);
    };
    for (int i = 0; i < rows; ++i) {
        const double a = random.normal(0, 1);
        const double debt = (shifted ? -0.8 : 0.8) * a + 0.6 * random.normal(0, 1);
        put("income", 50 + 10 * a, 0.05);
        put("debt", debt, 0.05);
        put("age", qint64(std::lround(40 + 8 * (0.5 * a + random.normal(0, 1)))), 0.03);
        QString segment = a < -0.5 ? QStringLiteral("basic")
                          : a < 0.5 ? QStringLiteral("plus")
                                    : QStringLiteral("premium");
        if (random.chance(0.1))
            segment = unseenCategory ? QStringLiteral("new-tier") : QStringLiteral("other");
        put("segment", segment, 0.04);
        put("owner", debt + random.normal(0, 0.5) > 0, 0.04);
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
    void initTestCase()
    {
        QJsonArray windows;
        for (const auto &window : m_windows)
            windows.append(window.json);
        QJsonArray columns;
        for (const auto &name : allColumnNames())
            columns.append(QString::fromStdString(name));
        const QJsonObject input{{QStringLiteral("columns"), columns},
                                {QStringLiteral("share"), 0.65},
                                {QStringLiteral("reference"), m_reference.json},
                                {QStringLiteral("windows"), windows}};
        m_oracle = testing::runOracleOn(QJsonDocument(input), QStringLiteral("reconstruction_error.py"))
                       .object();
        QVERIFY(!m_oracle.isEmpty());
    }

    void agreesWithNumpy()
    {
        const auto model = ReconstructionModel::fit(m_reference.table, allColumnNames());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());

        std::vector<std::string> used;
        for (const auto &name : m_oracle[QStringLiteral("columns")].toArray())
            used.push_back(name.toString().toStdString());
        QCOMPARE(model->columns(), used); // "empty" has no value to learn from
        QCOMPARE(model->keptComponents(), m_oracle[QStringLiteral("kept")].toInt());
        QCOMPARE(model->keptComponents(), m_oracle[QStringLiteral("sklearn_kept")].toInt());
        QVERIFY(model->keptComponents() > 1 && model->keptComponents() < int(used.size()));
        QVERIFY(model->explainedShare() > 0.65);

        compareErrors(model->rowErrors(m_reference.table),
                      m_oracle[QStringLiteral("reference_errors")], "reference");
        const auto windows = m_oracle[QStringLiteral("windows")].toArray();
        for (std::size_t w = 0; w < m_windows.size(); ++w) {
            const auto expected = windows[qsizetype(w)].toObject();
            const std::string what = "window " + std::to_string(w);
            compareErrors(model->rowErrors(m_windows[w].table), expected[QStringLiteral("errors")],
                          what.c_str());
            QVERIFY(std::abs(model->meanError(m_windows[w].table) -
                             expected[QStringLiteral("mean")].toDouble()) <= 1e-9);
        }
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
