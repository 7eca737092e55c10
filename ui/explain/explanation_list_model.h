#pragma once

#include "explain/explanation_store.h"

#include <QAbstractTableModel>

#include <vector>

namespace assay::ui {

// The Explain area's master list: one row per cached explanation — the model (in its run's
// colour), the method and what sets it apart, the data, the rows explained, when it was computed. Until a header is
// clicked the rows are grouped by model (the model with the newest explanation first) and
// newest first within a model. SortRole gives raw values to sort on.
class ExplanationListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ModelColumn, MethodColumn, DetailsColumn, RowsColumn, DataColumn, CreatedColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, KeyRole };

    explicit ExplanationListModel(QObject *parent = nullptr);

    // Replaces the rows (one reset: the list is short) and orders them by model.
    void setEntries(std::vector<explain::ExplanationEntry> entries);
    const std::vector<explain::ExplanationEntry> &entries() const { return m_entries; }
    int rowOf(const QString &key) const;
    const explain::ExplanationEntry *entryOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayText(const explain::ExplanationEntry &entry, int column) const;

    std::vector<explain::ExplanationEntry> m_entries;
};

// What the list calls a model: its run's short id, else the name the user gave (a file, the
// predict command).
QString modelLabel(const std::string &modelName, const std::string &runId);

} // namespace assay::ui
