#pragma once

#include "govern/model_card.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace assay::ui {

// How the card editor writes list fields, one item per line: owners as "Name <contact>",
// the rest as they are; blank lines are dropped.
QString ownersText(const std::vector<govern::ModelOwner> &owners);
std::vector<govern::ModelOwner> parseOwnersText(const QString &text);
QString linesText(const std::vector<std::string> &items);
std::vector<std::string> parseLinesText(const QString &text);

} // namespace assay::ui
