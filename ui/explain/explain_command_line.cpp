#include "explain/explain_command_line.h"

#include "data/diff_command.h"
#include "explain/explain_choice.h"

#include <QJsonArray>
#include <QStringList>

namespace assay::ui {

namespace {

QString jsonText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts << jsonText(item);
        return parts.join(QLatin1Char(','));
    }
    return {};
}

// A model named by a predict command rather than a file: commands are run through the shell
// and read like one (a space between program and arguments).
bool isPredictCommand(const explain::ExplanationEntry &entry)
{
    return entry.method != explain::ExplainMethod::TreeShap && entry.runId.empty() &&
           entry.modelName.find(' ') != std::string::npos;
}

// Appends "--option value" for each parameter, "rows" as [first, last] too.
void appendParams(QStringList &words, const QJsonObject &params)
{
    for (auto it = params.begin(); it != params.end(); ++it) {
        const QJsonValue value = it.value();
        if (it.key() == QLatin1String("rows")) {
            const QJsonArray bounds = value.toArray();
            if (bounds.size() == 2)
                words << QStringLiteral("--rows")
                      << QStringLiteral("%1:%2")
                             .arg(bounds[0].toInteger())
                             .arg(bounds[1].toInteger());
            continue;
        }
        const QString option =
            QStringLiteral("--") + QString(it.key()).replace(QLatin1Char('_'), QLatin1Char('-'));
        if (value.isBool()) {
            if (value.toBool())
                words << option;
            continue;
        }
        const QString text = jsonText(value);
        if (!text.isEmpty())
            words << option << shellQuoted(text);
    }
}

QStringList methodWords(explain::ExplainMethod method)
{
    return {QStringLiteral("assay"), QStringLiteral("explain"),
            QString::fromUtf8(explain::methodName(method))};
}

} // namespace

QString explainCommandLine(const explain::ExplanationEntry &entry)
{
    QStringList words = methodWords(entry.method);
    if (isPredictCommand(entry))
        words << QStringLiteral("--predict-cmd")
              << shellQuoted(QString::fromStdString(entry.modelName));
    else
        words << QStringLiteral("--model")
              << shellQuoted(
                     QString::fromStdString(entry.runId.empty() ? entry.modelName : entry.runId));
    words << QStringLiteral("--data") << shellQuoted(QString::fromStdString(entry.dataName));
    appendParams(words, entry.params);
    return words.join(QLatin1Char(' '));
}

QString explainCommandLine(const ExplainChoice &choice)
{
    QStringList words = methodWords(choice.method);
    words << QStringLiteral("--model") << shellQuoted(choice.runId) << QStringLiteral("--data")
          << shellQuoted(choice.dataName);
    if (choice.firstRow || choice.lastRow)
        words << QStringLiteral("--rows")
              << (choice.firstRow ? QString::number(*choice.firstRow) : QString()) +
                     QLatin1Char(':') +
                     (choice.lastRow ? QString::number(*choice.lastRow) : QString());
    appendParams(words, choice.params);
    return words.join(QLatin1Char(' '));
}

} // namespace assay::ui
