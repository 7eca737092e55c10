#pragma once

#include "govern/model_registry.h"

#include <QAbstractTableModel>

#include <vector>

namespace assay::ui {

// The stage and alias history of one model version, newest first: when (local time, relative
// on hover), who, the change ("staging → production", "@champion", refused ones in red with
// the word), the reason and the gate's checks ("3 of 4 passed", each check in the tooltip).
class TransitionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { WhenColumn, WhoColumn, ChangeColumn, ReasonColumn, ChecksColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit TransitionsModel(QObject *parent = nullptr);

    void setTransitions(std::vector<govern::Transition> transitions);
    const std::vector<govern::Transition> &transitions() const { return m_transitions; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayText(const govern::Transition &transition, int column) const;

    std::vector<govern::Transition> m_transitions;
};

// The checks a transition stored (its checksJson), in order; none when they do not parse.
std::vector<govern::GateCheck> parseStoredChecks(const std::string &checksJson);

} // namespace assay::ui
