// `assay audit log|verify|checkpoint|key`: read, check and sign the workspace's audit chain.
#include "command_registry.h"
#include "command_workspace.h"
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "output.h"
#include "runs_shared.h"
#include "text_format.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <charconv>
#include <cstdio>

namespace assay::cli {

namespace {

QJsonValue detailsValue(const std::string &details)
{
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(details));
    if (document.isObject())
        return document.object();
    return qs(details); // not JSON any more (edited by hand): shown as it is stored
}

QJsonObject entryToJson(const govern::AuditEntry &entry)
{
    return {{QStringLiteral("seq"), static_cast<qint64>(entry.seq)},
            {QStringLiteral("time"), qs(entry.time)},
            {QStringLiteral("actor"), qs(entry.actor)},
            {QStringLiteral("action"), qs(entry.action)},
            {QStringLiteral("object"), qs(entry.object)},
            {QStringLiteral("outcome"), qs(entry.outcome)},
            {QStringLiteral("details"), detailsValue(entry.details)},
            {QStringLiteral("prev_hash"), qs(entry.prevHash)},
            {QStringLiteral("hash"), qs(entry.hash)}};
}

// The stored UTC time as local "yyyy-MM-dd HH:mm:ss"; the stored text when it does not parse.
std::string localEntryTime(const std::string &time)
{
    const auto parsed = QDateTime::fromString(qs(time), Qt::ISODateWithMs);
    if (!parsed.isValid())
        return time;
    return parsed.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toStdString();
}

// The audit commands take options only.
int unexpectedArgument(const CommandContext &context, const Command &command)
{
    return usageError(command,
                      "unexpected argument '" + context.arguments.positional().front() + "'");
}

std::string counted(std::int64_t n, const char *noun)
{
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

int runLog(CommandContext &context)
{
    const Command &command = *findCommand("audit log");
    if (!context.arguments.positional().empty())
        return unexpectedArgument(context, command);
    govern::AuditQuery query;
    query.since = context.arguments.value("since");
    query.actor = context.arguments.value("actor");
    query.object = context.arguments.value("object");
    if (auto action = context.arguments.value("action")) {
        // Every action is "area.verb", so a bare area means all of its actions.
        if (action->find('.') == std::string::npos)
            *action += '.';
        query.action = action;
    }
    if (const auto limit = context.arguments.value("limit")) {
        std::size_t value = 0;
        const auto [end, error] =
            std::from_chars(limit->data(), limit->data() + limit->size(), value);
        if (error != std::errc() || end != limit->data() + limit->size() || value == 0)
            return usageError(command,
                              "--limit: expected a positive whole number, got '" + *limit + "'");
        query.limit = value;
    }
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto entries = govern::readAudit(ws->database(), query);
    if (!entries)
        return fail(entries.error());
    if (context.json) {
        QJsonArray array;
        for (const auto &entry : *entries)
            array.append(entryToJson(entry));
        printJsonArray(array);
        return ExitOk;
    }
    if (entries->empty()) {
        printLine("no audit entries");
        return ExitOk;
    }
    std::vector<std::vector<std::string>> rows{
        {"SEQ", "TIME", "ACTOR", "ACTION", "OBJECT", "OUTCOME"}};
    for (const auto &entry : *entries)
        rows.push_back({std::to_string(entry.seq), localEntryTime(entry.time),
                        shortened(entry.actor, 20), entry.action,
                        entry.object.empty() ? "-" : shortened(entry.object, 48), entry.outcome});
    printTable(rows);
    return ExitOk;
}

int runVerify(CommandContext &context)
{
    const Command &command = *findCommand("audit verify");
    if (!context.arguments.positional().empty())
        return unexpectedArgument(context, command);
    const auto trusted = context.arguments.value("public-key");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto verdict = govern::verifyAudit(ws->database(), trusted);
    if (!verdict)
        return fail(verdict.error());
    if (context.json) {
        auto optionalSeq = [](const std::optional<std::int64_t> &seq) {
            return seq ? QJsonValue(static_cast<qint64>(*seq)) : QJsonValue(QJsonValue::Null);
        };
        printJson({{QStringLiteral("intact"), verdict->intact},
                   {QStringLiteral("entries"), static_cast<qint64>(verdict->entries)},
                   {QStringLiteral("checkpoints"), static_cast<qint64>(verdict->checkpoints)},
                   {QStringLiteral("last_checkpoint_seq"), optionalSeq(verdict->lastCheckpointSeq)},
                   {QStringLiteral("first_broken"), optionalSeq(verdict->firstBroken)},
                   {QStringLiteral("problem"), verdict->intact ? QJsonValue(QJsonValue::Null)
                                                               : QJsonValue(qs(verdict->problem))},
                   {QStringLiteral("trusted_public_key"),
                    trusted ? QJsonValue(qs(*trusted)) : QJsonValue(QJsonValue::Null)}});
        return verdict->intact ? ExitOk : ExitCheckFailed;
    }
    if (!verdict->intact) {
        printLine(
            (verdict->firstBroken ? "audit chain broken: " : "audit chain not vouched for: ") +
            verdict->problem);
        return ExitCheckFailed;
    }
    const std::string entries = verdict->entries == 1
                                    ? std::string("1 entry")
                                    : std::to_string(verdict->entries) + " entries";
    std::string line =
        "audit chain intact: " + entries + ", " + counted(verdict->checkpoints, "checkpoint");
    if (verdict->lastCheckpointSeq)
        line += " (the last at entry " + std::to_string(*verdict->lastCheckpointSeq) + ")";
    printLine(line);
    if (verdict->checkpoints == 0 && verdict->entries > 0)
        printLine("note: no signed checkpoint yet, so a cut tail or a log rewritten end to end "
                  "would go unnoticed (see `assay help audit checkpoint`)");
    return ExitOk;
}

bool isInside(const std::filesystem::path &file, const std::filesystem::path &folder)
{
    std::error_code error;
    const auto absoluteFile = std::filesystem::weakly_canonical(file, error);
    const auto absoluteFolder = std::filesystem::weakly_canonical(folder, error);
    const auto relative = absoluteFile.lexically_relative(absoluteFolder);
    return !relative.empty() && *relative.begin() != "..";
}

int runCheckpoint(CommandContext &context)
{
    const Command &command = *findCommand("audit checkpoint");
    if (!context.arguments.positional().empty())
        return unexpectedArgument(context, command);
    const std::filesystem::path keyFile =
        context.arguments.value("key").value_or(govern::defaultAuditKeyPath().string());
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto actor = govern::authorize(ws->database(), govern::Action::SignCheckpoint, "audit");
    if (!actor)
        return fail(actor.error());
    std::error_code error;
    const bool createdKey = !std::filesystem::exists(keyFile, error);
    auto checkpoint = govern::signCheckpoint(ws->database(), keyFile, actor->name);
    if (!checkpoint)
        return fail(checkpoint.error());
    if (isInside(keyFile, ws->root()))
        std::fprintf(stderr,
                     "assay: warning: the key %s is inside the workspace: whoever can edit "
                     "the log can then re-sign it; keep it elsewhere\n",
                     keyFile.c_str());
    if (context.json) {
        printJson({{QStringLiteral("seq"), static_cast<qint64>(checkpoint->seq)},
                   {QStringLiteral("hash"), qs(checkpoint->hash)},
                   {QStringLiteral("time"), qs(checkpoint->time)},
                   {QStringLiteral("public_key"), qs(checkpoint->publicKey)},
                   {QStringLiteral("key_file"), qs(keyFile.string())},
                   {QStringLiteral("created_key"), createdKey}});
        return ExitOk;
    }
    printLine("signed checkpoint at entry " + std::to_string(checkpoint->seq) + " (hash " +
              checkpoint->hash.substr(0, 16) + "…)");
    printLine("public key: " + checkpoint->publicKey);
    printLine("secret key: " + keyFile.string() + (createdKey ? " (created now, mode 0600)" : ""));
    printLine("Pin the public key where the log is checked (CI, the auditor):\n"
              "  assay audit verify --public-key " +
              checkpoint->publicKey);
    return ExitOk;
}

int runKey(CommandContext &context)
{
    const Command &command = *findCommand("audit key");
    if (!context.arguments.positional().empty())
        return unexpectedArgument(context, command);
    const std::filesystem::path keyFile =
        context.arguments.value("key").value_or(govern::defaultAuditKeyPath().string());
    std::error_code error;
    const bool createdKey = !std::filesystem::exists(keyFile, error);
    auto publicKey = createdKey ? govern::createAuditKey(keyFile) : govern::auditPublicKey(keyFile);
    if (!publicKey)
        return fail(publicKey.error());
    if (context.json) {
        printJson({{QStringLiteral("public_key"), qs(*publicKey)},
                   {QStringLiteral("key_file"), qs(keyFile.string())},
                   {QStringLiteral("created"), createdKey}});
        return ExitOk;
    }
    if (createdKey)
        std::fprintf(stderr, "assay: created audit key %s (secret, mode 0600)\n", keyFile.c_str());
    printLine(*publicKey); // alone on stdout, so `--public-key "$(assay audit key)"` works
    return ExitOk;
}

const OptionSpec kKeyOption{"key", true, "FILE",
                            "the Ed25519 key file (default $ASSAY_AUDIT_KEY, else "
                            "~/.config/assay/audit-ed25519.key)"};

} // namespace

void addAuditCommands(std::vector<Command> &into)
{
    into.push_back(
        {"audit log",
         "the audit log: who did what, when, to which object",
         "[--since T] [--action A] [--actor U] [--object O] [--limit N]",
         "Lists entries oldest first: seq, local time, actor, action, object, outcome (ok or\n"
         "refused). --since takes an ISO date or time (2026-11-26, 2026-11-26T14:30, a zone such "
         "as\n"
         "Z or +02:00; without one it is local time). --action takes an action (registry.promote)\n"
         "or an area (registry). --limit keeps the newest N. --json prints an array of entries "
         "with\n"
         "their details object, prev_hash and hash.",
         "assay audit log --action registry --since 2026-11-01",
         {{"since", true, "T", "entries at or after this date or time"},
          {"action", true, "A", "one action, or every action of an area"},
          {"actor", true, "U", "entries by this user"},
          {"object", true, "O", "entries about this object"},
          {"limit", true, "N", "only the newest N entries"}},
         runLog});
    into.push_back(
        {"audit verify",
         "check that the audit log was not edited, cut or rewritten",
         "[--public-key HEX]",
         "Recomputes the hash chain and stops at the first entry that was edited, deleted,\n"
         "inserted or moved; checks every signed checkpoint (signature, and that the log still\n"
         "has the hash it signed, so a cut tail shows). With --public-key, only checkpoints "
         "signed\n"
         "by that key count: pin the key outside the workspace (CI, the auditor) to catch a log\n"
         "rewritten end to end. Exits 0 when intact, 1 naming the first broken entry and what\n"
         "is wrong with it. docs/audit.md says what it can and cannot detect.",
         "assay audit verify --public-key \"$(assay audit key)\"",
         {{"public-key", true, "HEX", "trust only checkpoints signed by this Ed25519 key"}},
         runVerify});
    into.push_back(
        {"audit checkpoint",
         "sign the head of the audit log with your audit key",
         "[--key FILE]",
         "Appends an audit.checkpoint entry and signs it (and so everything before it) with the\n"
         "Ed25519 secret key in FILE, creating the key when missing. Needs the admin role (and\n"
         "its password) once the workspace has users. Keep the key outside the workspace and\n"
         "give the printed public key to whoever runs `assay audit verify --public-key`.",
         "assay audit checkpoint --key ~/.config/assay/audit-ed25519.key",
         {kKeyOption},
         runCheckpoint});
    into.push_back(
        {"audit key",
         "print the public half of your audit key (creating the key when missing)",
         "[--key FILE]",
         "Prints the public key in hex alone on stdout, to pin where the log is\n"
         "verified. A missing key file is created (mode 0600); an existing one is never\n"
         "replaced.",
         "assay audit key",
         {kKeyOption},
         runKey});
}

} // namespace assay::cli
