#include "govern/access_audit.h"

#include "workspace/workspace.h"

#include <QJsonDocument>

namespace assay::govern {

std::string auditDetails(const QJsonObject &details)
{
    return QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString();
}

Status appendAuditAt(const std::filesystem::path &root, const AuditRecord &record)
{
    const auto found = workspace::Workspace::discover(root);
    if (!found)
        return {};
    auto opened = workspace::Workspace::open(*found);
    if (!opened)
        return opened.error();
    return appendAudit(opened->database(), record);
}

} // namespace assay::govern
