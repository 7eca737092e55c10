#include "govern/model_card_form.h"

namespace assay::ui {

QString ownersText(const std::vector<govern::ModelOwner> &owners)
{
    QStringList lines;
    for (const govern::ModelOwner &owner : owners) {
        const QString name = QString::fromStdString(owner.name);
        lines << (owner.contact.empty()
                      ? name
                      : QStringLiteral("%1 <%2>").arg(name, QString::fromStdString(owner.contact)));
    }
    return lines.join(u'\n');
}

std::vector<govern::ModelOwner> parseOwnersText(const QString &text)
{
    std::vector<govern::ModelOwner> owners;
    for (const QString &line : text.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        const qsizetype open = trimmed.indexOf(u'<');
        if (open >= 0 && trimmed.endsWith(u'>')) {
            owners.push_back({.name = trimmed.left(open).trimmed().toStdString(),
                              .contact = trimmed.mid(open + 1, trimmed.size() - open - 2)
                                             .trimmed()
                                             .toStdString()});
        } else {
            owners.push_back({.name = trimmed.toStdString(), .contact = {}});
        }
    }
    return owners;
}

QString linesText(const std::vector<std::string> &items)
{
    QStringList lines;
    for (const std::string &item : items)
        lines << QString::fromStdString(item);
    return lines.join(u'\n');
}

std::vector<std::string> parseLinesText(const QString &text)
{
    std::vector<std::string> items;
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            items.push_back(line.trimmed().toStdString());
    }
    return items;
}

} // namespace assay::ui
