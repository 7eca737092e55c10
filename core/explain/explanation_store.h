#pragma once

#include "common/result.h"
#include "explain/explanation.h"

#include <QJsonObject>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace assay::workspace {
class Workspace;
}

namespace assay::explain {

// What the index knows of one cached explanation, without reading the document.
struct ExplanationEntry {
    std::string key;         // explanationKey(...)
    ExplainMethod method = ExplainMethod::TreeShap;
    std::string modelName;
    std::string modelMd5;
    std::string runId;
    std::string dataName;
    std::string dataMd5;
    QJsonObject params;
    std::string documentMd5; // the document's object in the content store
    std::int64_t createdMs = 0;
    std::size_t rows = 0;    // rows explained (or scored, for permutation importance)
};

// The cache key: md5 of the model's md5, the data's md5, the method, the rows and the
// canonical (sorted-key, compact) JSON of the parameters.
std::string explanationKey(ExplainMethod method, const std::string &modelMd5,
                           const std::string &dataMd5, const QJsonObject &params);

// Explanations cached in the workspace: the documents are objects of the content store
// (.dvc/cache/files/md5), and an index entry per key (.assay/explanations/KEY.json, written by
// temporary file + rename) points to them. When the model came from a run, saving also attaches
// the document to that run as the artifact "explain/METHOD-KEY8.json".
class ExplanationStore {
public:
    explicit ExplanationStore(workspace::Workspace &workspace) : m_workspace(workspace) {}

    // Nothing when the key is not cached (or its document is gone from the content store).
    Result<std::optional<ExplanationEntry>> find(const std::string &key) const;
    // Every cached explanation, newest first.
    Result<std::vector<ExplanationEntry>> list() const;
    // Reads and verifies the document an entry points to.
    Result<Explanation> load(const ExplanationEntry &entry) const;
    // Stores the document, attaches it to the run, writes the index entry.
    Result<ExplanationEntry> save(const Explanation &explanation);

private:
    workspace::Workspace &m_workspace;
};

} // namespace assay::explain
