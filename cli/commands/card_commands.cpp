#include "command_registry.h"
#include "command_workspace.h"
#include "output.h"
#include "common/atomic_file.h"
#include "govern/model_card.h"
#include "govern/model_registry.h"
#include "track/run_query.h"

#include <QJsonDocument>

#include <sstream>

namespace assay::cli {

namespace {

const char *const kShowDetails =
    "Prints the model card of a registered model (or of a run, for a model that is not "
    "registered): the fields of Model Card Toolkit's card that people write — overview, owners, "
    "version, license, references, intended use, out-of-scope uses, limitations, trade-offs, "
    "ethical considerations and risks — and the sensitive columns the compliance report's "
    "fairness table groups by. A card nobody wrote yet prints empty. With --json: {\"subject\", "
    "\"saved\", \"updated_ms\", \"updated_by\", \"card\": {the card's JSON, as --from-json reads it}}.";

const char *const kEditDetails =
    "Changes fields of a model card. --set FIELD=VALUE sets a text field, or makes a list field that "
    "one item (an empty value clears it); --add FIELD=VALUE adds an item to a list field. "
    "--from-json FILE first replaces the whole card with the file's fields (the JSON `card show "
    "--json` prints under \"card\"). Fields: overview, owners (\"Name <contact>\"), model_version, "
    "license, references, intended_use, out_of_scope_uses, limitations, tradeoffs, "
    "ethical_considerations (\"risk: mitigation\"), sensitive_columns. Needs the EditModelCard right "
    "(exit 1 when refused) and is recorded in the audit log (card.edit, naming the fields that "
    "changed). An unknown field is exit 2.";

// A card belongs to a registered model; a run id stands in for a model nobody registered.
Result<std::string> cardSubject(workspace::Workspace &workspace, const std::string &text)
{
    if (govern::showModel(workspace, text))
        return text;
    if (auto run = track::resolveRun(workspace.database(), text))
        return *run;
    return Error::notFound("no registered model or run named '" + text +
                           "' (see `assay registry list` and `assay runs list`)");
}

QJsonObject cardDocument(const govern::ModelCard &card)
{
    return QJsonObject{
        {QStringLiteral("subject"), qs(card.subject)},
        {QStringLiteral("saved"), card.updatedMs != 0},
        {QStringLiteral("updated_ms"), static_cast<double>(card.updatedMs)},
        {QStringLiteral("updated_by"), qs(card.updatedBy)},
        {QStringLiteral("card"), QJsonDocument::fromJson(QByteArray::fromStdString(govern::cardJson(card))).object()},
    };
}

void printCard(const govern::ModelCard &card)
{
    std::ostringstream out;
    out << "Model card of " << card.subject;
    if (card.updatedMs == 0)
        out << " (nobody has written it yet)";
    else
        out << " (edited by " << (card.updatedBy.empty() ? "unknown" : card.updatedBy) << ")";
    out << "\n";
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(govern::cardJson(card))).object();
    for (std::string_view field : govern::cardFieldNames()) {
        const QJsonValue value = json.value(QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size())));
        out << "\n" << field << ":";
        if (value.isString()) {
            out << " " << (value.toString().isEmpty() ? std::string("(empty)") : value.toString().toStdString());
            continue;
        }
        const QJsonArray items = value.toArray();
        if (items.isEmpty())
            out << " (none)";
        for (const QJsonValue &item : items) {
            if (item.isObject()) {
                const QString contact = item.toObject().value(QStringLiteral("contact")).toString();
                out << "\n  - " << item.toObject().value(QStringLiteral("name")).toString().toStdString()
                    << (contact.isEmpty() ? std::string() : " <" + contact.toStdString() + ">");
            } else {
                out << "\n  - " << item.toString().toStdString();
            }
        }
    }
    printLine(out.str());
}

int runCardShow(CommandContext &context)
{
    const Command &command = *findCommand("card show");
    if (context.arguments.positional().size() != 1)
        return usageError(command, "name one registered model or run");
    auto workspace = openCommandWorkspace(context);
    if (!workspace)
        return fail(workspace.error());
    auto subject = cardSubject(*workspace, context.arguments.positional().front());
    if (!subject)
        return fail(subject.error());
    auto card = govern::loadCard(*workspace, *subject);
    if (!card)
        return fail(card.error());
    if (context.json)
        printJson(cardDocument(*card));
    else
        printCard(*card);
    return ExitOk;
}

// "FIELD=VALUE" → (FIELD, VALUE); a usage error names the option without '='.
Result<std::pair<std::string, std::string>> assignment(const std::string &option, const std::string &text)
{
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0)
        return Error::invalidInput("--" + option + " '" + text + "': expected FIELD=VALUE");
    return std::pair{text.substr(0, equals), text.substr(equals + 1)};
}

int runCardEdit(CommandContext &context)
{
    const Command &command = *findCommand("card edit");
    if (context.arguments.positional().size() != 1)
        return usageError(command, "name one registered model or run");
    const auto sets = context.arguments.values("set");
    const auto adds = context.arguments.values("add");
    const auto fromJson = context.arguments.value("from-json");
    if (sets.empty() && adds.empty() && !fromJson)
        return usageError(command, "nothing to change: give --set, --add or --from-json");
    auto workspace = openCommandWorkspace(context);
    if (!workspace)
        return fail(workspace.error());
    auto subject = cardSubject(*workspace, context.arguments.positional().front());
    if (!subject)
        return fail(subject.error());
    auto card = govern::loadCard(*workspace, *subject);
    if (!card)
        return fail(card.error());
    if (fromJson) {
        auto text = readFile(*fromJson);
        if (!text)
            return fail(text.error());
        auto parsed = govern::parseCard(*text, *fromJson);
        if (!parsed)
            return fail(parsed.error());
        parsed->subject = card->subject;
        *card = std::move(*parsed);
    }
    for (const auto &[option, values, append] : {std::tuple{"set", sets, false}, std::tuple{"add", adds, true}}) {
        for (const auto &text : values) {
            auto pair = assignment(option, text);
            if (!pair)
                return usageError(command, pair.error().message);
            if (auto set = govern::setCardField(*card, pair->first, pair->second, append); !set)
                return fail(set.error());
        }
    }
    if (auto saved = govern::saveCard(*workspace, *card); !saved)
        return fail(saved.error());
    auto stored = govern::loadCard(*workspace, *subject);
    if (!stored)
        return fail(stored.error());
    if (context.json)
        printJson(cardDocument(*stored));
    else
        printLine("saved the model card of " + *subject);
    return ExitOk;
}

} // namespace

void addCardCommands(std::vector<Command> &into)
{
    into.push_back({"card show", "print the model card of a registered model or a run", "SUBJECT [--json]",
                    kShowDetails, "assay card show credit-risk", {}, runCardShow});
    into.push_back({"card edit", "change fields of a model card (recorded in the audit log)",
                    "SUBJECT [--set FIELD=VALUE]... [--add FIELD=VALUE]... [--from-json FILE]", kEditDetails,
                    "assay card edit credit-risk --set license=internal --add sensitive_columns=sex",
                    {{"set", true, "FIELD=VALUE", "set a text field (or make a list field this one item)"},
                     {"add", true, "FIELD=VALUE", "add an item to a list field"},
                     {"from-json", true, "FILE", "replace the card with this JSON file's fields first"}},
                    runCardEdit});
}

} // namespace assay::cli
