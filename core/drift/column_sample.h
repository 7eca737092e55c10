#pragma once

#include "table/column.h"

#include <cstdint>
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

    void add(const table::Column &chunk);

    const std::string &name() const { return m_name; }
    // The widened type of the values seen; empty while every value was missing.
    std::optional<table::ColumnType> type() const { return m_type; }
    bool isNumeric() const;
    std::uint64_t rows() const { return m_rows; }
    std::uint64_t missing() const { return m_missing; }
    std::uint64_t values() const { return m_rows - m_missing; }

    // Sorts the numbers gathered so far (one piece per chunk) into numbers(), ascending.
    void sortNumbers();
    // The numbers, ascending once sortNumbers() ran.
    const std::vector<double> &numbers() const { return m_numbers; }
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
    std::vector<std::vector<double>> m_pieces; // numbers per chunk, in arrival order
    std::vector<double> m_numbers;
    std::unordered_map<std::string, std::uint64_t> m_categories;
};

// The text a number stands for when it is compared as a category: shortest round-trip
// decimal, datetimes (ns) in ISO 8601.
std::string numberLabel(double value, table::ColumnType type);

} // namespace assay::drift
