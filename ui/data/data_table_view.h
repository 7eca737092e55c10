#pragma once

#include <QTableView>

namespace assay::ui {

// The grid of a dataset: fixed row heights (so a million rows scroll without measuring
// them), column widths sampled from the first rows instead of ResizeToContents,
// and Ctrl+C copying the selected cells as TSV with full precision.
class DataTableView : public QTableView {
    Q_OBJECT
public:
    explicit DataTableView(QWidget *parent = nullptr);

    // Sizes columns from the header and the first rows; call after the model was reset.
    void fitColumnsToSample();
    void copySelection() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace assay::ui
