// Model cards in the workspace database: one row of model_cards per subject.
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "govern/model_card.h"
#include "track/clock.h"
#include "workspace/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace assay::govern {

namespace {

// The JSON keys whose values differ between two cards, in the card's field order.
QJsonArray changedFields(const ModelCard &before, const ModelCard &after)
{
    const QJsonObject old = QJsonDocument::fromJson(QByteArray::fromStdString(cardJson(before))).object();
    const QJsonObject now = QJsonDocument::fromJson(QByteArray::fromStdString(cardJson(after))).object();
    QJsonArray fields;
    for (std::string_view field : cardFieldNames()) {
        const QString key = QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size()));
        if (old.value(key) != now.value(key))
            fields.append(key);
    }
    return fields;
}

} // namespace

Result<ModelCard> loadCard(workspace::Workspace &workspace, const std::string &subject)
{
    if (subject.empty())
        return Error::invalidInput("a model card needs a subject: a registered model name or a run id");
    auto statement = workspace.database().prepare(
        "SELECT card, updated_ms, updated_by FROM model_cards WHERE name = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, subject);
    auto row = statement->step();
    if (!row)
        return row.error();
    if (!*row) {
        ModelCard empty;
        empty.subject = subject;
        return empty;
    }
    auto card = parseCard(statement->columnText(0), "model card of '" + subject + "'");
    if (!card)
        return card.error();
    card->subject = subject;
    card->updatedMs = statement->columnInt(1);
    card->updatedBy = statement->columnText(2);
    return card;
}

Status saveCard(workspace::Workspace &workspace, const ModelCard &card)
{
    auto before = loadCard(workspace, card.subject);
    if (!before)
        return before.error();
    workspace::Database &database = workspace.database();
    auto actor = authorize(database, Action::EditModelCard, card.subject);
    if (!actor)
        return actor.error();
    const QJsonArray fields = changedFields(*before, card);
    return database.transaction([&]() -> Status {
        auto upsert = database.prepare(
            "INSERT INTO model_cards (name, card, updated_ms, updated_by) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET card = excluded.card, updated_ms = excluded.updated_ms, "
            "updated_by = excluded.updated_by");
        if (!upsert)
            return upsert.error();
        upsert->bind(1, card.subject)
            .bind(2, cardJson(card))
            .bind(3, track::nowMs())
            .bind(4, actor->name);
        ASSAY_TRY(upsert->run());
        const QJsonObject details{{QStringLiteral("fields"), fields}};
        return appendAudit(database, {actor->name, "card.edit", card.subject, false,
                                      QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString()});
    });
}

} // namespace assay::govern
