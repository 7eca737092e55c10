#pragma once

#include "version/dataset_history.h"
#include "version/dataset_ref.h"

#include <QComboBox>

#include <filesystem>
#include <optional>
#include <vector>

namespace assay::ui {

// One side of a diff: the dataset's working copy, one of its versions, or any other
// table file the user picks with "Other file…".
class VersionPicker : public QComboBox {
    Q_OBJECT
public:
    explicit VersionPicker(QWidget *parent = nullptr);

    // The dataset whose versions are offered; clears the other files picked before.
    void setDataset(const std::filesystem::path &root, const QString &relativePath,
                    const std::vector<version::DatasetVersion> &versions, bool workingCopy);
    // Selects the version `commit` (empty: the working copy); false when it is not offered.
    bool selectCommit(const QString &commit);
    // Adds `file` (absolute) as an entry and selects it.
    void selectFile(const QString &file);

    // What to read: absolute path, the full commit as the revision.
    std::optional<version::DatasetRef> currentRef() const;
    // How a user names it: "data/credit.csv@3f2a9c1", "data/credit.csv", "/tmp/other.csv".
    QString currentName() const;

signals:
    // The user or the program chose another entry that names a dataset.
    void refChanged();

private:
    enum Role { PathRole = Qt::UserRole + 1, RevisionRole, NameRole, OtherFileRole };

    void onActivated(int index);
    int otherFileIndex() const;

    int m_lastIndex = -1;
};

} // namespace assay::ui
