#pragma once

#include "version/dataset_history.h"

#include <QAbstractTableModel>
#include <QBrush>

#include <optional>
#include <vector>

namespace assay::ui {

// The versions of one tracked dataset, newest first, under a "working copy" row that
// stands for the file as it is on disk now. Dates local, relative on hover.
class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        DateColumn,
        AuthorColumn,
        MessageColumn,
        SizeColumn,
        ShapeColumn,
        CommitColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // for sorting: time, size, rows
        CommitRole,                      // QString full commit id; empty for the working copy
    };

    explicit HistoryModel(QObject *parent = nullptr);

    // `workingCopySize`: bytes of the file on disk, when it is there.
    void setVersions(std::vector<version::DatasetVersion> versions,
                     std::optional<std::uint64_t> workingCopySize);
    const std::vector<version::DatasetVersion> &versions() const { return m_versions; }
    bool hasWorkingCopy() const { return m_workingCopySize.has_value(); }
    bool isWorkingCopy(int row) const { return hasWorkingCopy() && row == 0; }
    // The version shown in `row`, or nullptr for the working copy.
    const version::DatasetVersion *version(int row) const;
    // For tests and the relative dates; defaults to the clock.
    void setNow(std::int64_t secondsSinceEpoch) { m_now = secondsSinceEpoch; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant versionData(const version::DatasetVersion &version, int column, int role) const;
    QVariant workingCopyData(int column, int role) const;

    std::vector<version::DatasetVersion> m_versions;
    std::optional<std::uint64_t> m_workingCopySize;
    std::int64_t m_now = 0;
    QBrush m_muted;
};

// "2,000 × 19", or "" when the version's shape was never read.
QString versionShapeText(const version::DatasetVersion &version);

} // namespace assay::ui
