#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace assay::ui {

// A confusion matrix as a table: a row per true class, a column per predicted class, each
// cell its count and the share of its row ("412\n91.6 %"), shaded by that share so the
// diagonal stands out; a last column with the row's total. Classes are named by their
// labels (class indices when unknown).
class ConfusionMatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        CountRole = Qt::UserRole + 1, // qlonglong
        RowShareRole,                 // double in [0, 1]; the total column: 1
    };

    explicit ConfusionMatrixModel(QObject *parent = nullptr);

    // `counts[true][predicted]`; `labels` may be shorter than the class count.
    void setMatrix(std::vector<std::vector<std::int64_t>> counts, QStringList labels);
    // The colour shares are drawn in (the palette's accent).
    void setShadeColor(const QColor &color);
    int classCount() const { return int(m_counts.size()); }
    QString labelOf(int classIndex) const;
    // The share of row `trueClass` predicted as `predictedClass`; 0 for an empty row.
    double rowShare(int trueClass, int predictedClass) const;
    std::int64_t rowTotal(int trueClass) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<std::vector<std::int64_t>> m_counts;
    QStringList m_labels;
    QColor m_shade{0x0072B2};
};

// The element-wise sum of equally sized matrices (the folds of a cross-validation); an empty
// matrix when there are none or their sizes differ.
std::vector<std::vector<std::int64_t>>
sumConfusionMatrices(const std::vector<const std::vector<std::vector<std::int64_t>> *> &matrices);

} // namespace assay::ui
