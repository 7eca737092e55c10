#pragma once

#include <QJsonDocument>
#include <QProcess>
#include <QStringList>
#include <QTest>

namespace assay::testing {

// Runs a reference script from tests/oracles with Debian's python (scipy, pandas, sklearn,
// xgboost) and returns what it printed on stdout as JSON. Fails the calling test (and returns
// an empty document) when the script fails or prints something else.
inline QJsonDocument runPythonOracle(const QString &script, const QStringList &arguments,
                                     int timeoutMs = 120000)
{
    QProcess python;
    python.start(QStringLiteral(ASSAY_PYTHON),
                 QStringList{QStringLiteral(ASSAY_TESTS_SOURCE_DIR "/oracles/") + script} + arguments);
    if (!python.waitForFinished(timeoutMs) || python.exitStatus() != QProcess::NormalExit ||
        python.exitCode() != 0) {
        QTest::qFail(qPrintable(QStringLiteral("oracle %1 failed: %2")
                                    .arg(script, QString::fromUtf8(python.readAllStandardError()))),
                     __FILE__, __LINE__);
        return {};
    }
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(python.readAllStandardOutput(), &error);
    if (error.error != QJsonParseError::NoError)
        QTest::qFail(qPrintable(QStringLiteral("oracle %1 printed no JSON: %2")
                                    .arg(script, error.errorString())),
                     __FILE__, __LINE__);
    return document;
}

} // namespace assay::testing
