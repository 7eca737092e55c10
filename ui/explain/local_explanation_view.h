#pragma once

#include "explain/explanation_bundle.h"

#include <QWidget>

#include <optional>

class QLineEdit;
class QTableView;

namespace assay::ui {

class ExplainedRowsModel;
class LimeChart;
class RowSearchProxy;
class WaterfallChart;

// The Local tab: the explained rows in a searchable table (by row id or value); the chosen
// row's SHAP waterfall from the base value to its prediction, and beside it the row's LIME
// bars when a LIME explanation of the same model and data covers it. For a LIME explanation
// alone, the table and the LIME bars.
class LocalExplanationView : public QWidget {
    Q_OBJECT
public:
    explicit LocalExplanationView(QWidget *parent = nullptr);

    // The bundle must outlive its use here (the detail panel keeps it).
    void showBundle(const ExplanationBundle &bundle, std::size_t output);
    // Lets go of the bundle shown (its explanation has no local view).
    void clear();
    // Selects the explained row with data row id `rowId`; false when it is not explained.
    bool selectRow(std::size_t rowId);
    std::optional<std::size_t> currentRowId() const;

    ExplainedRowsModel *rows() const { return m_rows; }
    RowSearchProxy *search() const { return m_proxy; }
    QLineEdit *searchBox() const { return m_searchBox; }
    QTableView *table() const { return m_table; }
    WaterfallChart *waterfall() const { return m_waterfall; }
    LimeChart *lime() const { return m_lime; }

private:
    void showCurrentRow();
    // The LIME explanation of data row `rowId` for `output`, if any companion has it.
    const explain::LimeExplanation *limeOf(std::size_t rowId, std::size_t output) const;

    const ExplanationBundle *m_bundle = nullptr;
    std::size_t m_output = 0;
    QStringList m_outputNames;
    ExplainedRowsModel *m_rows;
    RowSearchProxy *m_proxy;
    QLineEdit *m_searchBox;
    QTableView *m_table;
    WaterfallChart *m_waterfall;
    LimeChart *m_lime;
};

} // namespace assay::ui
