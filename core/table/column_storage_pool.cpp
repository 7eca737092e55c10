#include "table/column_storage_pool.h"

namespace assay::table {

void ColumnStoragePool::recycle(Column &&column)
{
    give(std::move(column.ints()));
    give(std::move(column.floats()));
    give(std::move(column.codes()));
    give(std::move(column.bools()));
    give(std::move(column.missing()));
}

} // namespace assay::table
