#include "data/diff_command.h"

#include <QRegularExpression>

namespace assay::ui {

QString shellQuoted(const QString &text)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./@:=,+%^-]+$"));
    if (safe.match(text).hasMatch())
        return text;
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

QString diffCommandLine(const QString &a, const QString &b, const std::vector<std::string> &keys)
{
    QString line = QStringLiteral("assay diff %1 %2").arg(shellQuoted(a), shellQuoted(b));
    if (!keys.empty()) {
        QStringList names;
        for (const std::string &key : keys)
            names.append(QString::fromStdString(key));
        line += QStringLiteral(" --key ") + shellQuoted(names.join(u','));
    }
    return line;
}

} // namespace assay::ui
