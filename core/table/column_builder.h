#pragma once

#include "table/column.h"
#include "table/column_storage_pool.h"
#include "table/dictionary_index.h"
#include "table/number_parse.h"
#include "table/type_inference.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace assay::table {

// Builds one chunk-local column while inferring its type. Values are converted as they
// arrive, optimistically in the type seen so far; int widens to float in place. When a
// column turns into a string column after typed values, the original text of the earlier
// rows is gone: the builder then only counts rows and reports needsTextPass(), and the
// chunk parser rebuilds the column in text-only mode.
class ColumnBuilder {
public:
    // textOnly: every non-missing value is kept as its text (no inference).
    // pool: where to take value storage from (may be null).
    explicit ColumnBuilder(bool textOnly = false, ColumnStoragePool *pool = nullptr)
        : m_textOnly(textOnly), m_pool(pool)
    {
        if (textOnly)
            m_type = InferredType::String;
    }

    void reserve(std::size_t rows);
    void appendMissing();
    void appendMissing(std::size_t count);

    // CSV: missing tokens, then the current type, then inference. Inline for the common
    // case of a number column getting another number.
    void appendField(std::string_view text)
    {
        if (m_type == InferredType::Float && !isMissingToken(text)) {
            double value = 0;
            if (parseDouble(text, value)) {
                m_floats.push_back(value);
                markPresent();
                return;
            }
        } else if (m_type == InferredType::Int && !isMissingToken(text)) {
            std::int64_t value = 0;
            if (parseInt64(text, value) == IntParse::Ok) {
                m_ints.push_back(value);
                markPresent();
                return;
            }
        }
        appendFieldSlow(text);
    }

    // JSON Lines: the value's JSON kind decides; `raw` is the source text kept when the
    // column ends up as strings.
    void appendJsonNumber(std::string_view raw);
    void appendJsonBool(bool value, std::string_view raw);
    void appendJsonString(std::string_view decoded);
    void appendJsonNested(std::string_view compactJson);

    std::size_t size() const { return m_rows; }
    InferredType type() const { return m_type; }
    bool needsTextPass() const { return m_needsTextPass; }

    // Moves the values out; an all-missing column becomes float (all NaN, all missing).
    Column finish(std::string name);

private:
    void appendFieldSlow(std::string_view text);
    void appendString(std::string_view text);
    void appendTyped(InferredType kind, std::int64_t intValue, double floatValue,
                     std::string_view text);
    void becomeType(InferredType type);
    void markPresent()
    {
        if (!m_missing.empty())
            m_missing.push_back(0);
        ++m_rows;
    }

    template <typename T>
    void startVector(std::vector<T> &values)
    {
        // Rounded up so that recycled vectors from similar chunks fit the next request.
        constexpr std::size_t kGranule = 8192;
        const std::size_t rounded = (m_reserve + kGranule - 1) / kGranule * kGranule;
        if (m_pool && m_reserve > 0)
            values = m_pool->take<T>(rounded);
        else
            values.reserve(m_reserve);
    }

    bool m_textOnly = false;
    ColumnStoragePool *m_pool = nullptr;
    bool m_needsTextPass = false;
    InferredType m_type = InferredType::Unknown;
    std::size_t m_rows = 0;
    std::size_t m_reserve = 0;
    std::vector<std::int64_t> m_ints; // Int and Datetime
    std::vector<double> m_floats;
    std::vector<std::uint8_t> m_bools;
    std::vector<std::uint32_t> m_codes;
    std::vector<std::string> m_dictionary;
    DictionaryIndex m_index;
    std::vector<std::uint8_t> m_missing; // empty until the first missing value
};

} // namespace assay::table
