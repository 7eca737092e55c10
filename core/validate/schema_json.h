#pragma once

#include "common/result.h"
#include "validate/schema.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace assay::validate {

// The schema file, meant to be read and edited by people:
//   {
//     "version": 1,
//     "row_count": {"min": 1, "max": null},
//     "columns": [
//       {"name": "age", "type": "int", "required": true, "min_presence": 1, "min": 18, "max": 99,
//       "domain": null},
//       ...
//     ]
//   }
// One column per line, keys in this order, so a saved file diffs well in git and loading
// then saving it gives the same bytes.
std::string schemaToJson(const Schema &schema);

// Parses a schema file's text. Errors name `displayName` and the key, e.g.
// "schema.json: columns[3].type: unknown type 'integer'", or the line:column of bad JSON.
Result<Schema> parseSchema(std::string_view json, std::string_view displayName);

Result<Schema> loadSchema(const std::filesystem::path &path);

// Where a dataset's schema is kept unless the user says otherwise: beside it, named after
// it ("data/credit.csv" -> "data/credit.schema.json").
std::filesystem::path schemaPathBeside(const std::filesystem::path &dataset);
// Writes through a temporary file and a rename: readers see the old file or the new one.
Status saveSchema(const Schema &schema, const std::filesystem::path &path);

} // namespace assay::validate
