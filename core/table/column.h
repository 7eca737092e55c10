#pragma once

#include "table/column_type.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::table {

// One typed column. Values live in the vector that matches the type; the others stay empty.
// Missing values are marked in `missing` (one byte per row, 1 = missing); an empty
// `missing` vector means no value is missing. A missing slot's value is unspecified.
class Column {
public:
    Column() = default;
    Column(std::string name, ColumnType type) : m_name(std::move(name)), m_type(type) {}

    const std::string &name() const { return m_name; }
    void setName(std::string name) { m_name = std::move(name); }
    ColumnType type() const { return m_type; }
    std::size_t size() const;

    bool isMissing(std::size_t row) const { return !m_missing.empty() && m_missing[row] != 0; }
    std::size_t missingCount() const;

    // Typed access; valid only for the matching type.
    const std::vector<std::uint8_t> &bools() const { return m_bools; }
    const std::vector<std::int64_t> &ints() const { return m_ints; } // Int and Datetime
    const std::vector<double> &floats() const { return m_floats; }
    const std::vector<std::uint32_t> &codes() const { return m_codes; } // String
    const std::vector<std::string> &dictionary() const { return m_dictionary; }

    std::vector<std::uint8_t> &bools() { return m_bools; }
    std::vector<std::int64_t> &ints() { return m_ints; }
    std::vector<double> &floats() { return m_floats; }
    std::vector<std::uint32_t> &codes() { return m_codes; }
    std::vector<std::string> &dictionary() { return m_dictionary; }
    std::vector<std::uint8_t> &missing() { return m_missing; }
    const std::vector<std::uint8_t> &missing() const { return m_missing; }

    // The value as a number (bool 0/1, int, float, datetime in ns); NaN when missing or a string.
    double numeric(std::size_t row) const;
    // The string value of a String column (empty view for other types or missing rows).
    std::string_view text(std::size_t row) const;
    // Human-readable value: "" when missing, datetimes in ISO 8601, floats with up to 17
    // significant digits (shortest round-trip form).
    std::string format(std::size_t row) const;

private:
    std::string m_name;
    ColumnType m_type = ColumnType::String;
    std::vector<std::uint8_t> m_bools;
    std::vector<std::int64_t> m_ints;
    std::vector<double> m_floats;
    std::vector<std::uint32_t> m_codes;
    std::vector<std::string> m_dictionary;
    std::vector<std::uint8_t> m_missing;
};

} // namespace assay::table
