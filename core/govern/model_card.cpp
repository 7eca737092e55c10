#include "govern/model_card.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>

namespace assay::govern {

namespace {

constexpr int kCardFormatVersion = 1;

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The text fields, by their JSON key.
std::string *textField(ModelCard &card, std::string_view field)
{
    if (field == "overview")
        return &card.overview;
    if (field == "model_version")
        return &card.version;
    if (field == "license")
        return &card.license;
    if (field == "intended_use")
        return &card.intendedUse;
    return nullptr;
}

// The list fields of plain strings (owners are objects and handled apart).
std::vector<std::string> *listField(ModelCard &card, std::string_view field)
{
    if (field == "references")
        return &card.references;
    if (field == "out_of_scope_uses")
        return &card.outOfScopeUses;
    if (field == "limitations")
        return &card.limitations;
    if (field == "tradeoffs")
        return &card.tradeoffs;
    if (field == "ethical_considerations")
        return &card.ethicalConsiderations;
    if (field == "sensitive_columns")
        return &card.sensitiveColumns;
    return nullptr;
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// "Jane Doe <jane@bank.example>" → {Jane Doe, jane@bank.example}; no brackets: all name.
ModelOwner parseOwner(const std::string &text)
{
    const auto open = text.rfind('<');
    if (open != std::string::npos && !text.empty() && text.back() == '>')
        return {trimmed(std::string_view(text).substr(0, open)),
                trimmed(std::string_view(text).substr(open + 1, text.size() - open - 2))};
    return {trimmed(text), {}};
}

std::string knownFields()
{
    std::string list;
    for (std::string_view name : cardFieldNames())
        list += (list.empty() ? "" : ", ") + std::string(name);
    return list;
}

Error keyError(const std::string &source, const std::string &key, const std::string &what)
{
    return Error::invalidInput(source + ": " + key + ": " + what);
}

Result<std::string> readText(const QJsonObject &object, const std::string &source, const std::string &key)
{
    const QJsonValue value = object.value(qs(key));
    if (value.isUndefined() || value.isNull())
        return std::string();
    if (!value.isString())
        return keyError(source, key, "expected a string");
    return value.toString().toStdString();
}

Result<std::vector<std::string>> readStrings(const QJsonObject &object, const std::string &source,
                                             const std::string &key)
{
    const QJsonValue value = object.value(qs(key));
    if (value.isUndefined() || value.isNull())
        return std::vector<std::string>();
    if (!value.isArray())
        return keyError(source, key, "expected an array of strings");
    std::vector<std::string> items;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array[i].isString())
            return keyError(source, key + "[" + std::to_string(i) + "]", "expected a string");
        items.push_back(array[i].toString().toStdString());
    }
    return items;
}

Result<std::vector<ModelOwner>> readOwners(const QJsonObject &object, const std::string &source)
{
    const QJsonValue value = object.value(QStringLiteral("owners"));
    if (value.isUndefined() || value.isNull())
        return std::vector<ModelOwner>();
    if (!value.isArray())
        return keyError(source, "owners", "expected an array of {\"name\", \"contact\"} objects");
    std::vector<ModelOwner> owners;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const std::string key = "owners[" + std::to_string(i) + "]";
        if (!array[i].isObject())
            return keyError(source, key, "expected an object with \"name\" and \"contact\"");
        const QJsonObject owner = array[i].toObject();
        for (auto it = owner.begin(); it != owner.end(); ++it)
            if (it.key() != QLatin1String("name") && it.key() != QLatin1String("contact"))
                return keyError(source, key + "." + it.key().toStdString(),
                                "unknown key (an owner has \"name\" and \"contact\")");
        const QJsonValue nameValue = owner.value(QStringLiteral("name"));
        if (!nameValue.isString())
            return keyError(source, key + ".name", "expected a string");
        if (!owner.value(QStringLiteral("contact")).isUndefined() &&
            !owner.value(QStringLiteral("contact")).isString())
            return keyError(source, key + ".contact", "expected a string");
        owners.push_back({nameValue.toString().toStdString(),
                          owner.value(QStringLiteral("contact")).toString().toStdString()});
    }
    return owners;
}

QJsonArray stringArray(const std::vector<std::string> &items)
{
    QJsonArray array;
    for (const auto &item : items)
        array.append(qs(item));
    return array;
}

} // namespace

const std::vector<std::string_view> &cardFieldNames()
{
    static const std::vector<std::string_view> names{
        "overview",    "owners",           "model_version",          "license",
        "references",  "intended_use",     "out_of_scope_uses",      "limitations",
        "tradeoffs",   "ethical_considerations", "sensitive_columns"};
    return names;
}

bool isCardListField(std::string_view field)
{
    ModelCard probe;
    return field == "owners" || listField(probe, field) != nullptr;
}

Status setCardField(ModelCard &card, std::string_view field, const std::string &value, bool append)
{
    const auto known = cardFieldNames();
    if (std::find(known.begin(), known.end(), field) == known.end())
        return Error::invalidInput("unknown model card field '" + std::string(field) +
                                   "' (the fields are: " + knownFields() + ")");
    if (std::string *text = textField(card, field)) {
        if (append)
            return Error::invalidInput("model card field '" + std::string(field) +
                                       "' holds one text: use --set, not --add");
        *text = value;
        return {};
    }
    if (field == "owners") {
        if (!append)
            card.owners.clear();
        if (!trimmed(value).empty())
            card.owners.push_back(parseOwner(value));
        return {};
    }
    std::vector<std::string> &items = *listField(card, field);
    if (!append)
        items.clear();
    if (!trimmed(value).empty())
        items.push_back(value);
    return {};
}

bool cardIsEmpty(const ModelCard &card)
{
    ModelCard blank;
    blank.subject = card.subject;
    blank.updatedMs = card.updatedMs;
    blank.updatedBy = card.updatedBy;
    return cardJson(card) == cardJson(blank);
}

std::string cardJson(const ModelCard &card)
{
    QJsonArray owners;
    for (const auto &owner : card.owners)
        owners.append(QJsonObject{{QStringLiteral("name"), qs(owner.name)},
                                  {QStringLiteral("contact"), qs(owner.contact)}});
    const QJsonObject object{
        {QStringLiteral("version"), kCardFormatVersion},
        {QStringLiteral("overview"), qs(card.overview)},
        {QStringLiteral("owners"), owners},
        {QStringLiteral("model_version"), qs(card.version)},
        {QStringLiteral("license"), qs(card.license)},
        {QStringLiteral("references"), stringArray(card.references)},
        {QStringLiteral("intended_use"), qs(card.intendedUse)},
        {QStringLiteral("out_of_scope_uses"), stringArray(card.outOfScopeUses)},
        {QStringLiteral("limitations"), stringArray(card.limitations)},
        {QStringLiteral("tradeoffs"), stringArray(card.tradeoffs)},
        {QStringLiteral("ethical_considerations"), stringArray(card.ethicalConsiderations)},
        {QStringLiteral("sensitive_columns"), stringArray(card.sensitiveColumns)},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented).toStdString();
}

Result<ModelCard> parseCard(const std::string &json, const std::string &source)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalidInput(source + ": not valid JSON at offset " +
                                   std::to_string(parseError.offset) + ": " +
                                   parseError.errorString().toStdString());
    if (!document.isObject())
        return Error::invalidInput(source + ": expected a JSON object holding the card's fields");
    const QJsonObject object = document.object();
    const auto known = cardFieldNames();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string key = it.key().toStdString();
        if (key != "version" && std::find(known.begin(), known.end(), key) == known.end())
            return keyError(source, key, "unknown key (the fields are: " + knownFields() + ")");
    }
    if (const QJsonValue version = object.value(QStringLiteral("version")); !version.isUndefined()) {
        if (!version.isDouble() || version.toDouble() != kCardFormatVersion)
            return keyError(source, "version", "expected 1 (the card format's version)");
    }

    ModelCard card;
    for (std::string_view field : known) {
        const std::string key(field);
        if (std::string *text = textField(card, key)) {
            auto value = readText(object, source, key);
            if (!value)
                return value.error();
            *text = std::move(*value);
        } else if (std::vector<std::string> *items = listField(card, key)) {
            auto values = readStrings(object, source, key);
            if (!values)
                return values.error();
            *items = std::move(*values);
        }
    }
    auto owners = readOwners(object, source);
    if (!owners)
        return owners.error();
    card.owners = std::move(*owners);
    return card;
}

} // namespace assay::govern
