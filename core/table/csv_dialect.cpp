#include "table/csv_dialect.h"

#include "table/chunk_splitter.h"
#include "table/csv_tokenizer.h"
#include "table/number_parse.h"

#include <array>
#include <map>
#include <set>
#include <unordered_set>

namespace assay::table {

namespace {

constexpr std::size_t kSniffRows = 20;

std::vector<std::size_t> fieldCounts(std::string_view sample, char delimiter, bool wholeFile)
{
    const std::size_t end = wholeFile ? sample.size() : findLastCsvRowBoundary(sample, delimiter);
    CsvTokenizer tokenizer(sample.substr(0, end), delimiter);
    std::vector<FieldRef> fields;
    std::vector<std::size_t> counts;
    while (counts.size() < kSniffRows && tokenizer.nextRow(fields))
        counts.push_back(fields.size());
    return counts;
}

} // namespace

char sniffDelimiter(std::string_view sample, bool sampleIsWholeFile)
{
    static constexpr std::array<char, 4> kCandidates = {',', '\t', ';', '|'};
    char best = ',';
    std::size_t bestFields = 1;
    bool bestConsistent = false;
    std::size_t bestAgreeing = 0;
    for (const char candidate : kCandidates) {
        const std::vector<std::size_t> counts = fieldCounts(sample, candidate, sampleIsWholeFile);
        if (counts.empty())
            continue;
        std::map<std::size_t, std::size_t> frequency;
        for (const std::size_t count : counts)
            ++frequency[count];
        std::size_t modeFields = 0, modeRows = 0;
        for (const auto &[fields, rows] : frequency)
            if (rows > modeRows || (rows == modeRows && fields > modeFields)) {
                modeFields = fields;
                modeRows = rows;
            }
        if (modeFields < 2)
            continue;
        const bool consistent = frequency.size() == 1;
        const bool better = consistent != bestConsistent
                                ? consistent
                                : (consistent ? modeFields > bestFields
                                              : modeRows > bestAgreeing
                                                    || (modeRows == bestAgreeing
                                                        && modeFields > bestFields));
        if (better) {
            best = candidate;
            bestFields = modeFields;
            bestConsistent = consistent;
            bestAgreeing = modeRows;
        }
    }
    return best;
}

bool looksLikeHeader(const std::vector<ColumnEvidence> &columns)
{
    bool anyTyped = false;
    for (const ColumnEvidence &column : columns) {
        if (column.sampleType == InferredType::Unknown || column.sampleType == InferredType::String)
            continue;
        anyTyped = true;
        if (!isMissingToken(column.firstRowValue)
            && !fieldFitsType(column.firstRowValue, column.sampleType))
            return true;
    }
    if (anyTyped)
        return false;
    std::unordered_set<std::string_view> seen;
    for (const ColumnEvidence &column : columns) {
        const std::string_view value = column.firstRowValue;
        if (isMissingToken(value) || column.firstValueInSample || !seen.insert(value).second)
            return false;
        if (classifyField(value) != InferredType::String)
            return false;
    }
    return true;
}

std::vector<std::string> uniqueColumnNames(std::vector<std::string> names)
{
    std::set<std::string> used;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].empty())
            names[i] = "column_" + std::to_string(i + 1);
    }
    for (std::string &name : names) {
        if (used.insert(name).second)
            continue;
        for (std::size_t suffix = 1;; ++suffix) {
            std::string candidate = name + "." + std::to_string(suffix);
            if (used.insert(candidate).second) {
                name = std::move(candidate);
                break;
            }
        }
    }
    return names;
}

std::vector<std::string> defaultColumnNames(std::size_t count)
{
    std::vector<std::string> names;
    names.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        names.push_back("column_" + std::to_string(i + 1));
    return names;
}

} // namespace assay::table
