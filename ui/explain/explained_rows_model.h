#pragma once

#include "explain/explanation.h"

#include <QAbstractTableModel>

namespace assay::ui {

// The rows an explanation covers, for picking one in the Local tab: the data row's id, an
// output per row (the value SHAP contributions add up to, or LIME's model prediction), then
// each feature's value. data() formats on demand; SortRole gives raw numbers (missing last),
// SearchRole the text a search matches.
class ExplainedRowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, SearchRole, RowIndexRole };
    static constexpr int kRowIdColumn = 0;
    static constexpr int kOutputColumn = 1;
    static constexpr int kFirstFeatureColumn = 2;

    explicit ExplainedRowsModel(QObject *parent = nullptr);

    // `rowIds` and `x` are not copied: they must outlive the model's use of them (or be
    // cleared). `outputs` has one value per row.
    void setRows(const std::vector<std::size_t> &rowIds, const model::FeatureMatrix &x,
                 std::vector<double> outputs, const QString &outputTitle);
    void clear();
    // The model row of the explained row whose data row id is `rowId`, or -1.
    int rowOfId(std::size_t rowId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    double numberAt(int row, int column) const;

    const std::vector<std::size_t> *m_rowIds = nullptr;
    const model::FeatureMatrix *m_x = nullptr;
    std::vector<double> m_outputs;
    QString m_outputTitle;
};

} // namespace assay::ui
