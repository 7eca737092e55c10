#pragma once

#include "table/column.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace assay::drift {

// What drift keeps of one column while a file streams past: numbers (int, float, datetime
// in ns) as doubles, one piece per chunk, categories (string, bool) as value -> count, and the
// missing count. Chunks may infer different types; they widen as the reader's whole-file
// inference does (int + float -> float, other mixes -> string, numbers then counted by
// their text). A chunk whose values are all missing does not take part in the widening.
// Non-finite floats (inf, -inf, NaN) count as missing.
class ColumnSample {
public:
    explicit ColumnSample(std::string name) : m_name(std::move(name)) {}
    ColumnSample(const ColumnSample &) = delete; // holds millions of values: moved, never copied
    ColumnSample &operator=(const ColumnSample &) = delete;
    ColumnSample(ColumnSample &&) = default;
    ColumnSample &operator=(ColumnSample &&) = default;

    void add(const table::Column &chunk);

    const std::string &name() const { return m_name; }
    // The widened type of the values seen; empty while every value was missing.
    std::optional<table::ColumnType> type() const { return m_type; }
    bool isNumeric() const;
    std::uint64_t rows() const { return m_rows; }
    std::uint64_t missing() const { return m_missing; }
    std::uint64_t values() const { return m_rows - m_missing; }

    // Moves the numbers gathered so far into `storage`, ascending (its capacity is reused);
    // the sample keeps none of them afterwards.
    void takeSortedNumbers(std::vector<double> &storage);
    // Sorts the numbers once and keeps them, so the sample can be compared again and again
    // (a reference against many monitoring windows); compareColumn then reads them in place.
    void keepSortedNumbers();
    const std::vector<double> *keptNumbers() const { return m_kept ? &*m_kept : nullptr; }
    const std::unordered_map<std::string, std::uint64_t> &categories() const { return m_categories; }

private:
    void widen(table::ColumnType incoming);
    void numbersToCategories();
    void addNumbers(const table::Column &chunk);
    void addCategories(const table::Column &chunk);

    std::string m_name;
    std::optional<table::ColumnType> m_type;
    std::uint64_t m_rows = 0;
    std::uint64_t m_missing = 0;
    struct Piece {
        std::unique_ptr<double[]> values; // not zero-filled: only the first `size` are written
        std::size_t size = 0;
    };
    std::vector<Piece> m_pieces; // numbers per chunk, in arrival order
    std::optional<std::vector<double>> m_kept; // ascending, after keepSortedNumbers
    std::unordered_map<std::string, std::uint64_t> m_categories;
};

// The text a number stands for when it is compared as a category: shortest round-trip
// decimal, datetimes (ns) in ISO 8601.
std::string numberLabel(double value, table::ColumnType type);

} // namespace assay::drift
