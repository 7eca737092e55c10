#pragma once

#include "common/result.h"
#include "explain/explanation.h"
#include "model/json_fields.h"

#include <QJsonObject>

namespace assay::explain {

// The "subject" of an explanation document: {"model", "model_md5", "run_id", "data",
// "data_md5", "task", "features": [{"name", "kind", "categories"}], "outputs"}.
QJsonObject subjectToJson(const ExplanationSubject &subject);
Result<ExplanationSubject> subjectFromJson(const model::JsonFields &fields);

} // namespace assay::explain
