#pragma once

#include "common/result.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace assay::explain {

// Reads a method's parameters as the CLI and the GUI give them (numbers may come as JSON
// numbers or as their text), fills the defaults into `resolved`, and refuses keys no reader
// asked for. Errors name the method and the key: "explain lime: samples: expected a whole
// number >= 1, found 'many'".
class ExplainParams {
public:
    ExplainParams(std::string method, QJsonObject given)
        : m_method(std::move(method)), m_given(std::move(given))
    {
    }

    Result<std::uint64_t> count(const std::string &key, std::uint64_t fallback,
                                std::uint64_t minimum = 0);
    Result<double> number(const std::string &key, double fallback);
    Result<bool> flag(const std::string &key, bool fallback);
    Result<std::string> text(const std::string &key, const std::string &fallback);
    // A JSON array of strings, or one comma-separated string.
    Result<std::vector<std::string>> texts(const std::string &key);
    // [low, high] as an array of two numbers or "low,high".
    Result<std::vector<double>> numbers(const std::string &key, std::vector<double> fallback);

    bool given(const std::string &key) const
    {
        return m_given.contains(QString::fromStdString(key));
    }
    // Sets a resolved value the readers above do not produce (the rows, a computed default).
    void resolve(const std::string &key, const QJsonValue &value);
    // InvalidInput naming the first given key nobody read.
    Status rejectUnknown() const;
    const QJsonObject &resolved() const { return m_resolved; }

private:
    Error error(const std::string &key, const std::string &what) const;
    QJsonValue take(const std::string &key);

    std::string m_method;
    QJsonObject m_given;
    QJsonObject m_resolved;
    std::set<std::string> m_read;
};

} // namespace assay::explain
