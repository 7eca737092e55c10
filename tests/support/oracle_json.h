#pragma once

// Passing numbers to and from the reference scripts in tests/oracles as JSON.
#include "support/files.h"
#include "support/python_oracle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QTemporaryDir>

#include <vector>

namespace assay::testing {

inline QJsonArray toJson(const std::vector<double> &values)
{
    QJsonArray array;
    for (double v : values)
        array.append(v);
    return array;
}

inline std::vector<double> toDoubles(const QJsonValue &value)
{
    std::vector<double> values;
    for (const auto &item : value.toArray())
        values.push_back(item.toDouble());
    return values;
}

// Writes `input` to a temporary JSON file and runs the oracle `script` on it (its only
// argument); returns what the script printed.
inline QJsonDocument runOracleOn(const QJsonDocument &input, const QString &script)
{
    QTemporaryDir dir;
    const auto path = pathOf(dir) / "input.json";
    writeFile(path, input.toJson(QJsonDocument::Compact).toStdString());
    return runPythonOracle(script, {QString::fromStdString(path.string())});
}

} // namespace assay::testing
