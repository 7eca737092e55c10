#pragma once

#include "common/result.h"
#include "govern/audit_log.h"

#include <QJsonObject>

#include <filesystem>
#include <string>

namespace assay::govern {

// `details` as the compact JSON text an AuditRecord carries.
std::string auditDetails(const QJsonObject &details);

// appendAudit for core functions that only know a folder: the workspace holding `root`
// (Workspace::discover); nothing is written when `root` is in no Assay workspace.
Status appendAuditAt(const std::filesystem::path &root, const AuditRecord &record);

} // namespace assay::govern
