#pragma once

#include "common/result.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::model {

// Reads typed fields out of a JSON document, remembering where it is, so that every error
// names the file and the key path: "m.json: learner.objective.name: expected a string".
// Each object or array handed out carries its own path for the next level down.
class JsonFields {
public:
    JsonFields(std::string_view displayName, QJsonObject object, std::string path = {});

    const QJsonObject &object() const { return m_object; }
    const std::string &path() const { return m_path; }
    bool has(std::string_view key) const;

    Result<JsonFields> object(std::string_view key) const;
    Result<QJsonArray> array(std::string_view key) const;
    Result<std::string> string(std::string_view key) const;
    // A number written as a JSON string, as XGBoost writes its parameters ("3E-1", "[5E-1]").
    Result<double> numberInString(std::string_view key) const;

    Result<std::vector<double>> doubles(std::string_view key) const;
    Result<std::vector<std::int64_t>> integers(std::string_view key) const;
    // Numbers or booleans read as flags (XGBoost writes 0/1).
    Result<std::vector<bool>> flags(std::string_view key) const;
    Result<std::vector<std::string>> strings(std::string_view key) const;

    // The object at `index` of the array at `key`, with the path "key[index]".
    Result<JsonFields> element(const QJsonArray &array, std::string_view key, qsizetype index) const;

    // "displayName: path.key: what".
    Error error(std::string_view key, std::string_view what) const;
    std::string pathOf(std::string_view key) const;

private:
    std::string m_displayName;
    QJsonObject m_object;
    std::string m_path;
};

} // namespace assay::model
