// Dataset profiles a user relies on: exact statistics on small tables, profiles built in parts
// equal to the whole, type widening across chunks, and the promised bounds of the estimates
// (distinct within 2%, quantile rank error <= 0.005).
#include "stats/profile.h"
#include "table/chunk_reader.h"
#include "table/reader.h"

#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>

using namespace assay;
using namespace assay::stats;
using table::ColumnType;

namespace {

table::Table tableOf(std::string_view csv)
{
    auto read = table::readTableFromBuffer(csv, "test.csv");
    if (!read.ok())
        qFatal("%s", read.error().message.c_str());
    return std::move(read->table);
}

table::Column floatColumn(std::string name, const std::vector<double> &values)
{
    table::Column column(std::move(name), ColumnType::Float);
    column.floats() = values;
    return column;
}

const ColumnProfile &columnOf(const DatasetProfile &profile, std::string_view name)
{
    const ColumnProfile *column = profile.column(name);
    if (!column)
        qFatal("no column %s", std::string(name).c_str());
    return *column;
}

bool close(double a, double b, double relative = 1e-12)
{
    return std::abs(a - b) <= relative * std::max({1.0, std::abs(a), std::abs(b)});
}

bool close(const std::optional<double> &a, const std::optional<double> &b, double relative = 1e-12)
{
    return a.has_value() == b.has_value() && (!a || close(*a, *b, relative));
}

bool sameCounts(const std::vector<ValueCount> &a, const std::vector<ValueCount> &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto &x, const auto &y) {
               return x.value == y.value && x.count == y.count;
           });
}

// The first field where two profiles differ, or "" when they agree: exact fields must be
// identical, mean and std (summed in a different order) equal to 1e-12.
std::string firstDifference(const DatasetProfile &a, const DatasetProfile &b)
{
    if (a.rows != b.rows || a.columns.size() != b.columns.size())
        return "rows or columns";
    for (std::size_t i = 0; i < a.columns.size(); ++i) {
        const ColumnProfile &x = a.columns[i];
        const ColumnProfile &y = b.columns[i];
        const std::string at = x.name + ": ";
        if (x.name != y.name || x.type != y.type)
            return at + "name or type";
        if (x.count != y.count || x.missing != y.missing)
            return at + "count or missing";
        if (!close(x.mean, y.mean) || !close(x.std, y.std, 1e-9))
            return at + "mean or std";
        if (x.min != y.min || x.max != y.max || x.zeros != y.zeros)
            return at + "min, max or zeros";
        if (x.quantiles != y.quantiles || x.quantilesExact != y.quantilesExact)
            return at + "quantiles";
        if (x.histogram.edges != y.histogram.edges || x.histogram.counts != y.histogram.counts)
            return at + "histogram";
        if (x.distinct != y.distinct || x.distinctExact != y.distinctExact)
            return at + "distinct";
        if (!close(x.avgLength, y.avgLength) || !sameCounts(x.top, y.top))
            return at + "avg length or top";
        if (!sameCounts(x.valueCounts, y.valueCounts))
            return at + "value counts";
        if (x.datetimeMin != y.datetimeMin || x.datetimeMax != y.datetimeMax)
            return at + "datetime range";
    }
    return {};
}

// A deterministic, skewed stream of doubles with ties and many distinct values.
std::vector<double> skewedValues(std::size_t n, std::uint64_t seed)
{
    std::vector<double> values(n);
    std::uint64_t state = seed;
    for (double &v : values) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double u = static_cast<double>(state >> 11) / 9007199254740992.0;
        v = std::round(std::exp(4.0 * u) * 1000.0) / 100.0; // ~55k distinct, right-skewed
        if ((state >> 7) % 3 == 0)
            v += static_cast<double>((state >> 20) % 1000) * 1e-6;
    }
    return values;
}

} // namespace

class TestProfile : public QObject {
    Q_OBJECT

private slots:
    void exactStatisticsOfASmallTable()
    {
        const auto profile = profileTable(tableOf("i,s,b,d,z\n"
                                                  "1,a,true,2024-01-05T10:00:00Z,0\n"
                                                  "2,bb,false,2023-12-31T00:00:00Z,0.5\n"
                                                  "2,a,true,,0\n"
                                                  "3,ñé,true,2024-03-01T00:00:00Z,-1.5\n"
                                                  ",,,,\n"
                                                  "10,a,false,2024-01-05T10:00:00Z,0\n"),
                                          "small.csv");
        QCOMPARE(profile.rows, 6u);
        QCOMPARE(profile.source, std::string("small.csv"));

        const auto &i = columnOf(profile, "i");
        QCOMPARE(i.type, ColumnType::Int);
        QCOMPARE(i.count, 5u);
        QCOMPARE(i.missing, 1u);
        QCOMPARE(*i.mean, 3.6);
        QVERIFY(close(*i.std, std::sqrt(13.3)));
        QCOMPARE(*i.min, 1.0);
        QCOMPARE(*i.max, 10.0);
        QCOMPARE(*i.zeros, 0u);
        QCOMPARE(i.distinct, 4u);
        // pandas: position q * (n - 1) between sorted 1 2 2 3 10.
        const std::vector<double> quantiles{1.04, 1.2, 2.0, 2.0, 3.0, 8.6, 9.72};
        QCOMPARE(i.quantiles.size(), quantiles.size());
        for (std::size_t k = 0; k < quantiles.size(); ++k)
            QVERIFY2(close(i.quantiles[k], quantiles[k]),
                     (std::to_string(k) + ": " + std::to_string(i.quantiles[k])).c_str());
        QCOMPARE(i.histogram.edges.size(), std::size_t(21));
        QCOMPARE(i.histogram.edges.front(), 1.0);
        QCOMPARE(i.histogram.edges.back(), 10.0);
        std::vector<std::uint64_t> counts(20, 0);
        counts[0] = 1;
        counts[2] = 2;
        counts[4] = 1;
        counts[19] = 1;
        QCOMPARE(i.histogram.counts, counts);
        QVERIFY(i.top.empty());

        const auto &s = columnOf(profile, "s");
        QCOMPARE(s.type, ColumnType::String);
        QCOMPARE(s.count, 5u);
        QCOMPARE(s.distinct, 3u);
        QVERIFY(close(*s.avgLength, 7.0 / 5.0)); // code points: "ñé" is 2
        QCOMPARE(s.top.size(), std::size_t(3));
        QCOMPARE(s.top[0].value, std::string("a"));
        QCOMPARE(s.top[0].count, 3u);
        QCOMPARE(s.top[1].value, std::string("bb")); // ties by value
        QCOMPARE(s.top[2].value, std::string("ñé"));
        QVERIFY(!s.mean);

        const auto &b = columnOf(profile, "b");
        QCOMPARE(b.type, ColumnType::Bool);
        QCOMPARE(*b.mean, 0.6);
        QCOMPARE(b.distinct, 2u);
        QCOMPARE(b.top.front().value, std::string("true"));
        QCOMPARE(b.top.front().count, 3u);

        const auto &d = columnOf(profile, "d");
        QCOMPARE(d.type, ColumnType::Datetime);
        QCOMPARE(d.count, 4u);
        QCOMPARE(d.distinct, 3u);
        QVERIFY(d.datetimeMin && d.datetimeMax);
        QCOMPARE(*d.datetimeMin, std::int64_t(1703980800) * 1'000'000'000);
        QCOMPARE(*d.datetimeMax, std::int64_t(1709251200) * 1'000'000'000);

        const auto &z = columnOf(profile, "z");
        QCOMPARE(z.type, ColumnType::Float);
        QCOMPARE(*z.zeros, 3u);
        // Numbers' value counts come in value order, -0 counted as 0.
        QVERIFY(sameCounts(z.valueCounts, {{"-1.5", 1}, {"0", 3}, {"0.5", 1}}));
    }

    void edgeColumns()
    {
        const auto empty = profileTable(table::Table{});
        QCOMPARE(empty.rows, 0u);
        QVERIFY(empty.columns.empty());

        const auto profile = profileTable(tableOf("none,constant,one\n,5,\n,5,7.5\n,5,\n"));
        const auto &none = columnOf(profile, "none");
        QCOMPARE(none.count, 0u);
        QCOMPARE(none.missing, 3u);
        QVERIFY(!none.mean && !none.std && !none.min);
        QVERIFY(none.quantiles.empty() && none.histogram.edges.empty());
        QCOMPARE(none.distinct, 0u);

        const auto &constant = columnOf(profile, "constant");
        QCOMPARE(*constant.std, 0.0);
        QCOMPARE(constant.histogram.edges.front(), 4.5); // numpy: min - 0.5 .. max + 0.5
        QCOMPARE(constant.histogram.edges.back(), 5.5);
        QCOMPARE(constant.histogram.counts[10], 3u);
        QCOMPARE(constant.quantiles, std::vector<double>(7, 5.0));

        const auto &one = columnOf(profile, "one");
        QCOMPARE(one.count, 1u);
        QVERIFY(!one.std); // undefined for a single value
        QCOMPARE(*one.mean, 7.5);
        QCOMPARE(one.quantiles, std::vector<double>(7, 7.5));
        QCOMPARE(one.histogram.counts[10], 1u);
    }

    void profilesOfHalvesMergeIntoTheWhole()
    {
        std::string csv = "id,x,cat,flag,when,sparse\n";
        const auto values = skewedValues(20000, 7);
        for (std::size_t r = 0; r < values.size(); ++r)
            csv += std::to_string(r % 977) + "," + std::to_string(values[r]) + ",c" +
                   std::to_string((r * 31) % 53) + "," + (r % 3 ? "true" : "false") +
                   ",2024-01-" + std::to_string(10 + r % 19) + "T00:00:00Z," +
                   (r % 7 == 0 ? "1.5" : "") + "\n";
        const table::Table whole = tableOf(csv);
        const auto half = whole.rowCount() / 2;
        std::vector<table::Column> first, second;
        for (const auto &column : whole.columns()) {
            table::Column a(column.name(), column.type()), b(column.name(), column.type());
            const auto split = [&](const auto &from, auto &&intoA, auto &&intoB) {
                if (from.empty())
                    return;
                intoA.assign(from.begin(), from.begin() + half);
                intoB.assign(from.begin() + half, from.end());
            };
            split(column.ints(), a.ints(), b.ints());
            split(column.floats(), a.floats(), b.floats());
            split(column.bools(), a.bools(), b.bools());
            split(column.codes(), a.codes(), b.codes());
            if (!column.missing().empty())
                split(column.missing(), a.missing(), b.missing());
            a.dictionary() = b.dictionary() = column.dictionary();
            first.push_back(std::move(a));
            second.push_back(std::move(b));
        }
        ProfileBuilder left, right, sequential;
        QVERIFY(left.add(table::Table(first)).ok());
        QVERIFY(right.add(table::Table(second)).ok());
        QVERIFY(sequential.add(table::Table(first)).ok());
        QVERIFY(sequential.add(table::Table(second)).ok());
        QVERIFY(left.merge(std::move(right)).ok());
        const auto merged = left.finish("x");
        QCOMPARE(firstDifference(merged, profileTable(whole, "x")), std::string());
        QCOMPARE(firstDifference(merged, sequential.finish("x")), std::string());
        QVERIFY(columnOf(merged, "x").quantilesExact);
    }

    void typesWidenAcrossChunks()
    {
        // Tiny blocks put each kind of value into its own chunks: ints then floats, an
        // all-missing stretch (typed float by the reader), numbers then text.
        std::string csv = "widens,texty,gap\n";
        for (int r = 0; r < 400; ++r) {
            const std::string widens = r < 200 ? std::to_string(r % 17) : std::to_string(r % 13) + ".25";
            const std::string texty = r < 300 ? std::to_string(r % 11) : "n" + std::to_string(r % 5);
            const std::string gap = r < 100 || r >= 300 ? std::to_string(r % 4) : "";
            csv += widens + "," + texty + "," + gap + "\n";
        }
        QTemporaryDir dir;
        const auto path = testing::pathOf(dir) / "widen.csv";
        testing::writeFile(path, csv);
        table::ReadOptions tiny;
        tiny.blockBytes = 256;
        std::set<std::string> chunkTypes;
        int chunks = 0;
        QVERIFY(table::forEachChunk(path, tiny, [&](const table::Table &chunk, std::uint64_t) -> Status {
                    ++chunks;
                    chunkTypes.insert(std::string(table::typeName(chunk.column(0).type())));
                    return {};
                }).ok());
        QVERIFY(chunks > 5);
        QVERIFY(chunkTypes.count("int") && chunkTypes.count("float"));

        auto streamed = profileFile(path, tiny);
        QVERIFY(streamed.ok());
        const auto whole = profileTable(tableOf(csv), path.string());
        QCOMPARE(firstDifference(*streamed, whole), std::string());
        QCOMPARE(columnOf(*streamed, "widens").type, ColumnType::Float);
        QCOMPARE(columnOf(*streamed, "texty").type, ColumnType::String);
        QCOMPARE(columnOf(*streamed, "gap").type, ColumnType::Int);
        QCOMPARE(columnOf(*streamed, "gap").missing, 200u);
    }

    void textAfterManyDistinctNumbersIsReadAgainAsText()
    {
        // By the time "late text" arrives the exact numbers are gone (> 100k distinct), so
        // profileFile() reads again with v as text: the lengths and the distinct estimate then
        // cover every value, exactly as profiling the whole column as text does.
        std::string csv = "v\n";
        for (int r = 0; r < 120000; ++r)
            csv += std::to_string(r) + "\n";
        csv += "late text\n";
        QTemporaryDir dir;
        const auto path = testing::pathOf(dir) / "late.csv";
        testing::writeFile(path, csv);
        auto profile = profileFile(path);
        QVERIFY(profile.ok());
        const auto &v = columnOf(*profile, "v");
        const auto whole = profileTable(tableOf(csv));
        const auto &w = columnOf(whole, "v");
        QCOMPARE(w.type, ColumnType::String);
        QCOMPARE(v.type, ColumnType::String);
        QCOMPARE(v.count, 120001u);
        QVERIFY(!v.distinctExact);
        QCOMPARE(v.distinct, w.distinct); // the same set of values in the estimate
        QVERIFY(std::abs(double(v.distinct) - 120001.0) <= 0.02 * 120001.0);
        QCOMPARE(*v.avgLength, *w.avgLength);
    }

    void sameProfileWhateverTheThreadCount()
    {
        std::string csv = "a,b\n";
        const auto values = skewedValues(300000, 3);
        for (std::size_t r = 0; r < values.size(); ++r)
            csv += std::to_string(values[r]) + ",k" + std::to_string(r % 150001) + "\n";
        QTemporaryDir dir;
        const auto path = testing::pathOf(dir) / "threads.csv";
        testing::writeFile(path, csv);
        table::ReadOptions one, two;
        one.threads = 1;
        two.threads = 2;
        auto a = profileFile(path, one);
        auto b = profileFile(path, two);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(firstDifference(*a, *b), std::string());
        QVERIFY(!columnOf(*a, "b").distinctExact);
    }

    void distinctEstimateWithinTwoPercent()
    {
        std::vector<double> values(1'000'000);
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = static_cast<double>(i) * 0.5 + 0.25;
        table::Column strings("s", ColumnType::String);
        for (std::size_t i = 0; i < 300'000; ++i)
            strings.dictionary().push_back("value-" + std::to_string(i * 7919));
        for (std::size_t i = 0; i < values.size(); ++i)
            strings.codes().push_back(static_cast<std::uint32_t>(i % 300'000));
        std::vector<table::Column> columns;
        columns.push_back(floatColumn("x", values));
        columns.push_back(std::move(strings));
        const auto profile = profileTable(table::Table(std::move(columns)));
        const auto &x = columnOf(profile, "x");
        QVERIFY(!x.distinctExact);
        QVERIFY2(std::abs(double(x.distinct) - 1e6) <= 0.02 * 1e6, std::to_string(x.distinct).c_str());
        const auto &s = columnOf(profile, "s");
        QVERIFY(!s.distinctExact);
        QVERIFY2(std::abs(double(s.distinct) - 3e5) <= 0.02 * 3e5, std::to_string(s.distinct).c_str());
        QCOMPARE(s.top.size(), kTopValues);
        QVERIFY(s.valueCounts.empty());
        QVERIFY(close(*s.avgLength, [&] {
            double sum = 0;
            for (std::size_t i = 0; i < values.size(); ++i)
                sum += 6.0 + double(std::to_string((i % 300'000) * 7919).size());
            return sum / double(values.size());
        }()));
    }

    void sketchRankErrorWithinBound()
    {
        // 2M values with ~10^6 distinct: past the exact limit, so quantiles and histogram come
        // from the sketch; its documented bound is rank error <= 0.005.
        const std::size_t n = 2'000'000;
        auto values = skewedValues(n, 11);
        ProfileBuilder builder;
        for (std::size_t start = 0; start < n; start += 65536) {
            const std::size_t end = std::min(n, start + 65536);
            std::vector<table::Column> columns;
            columns.push_back(floatColumn("x", {values.begin() + start, values.begin() + end}));
            QVERIFY(builder.add(table::Table(std::move(columns))).ok());
        }
        const auto profile = builder.finish("sketch");
        const auto &x = columnOf(profile, "x");
        QVERIFY(x.distinct > kExactDistinctLimit);
        QVERIFY(!x.quantilesExact);
        std::sort(values.begin(), values.end());
        for (std::size_t k = 0; k < kProfileQuantiles.size(); ++k) {
            const double q = kProfileQuantiles[k];
            const double v = x.quantiles[k];
            const double below = double(std::lower_bound(values.begin(), values.end(), v) - values.begin());
            const double atOrBelow = double(std::upper_bound(values.begin(), values.end(), v) - values.begin());
            const double error = std::max({0.0, below / double(n) - q, q - atOrBelow / double(n)});
            QVERIFY2(error <= 0.005, (std::to_string(q) + ": rank error " + std::to_string(error)).c_str());
        }
        std::uint64_t total = 0;
        for (auto c : x.histogram.counts)
            total += c;
        QCOMPARE(total, std::uint64_t(n));
        QCOMPARE(x.histogram.edges.front(), values.front());
        QCOMPARE(x.histogram.edges.back(), values.back());
    }

    void headerOnlyFileHasColumnsWithoutValues()
    {
        QTemporaryDir dir;
        const auto path = testing::pathOf(dir) / "header.csv";
        testing::writeFile(path, "a,b\n");
        auto profile = profileFile(path);
        QVERIFY(profile.ok());
        QCOMPARE(profile->rows, 0u);
        QCOMPARE(profile->columns.size(), std::size_t(2));
        QCOMPARE(profile->columns[1].name, std::string("b"));
        QCOMPARE(profile->columns[1].count, 0u);
    }

    void mismatchedChunksAreAnError()
    {
        ProfileBuilder builder;
        QVERIFY(builder.add(tableOf("a,b\n1,2\n")).ok());
        QVERIFY(!builder.add(tableOf("a,c\n1,2\n")).ok());
        QVERIFY(!builder.add(tableOf("a\n1\n")).ok());
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "test_profile.moc"
