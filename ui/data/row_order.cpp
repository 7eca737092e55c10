#include "data/row_order.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace assay::ui {

using table::Column;
using table::ColumnType;

namespace {

// Sorts the rows that have a value by `key(row)`, then appends the missing ones in file order.
template <typename KeyOf, typename IsMissing>
std::vector<std::uint32_t> orderByKey(std::size_t rows, KeyOf keyOf, IsMissing isMissing,
                                      Qt::SortOrder order)
{
    std::vector<std::uint32_t> permutation(rows);
    std::iota(permutation.begin(), permutation.end(), std::uint32_t{0});
    const auto present = std::stable_partition(permutation.begin(), permutation.end(),
                                               [&](std::uint32_t row) { return !isMissing(row); });
    if (order == Qt::AscendingOrder) {
        std::stable_sort(permutation.begin(), present,
                         [&](std::uint32_t a, std::uint32_t b) { return keyOf(a) < keyOf(b); });
    } else {
        std::stable_sort(permutation.begin(), present,
                         [&](std::uint32_t a, std::uint32_t b) { return keyOf(b) < keyOf(a); });
    }
    return permutation;
}

// Rank of each dictionary code in text order, computed once so rows compare as integers.
std::vector<std::uint32_t> dictionaryRanks(const std::vector<std::string> &dictionary)
{
    std::vector<std::uint32_t> byText(dictionary.size());
    std::iota(byText.begin(), byText.end(), std::uint32_t{0});
    std::sort(byText.begin(), byText.end(),
              [&](std::uint32_t a, std::uint32_t b) { return dictionary[a] < dictionary[b]; });
    std::vector<std::uint32_t> rank(dictionary.size());
    for (std::size_t position = 0; position < byText.size(); ++position)
        rank[byText[position]] = static_cast<std::uint32_t>(position);
    return rank;
}

} // namespace

std::vector<std::uint32_t> sortedRowOrder(const table::Table &table, std::size_t column,
                                          Qt::SortOrder order)
{
    const std::size_t rows = table.rowCount();
    const Column &values = table.column(column);
    const auto missing = [&values](std::uint32_t row) { return values.isMissing(row); };
    switch (values.type()) {
    case ColumnType::Bool: {
        const auto &bools = values.bools();
        return orderByKey(
            rows, [&](std::uint32_t row) { return bools[row] != 0; }, missing, order);
    }
    case ColumnType::Int:
    case ColumnType::Datetime: {
        const auto &ints = values.ints();
        return orderByKey(
            rows, [&](std::uint32_t row) { return ints[row]; }, missing, order);
    }
    case ColumnType::Float: {
        const auto &floats = values.floats();
        return orderByKey(
            rows, [&](std::uint32_t row) { return floats[row]; },
            [&](std::uint32_t row) { return values.isMissing(row) || std::isnan(floats[row]); },
            order);
    }
    case ColumnType::String: {
        const std::vector<std::uint32_t> rank = dictionaryRanks(values.dictionary());
        const auto &codes = values.codes();
        return orderByKey(
            rows, [&](std::uint32_t row) { return rank[codes[row]]; }, missing, order);
    }
    }
    return {};
}

} // namespace assay::ui
