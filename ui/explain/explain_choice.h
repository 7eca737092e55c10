#pragma once

#include "explain/explain_job.h"
#include "explain/explain_method.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace assay::ui {

// What the Explain… dialog asks for: a model run, a dataset version, a method, the rows and
// the parameters the user typed (by their CLI names; what is left out gets core's default).
struct ExplainChoice {
    QString runId;    // the model's run
    QString dataPath; // absolute, with "@REV" for a committed version: what is read
    QString dataName; // as the CLI is given it from the workspace folder: "data/credit.csv@3f2a9c1"
    explain::ExplainMethod method = explain::ExplainMethod::TreeShap;
    std::optional<std::size_t> firstRow;
    std::optional<std::size_t> lastRow;
    QJsonObject params;

    explain::ExplainRequest request() const
    {
        explain::ExplainRequest request;
        request.method = method;
        request.firstRow = firstRow;
        request.lastRow = lastRow;
        request.params = params;
        return request;
    }
    // Model and data: what has to be read before defaults or results can be had.
    bool sameSources(const ExplainChoice &other) const
    {
        return runId == other.runId && dataPath == other.dataPath;
    }
};

} // namespace assay::ui
