#include "monitor/log_csv.h"

#include "monitor/log_keys.h"
#include "table/number_parse.h"

namespace assay::monitor {

bool CsvLogLayout::setHeader(const std::vector<std::string_view> &header,
                             const std::optional<std::string> &timestampColumn,
                             const std::string &targetColumn, std::string &error)
{
    m_names.assign(header.begin(), header.end());
    m_uses.assign(header.size(), Use::Feature);
    bool haveTimestamp = false, haveId = false, haveLabel = false;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (timestampColumn) {
            if (header[i] == *timestampColumn) {
                m_uses[i] = Use::Timestamp;
                haveTimestamp = true;
                continue;
            }
        }
        switch (classifyKey(header[i], targetColumn)) {
        case KeyRole::Timestamp:
            if (!timestampColumn && !haveTimestamp) {
                m_uses[i] = Use::Timestamp;
                haveTimestamp = true;
            }
            break;
        case KeyRole::Id:
            m_uses[i] = haveId ? Use::Ignore : Use::Id;
            haveId = true;
            break;
        case KeyRole::Prediction:
            m_uses[i] = Use::Prediction;
            break;
        case KeyRole::Score:
            m_uses[i] = Use::Score;
            break;
        case KeyRole::Label:
            m_uses[i] = haveLabel ? Use::Ignore : Use::Label;
            haveLabel = true;
            break;
        case KeyRole::Meta:
            m_uses[i] = Use::Ignore;
            break;
        default:
            break;
        }
    }
    if (timestampColumn && !haveTimestamp) {
        error = "no column '" + *timestampColumn + "' in the header";
        return false;
    }
    return true;
}

bool CsvLogLayout::read(const std::vector<std::string_view> &fields, LogRecord &record, LineError &error) const
{
    if (fields.size() != m_names.size()) {
        error = {.column = 1,
                 .reason = std::to_string(fields.size()) + " fields, the header has " +
                           std::to_string(m_names.size())};
        return false;
    }
    record.features.reserve(fields.size());
    std::size_t column = 1;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view text = fields[i];
        const bool missing = table::isMissingToken(text);
        double number = 0;
        const bool isNumber = !missing && table::parseDouble(text, number);
        switch (m_uses[i]) {
        case Use::Feature:
            if (missing)
                record.features.emplace_back(m_names[i], LoggedValue::missing());
            else if (isNumber)
                record.features.emplace_back(m_names[i], LoggedValue::of(number));
            else
                record.features.emplace_back(m_names[i], LoggedValue::of(std::string(text)));
            break;
        case Use::Timestamp:
            if (!missing) {
                record.timestampNs = parseLogTimestamp(text);
                if (!record.timestampNs) {
                    error = {.column = column,
                             .reason = m_names[i] + " '" + std::string(text) +
                                       "' is neither ISO 8601 nor an epoch number"};
                    return false;
                }
            }
            break;
        case Use::Id:
            record.id = std::string(text);
            break;
        case Use::Prediction:
        case Use::Score:
            if (missing)
                break;
            if (isNumber && (m_uses[i] == Use::Score || text.find_first_of(".eE") != std::string_view::npos))
                record.score = record.score ? record.score : number;
            else if (!record.predictedClass)
                record.predictedClass = std::string(text);
            break;
        case Use::Label:
            if (!missing)
                record.label = std::string(text);
            break;
        case Use::Ignore:
            break;
        }
        column += text.size() + 1; // approximate for quoted fields
    }
    return true;
}

} // namespace assay::monitor
