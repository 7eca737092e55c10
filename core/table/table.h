#pragma once

#include "table/column.h"

#include <optional>
#include <string_view>
#include <vector>

namespace assay::table {

// A columnar, immutable-once-built table: every column has rowCount() values.
class Table {
public:
    Table() = default;
    explicit Table(std::vector<Column> columns) : m_columns(std::move(columns)) {}

    std::size_t rowCount() const { return m_columns.empty() ? 0 : m_columns.front().size(); }
    std::size_t columnCount() const { return m_columns.size(); }

    const Column &column(std::size_t index) const { return m_columns[index]; }
    Column &column(std::size_t index) { return m_columns[index]; }
    const std::vector<Column> &columns() const { return m_columns; }
    std::optional<std::size_t> indexOf(std::string_view name) const;

private:
    std::vector<Column> m_columns;
};

} // namespace assay::table
