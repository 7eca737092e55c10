#include "table/type_inference.h"

#include "table/datetime_parse.h"
#include "table/number_parse.h"

namespace assay::table {

InferredType joinTypes(InferredType a, InferredType b)
{
    if (a == b || b == InferredType::Unknown)
        return a;
    if (a == InferredType::Unknown)
        return b;
    const bool numeric = (a == InferredType::Int || a == InferredType::Float)
                         && (b == InferredType::Int || b == InferredType::Float);
    return numeric ? InferredType::Float : InferredType::String;
}

InferredType classifyField(std::string_view text)
{
    std::int64_t intValue = 0;
    switch (parseInt64(text, intValue)) {
    case IntParse::Ok:
        return InferredType::Int;
    case IntParse::Overflow:
        return InferredType::Float;
    case IntParse::NotInt:
        break;
    }
    double floatValue = 0;
    if (parseDouble(text, floatValue))
        return InferredType::Float;
    bool boolValue = false;
    if (parseBool(text, boolValue))
        return InferredType::Bool;
    if (parseIsoDatetime(text))
        return InferredType::Datetime;
    return InferredType::String;
}

bool fieldFitsType(std::string_view text, InferredType type)
{
    if (isMissingToken(text))
        return true;
    switch (type) {
    case InferredType::Unknown:
    case InferredType::String:
        return true;
    case InferredType::Int: {
        std::int64_t value = 0;
        return parseInt64(text, value) == IntParse::Ok;
    }
    case InferredType::Float: {
        double value = 0;
        return parseDouble(text, value);
    }
    case InferredType::Bool: {
        bool value = false;
        return parseBool(text, value);
    }
    case InferredType::Datetime:
        return parseIsoDatetime(text).has_value();
    }
    return false;
}

ColumnType toColumnType(InferredType type)
{
    switch (type) {
    case InferredType::Bool:
        return ColumnType::Bool;
    case InferredType::Int:
        return ColumnType::Int;
    case InferredType::Unknown:
    case InferredType::Float:
        return ColumnType::Float;
    case InferredType::Datetime:
        return ColumnType::Datetime;
    case InferredType::String:
        return ColumnType::String;
    }
    return ColumnType::String;
}

} // namespace assay::table
