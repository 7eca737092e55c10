#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

class QComboBox;
class QLabel;
class QTableView;

namespace assay::ui {

class ConfusionMatrixModel;
struct ModelResults;

// The Confusion matrix tab: a part picker (test first; the folds and their sum for a
// cross-validation) over the matrix with counts, row percentages and shaded cells.
class ConfusionMatrixView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget *parent = nullptr);

    static bool hasMatrix(const ModelResults &results);
    void showResults(const ModelResults &results);
    QComboBox *partPicker() const { return m_picker; }
    ConfusionMatrixModel *model() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showChoice(int index);
    void fitCells();

    QComboBox *m_picker;
    QLabel *m_caption;
    ConfusionMatrixModel *m_model;
    QTableView *m_table;
    std::vector<std::vector<std::vector<std::int64_t>>> m_matrices; // one per picker entry
    QStringList m_labels;
};

} // namespace assay::ui
