#pragma once

#include "validate/validation.h"

#include <QAbstractTableModel>

namespace assay::ui {

// The anomalies and failed data tests of one validation, errors first: severity (a dot and
// a word), column, kind and the sentence that explains it.
class AnomalyModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, ColumnColumn, KindColumn, DetailColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, ColumnNameRole };

    explicit AnomalyModel(QObject *parent = nullptr);

    void setReport(const validate::ValidationReport &report);
    void clear();
    int errorCount() const { return m_errors; }
    int warningCount() const { return int(m_rows.size()) - m_errors; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        bool error;
        QString column;
        QString kind;
        QString detail;
    };
    std::vector<Row> m_rows;
    int m_errors = 0;
};

} // namespace assay::ui
