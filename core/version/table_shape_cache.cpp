#include "version/table_shape_cache.h"

namespace assay::version {

std::optional<TableShapeCache> TableShapeCache::near(const std::filesystem::path &near)
{
    const auto root = workspace::Workspace::discover(near);
    if (!root)
        return std::nullopt;
    auto opened = workspace::Workspace::open(*root);
    if (!opened)
        return std::nullopt;
    return TableShapeCache(std::move(*opened));
}

void TableShapeCache::remember(const std::string &md5, std::uint64_t rows, std::uint64_t columns)
{
    auto statement = m_workspace.database().prepare(
        "INSERT OR REPLACE INTO table_shapes(md5, row_count, column_count) VALUES (?, ?, ?)");
    if (!statement)
        return;
    statement->bind(1, md5)
        .bind(2, static_cast<std::int64_t>(rows))
        .bind(3, static_cast<std::int64_t>(columns));
    (void)statement->run();
}

std::optional<TableShape> TableShapeCache::known(const std::string &md5)
{
    auto statement = m_workspace.database().prepare(
        "SELECT row_count, column_count FROM table_shapes WHERE md5 = ?");
    if (!statement)
        return std::nullopt;
    statement->bind(1, md5);
    auto row = statement->step();
    if (!row || !*row)
        return std::nullopt;
    return TableShape{static_cast<std::uint64_t>(statement->columnInt(0)),
                      static_cast<std::uint64_t>(statement->columnInt(1))};
}

} // namespace assay::version
