#include "validate/schema_json.h"

#include "common/atomic_file.h"
#include "govern/access_audit.h"
#include "govern/access_control.h"
#include "workspace/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <set>

namespace assay::validate {

namespace {

std::string jsonString(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

// The shortest text that reads back as the same double.
std::string jsonNumber(double value)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

template <typename T> std::string numberOrNull(const std::optional<T> &value)
{
    if (!value)
        return "null";
    if constexpr (std::is_integral_v<T>)
        return std::to_string(*value);
    else
        return jsonNumber(*value);
}

std::string columnToJson(const ColumnSchema &column)
{
    std::string domain = "null";
    if (column.domain) {
        domain = "[";
        for (std::size_t i = 0; i < column.domain->size(); ++i)
            domain += (i ? ", " : "") + jsonString((*column.domain)[i]);
        domain += "]";
    }
    return "{\"name\": " + jsonString(column.name) +
           ", \"type\": " + jsonString(table::typeName(column.type)) +
           ", \"required\": " + (column.required ? "true" : "false") +
           ", \"min_presence\": " + jsonNumber(column.minPresence) +
           ", \"min\": " + numberOrNull(column.min) + ", \"max\": " + numberOrNull(column.max) +
           ", \"domain\": " + domain + "}";
}

// Reads one JSON document; every error names the file and the key it is about.
class SchemaParser {
public:
    explicit SchemaParser(std::string_view displayName) : m_name(displayName) {}

    Error error(const std::string &key, const std::string &message) const
    {
        return Error::invalidInput(m_name + ": " + key + ": " + message);
    }

    Status checkKeys(const QJsonObject &object, const std::string &key,
                     std::initializer_list<const char *> allowed) const
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const std::string name = it.key().toStdString();
            if (std::none_of(allowed.begin(), allowed.end(),
                             [&](const char *a) { return name == a; }))
                return error(key.empty() ? name : key + "." + name, "unknown key");
        }
        return {};
    }

    Result<std::optional<double>> optionalNumber(const QJsonObject &object, const std::string &key,
                                                 const char *field) const
    {
        const QJsonValue value = object.value(QLatin1String(field));
        if (value.isUndefined() || value.isNull())
            return std::optional<double>();
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return error(key + "." + field, "expected a number or null");
        return std::optional<double>(value.toDouble());
    }

    Result<std::optional<std::uint64_t>>
    optionalCount(const QJsonObject &object, const std::string &key, const char *field) const
    {
        auto number = optionalNumber(object, key, field);
        if (!number)
            return number.error();
        if (!*number)
            return std::optional<std::uint64_t>();
        const double value = **number;
        if (value < 0 || value != std::floor(value) || value > 9.0e15)
            return error(key + "." + field,
                         "expected a whole number of rows, got " + jsonNumber(value));
        return std::optional<std::uint64_t>(static_cast<std::uint64_t>(value));
    }

    Result<ColumnSchema> column(const QJsonValue &value, const std::string &key) const
    {
        if (!value.isObject())
            return error(key, "expected an object");
        const QJsonObject object = value.toObject();
        ASSAY_TRY(checkKeys(object, key,
                            {"name", "type", "required", "min_presence", "min", "max", "domain"}));
        ColumnSchema column;
        const QJsonValue name = object.value(QLatin1String("name"));
        if (!name.isString() || name.toString().isEmpty())
            return error(key + ".name", "expected a non-empty string");
        column.name = name.toString().toStdString();

        const QJsonValue type = object.value(QLatin1String("type"));
        if (!type.isString())
            return error(key + ".type", "expected one of bool, int, float, datetime, string");
        const auto parsedType = table::typeFromName(type.toString().toStdString());
        if (!parsedType)
            return error(key + ".type", "unknown type '" + type.toString().toStdString() +
                                            "' (expected bool, int, float, datetime or string)");
        column.type = *parsedType;

        const QJsonValue required = object.value(QLatin1String("required"));
        if (!required.isUndefined() && !required.isBool())
            return error(key + ".required", "expected true or false");
        column.required = required.toBool(true);

        const QJsonValue presence = object.value(QLatin1String("min_presence"));
        if (!presence.isUndefined()) {
            if (!presence.isDouble() || presence.toDouble() < 0 || presence.toDouble() > 1)
                return error(key + ".min_presence", "expected a fraction between 0 and 1");
            column.minPresence = presence.toDouble();
        }

        auto min = optionalNumber(object, key, "min");
        if (!min)
            return min.error();
        auto max = optionalNumber(object, key, "max");
        if (!max)
            return max.error();
        column.min = *min;
        column.max = *max;
        if ((column.min || column.max) && !typeHasRange(column.type))
            return error(key + (column.min ? ".min" : ".max"),
                         "a range applies only to int and float columns");
        if (column.min && column.max && *column.min > *column.max)
            return error(key + ".min", "min " + jsonNumber(*column.min) + " is above max " +
                                           jsonNumber(*column.max));

        const QJsonValue domain = object.value(QLatin1String("domain"));
        if (!domain.isUndefined() && !domain.isNull()) {
            if (!domain.isArray())
                return error(key + ".domain", "expected a list of strings or null");
            if (!typeHasDomain(column.type))
                return error(key + ".domain",
                             "a domain applies only to string, bool and int columns");
            std::vector<std::string> values;
            const QJsonArray array = domain.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!array[i].isString())
                    return error(key + ".domain[" + std::to_string(i) + "]", "expected a string");
                values.push_back(array[i].toString().toStdString());
            }
            column.domain = std::move(values);
        }
        return column;
    }

    Result<Schema> schema(const QJsonObject &root) const
    {
        ASSAY_TRY(checkKeys(root, {}, {"version", "row_count", "columns"}));
        const QJsonValue version = root.value(QLatin1String("version"));
        if (!version.isUndefined() && version.toDouble(-1) != Schema::kVersion)
            return error("version", "unsupported schema version (this Assay reads version " +
                                        std::to_string(Schema::kVersion) + ")");
        Schema schema;
        const QJsonValue rowCount = root.value(QLatin1String("row_count"));
        if (!rowCount.isUndefined() && !rowCount.isNull()) {
            if (!rowCount.isObject())
                return error("row_count", "expected an object with min and max");
            const QJsonObject bounds = rowCount.toObject();
            ASSAY_TRY(checkKeys(bounds, "row_count", {"min", "max"}));
            auto min = optionalCount(bounds, "row_count", "min");
            if (!min)
                return min.error();
            auto max = optionalCount(bounds, "row_count", "max");
            if (!max)
                return max.error();
            schema.rowCount = {*min, *max};
            if (*min && *max && **min > **max)
                return error("row_count.min", "min is above max");
        }
        const QJsonValue columns = root.value(QLatin1String("columns"));
        if (!columns.isArray())
            return error("columns", "expected a list of columns");
        std::set<std::string> seen;
        const QJsonArray array = columns.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const std::string key = "columns[" + std::to_string(i) + "]";
            auto column = this->column(array[i], key);
            if (!column)
                return column.error();
            if (!seen.insert(column->name).second)
                return error(key + ".name", "duplicate column '" + column->name + "'");
            schema.columns.push_back(std::move(*column));
        }
        return schema;
    }

private:
    std::string m_name;
};

std::string lineColumnOf(std::string_view text, std::size_t offset)
{
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < std::min(offset, text.size()); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

// The schema file as the audit log names it: relative to its workspace, else as given.
std::string schemaObjectName(const std::filesystem::path &path)
{
    std::error_code error;
    const std::filesystem::path full =
        std::filesystem::weakly_canonical(std::filesystem::absolute(path), error);
    if (const auto root = workspace::Workspace::discover(full.parent_path()))
        return full.lexically_relative(std::filesystem::weakly_canonical(*root, error))
            .generic_string();
    return path.generic_string();
}

} // namespace

std::string schemaToJson(const Schema &schema)
{
    std::string text = "{\n  \"version\": " + std::to_string(Schema::kVersion) +
                       ",\n  \"row_count\": {\"min\": " + numberOrNull(schema.rowCount.min) +
                       ", \"max\": " + numberOrNull(schema.rowCount.max) + "},\n  \"columns\": [";
    for (std::size_t i = 0; i < schema.columns.size(); ++i)
        text += (i ? ",\n    " : "\n    ") + columnToJson(schema.columns[i]);
    text += schema.columns.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return text;
}

Result<Schema> parseSchema(std::string_view json, std::string_view displayName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray(json.data(), static_cast<qsizetype>(json.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalidInput(std::string(displayName) + ":" +
                                   lineColumnOf(json, static_cast<std::size_t>(parseError.offset)) +
                                   ": " + parseError.errorString().toStdString());
    if (!document.isObject())
        return Error::invalidInput(std::string(displayName) +
                                   ": expected a JSON object with \"columns\"");
    return SchemaParser(displayName).schema(document.object());
}

Result<Schema> loadSchema(const std::filesystem::path &path)
{
    auto bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    return parseSchema(*bytes, path.string());
}

Status saveSchema(const Schema &schema, const std::filesystem::path &path)
{
    const std::string object = schemaObjectName(path);
    const std::filesystem::path folder = path.parent_path().empty() ? "." : path.parent_path();
    auto actor = govern::authorizeAt(folder, govern::Action::EditSchema, object, "schema.save");
    if (!actor)
        return actor.error();
    ASSAY_TRY(writeFileAtomically(path, schemaToJson(schema)));
    const QJsonObject details{
        {QStringLiteral("columns"), static_cast<qint64>(schema.columns.size())}};
    return govern::appendAuditAt(folder, {.actor = actor->name,
                                          .action = "schema.save",
                                          .object = object,
                                          .refused = false,
                                          .detailsJson = govern::auditDetails(details)});
}

std::filesystem::path schemaPathBeside(const std::filesystem::path &dataset)
{
    std::filesystem::path schema = dataset;
    schema.replace_extension(".schema.json");
    return schema;
}

} // namespace assay::validate
