#pragma once

#include "common/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::workspace {
class Workspace;
}

namespace assay::govern {

// The fields of Model Card Toolkit's card that a person writes (the rest of the report is
// computed). Stored per registered model (or per run id for unregistered models) as JSON in
// the model_cards table: {"version":1,"overview":…,"owners":[{"name","contact"}],…}.
struct ModelOwner {
    std::string name;
    std::string contact;
};
struct ModelCard {
    std::string subject;      // the registered model name, or a run id
    std::string overview;     // model details: what it is and does
    std::vector<ModelOwner> owners;
    std::string version;      // free text, e.g. "2.1 (registry version 3)"
    std::string license;
    std::vector<std::string> references;
    std::string intendedUse;  // primary uses and users
    std::vector<std::string> outOfScopeUses;
    std::vector<std::string> limitations;
    std::vector<std::string> tradeoffs;
    std::vector<std::string> ethicalConsiderations; // each "risk: mitigation" in one line
    std::vector<std::string> sensitiveColumns; // the report's fairness table groups by these
    std::int64_t updatedMs = 0;
    std::string updatedBy;
};

// {"version": 1, "overview", "owners": [{"name", "contact"}], "model_version", "license",
//  "references": [...], "intended_use", "out_of_scope_uses": [...], "limitations": [...],
//  "tradeoffs": [...], "ethical_considerations": [...], "sensitive_columns": [...]}: every field,
// keys sorted. The subject and the update stamp live beside it in model_cards.
std::string cardJson(const ModelCard &card);
// Errors name the key that is wrong, e.g. "card.json: owners[1].name: expected a string".
Result<ModelCard> parseCard(const std::string &json, const std::string &source);

// The fields as the JSON and `assay card edit` name them, in the order a report shows them.
const std::vector<std::string_view> &cardFieldNames();
bool isCardListField(std::string_view field);
// `assay card edit --set FIELD=VALUE` (append false) sets a text field, or makes a list field
// that one item (an empty value clears it); `--add` (append true) adds an item to a list
// field. Owners are written "Name <contact>". InvalidInput names an unknown field (listing the
// known ones) or --add on a text field.
Status setCardField(ModelCard &card, std::string_view field, const std::string &value, bool append);
// True when a person has written nothing on the card yet.
bool cardIsEmpty(const ModelCard &card);

// An empty card (subject set) when none was saved yet.
Result<ModelCard> loadCard(workspace::Workspace &workspace, const std::string &subject);
// Needs EditModelCard; appends a "card.edit" audit entry naming the fields that changed.
Status saveCard(workspace::Workspace &workspace, const ModelCard &card);

} // namespace assay::govern
