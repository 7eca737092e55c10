#pragma once

#include "version/data_status.h"

#include <QAbstractTableModel>
#include <QBrush>
#include <QIcon>

#include <array>
#include <string>
#include <vector>

namespace assay::ui {

// Tracked data as `assay data status` sees it (unchanged, modified, not in workspace, not
// in cache), then the workspace's table files nothing tracks yet. The state is a word
// beside a coloured dot: green unchanged, amber modified, red missing, grey untracked.
class StatusModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PathColumn, StateColumn, PointerColumn, ColumnCount };
    enum class State { Unchanged, Modified, NotInWorkspace, NotInCache, Untracked };
    enum Role {
        RelativePathRole = Qt::UserRole + 1, // QString, the data path
        StateRole,                           // int(State)
    };
    struct Entry {
        std::string path;
        State state = State::Untracked;
        std::string pointerMd5; // empty when untracked
        std::string currentMd5; // empty when unknown or missing
    };

    explicit StatusModel(QObject *parent = nullptr);

    void setStatus(const version::StatusReport &report, const std::vector<std::string> &untracked);
    const std::vector<Entry> &entries() const { return m_entries; }
    // The row of `relativePath`, or -1.
    int rowOf(const QString &relativePath) const;
    // How many rows are in `state`.
    int count(State state) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stateWord(State state);

private:
    std::vector<Entry> m_entries;
    std::array<QIcon, 5> m_icons; // by State
};

} // namespace assay::ui
