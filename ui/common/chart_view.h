#pragma once

#include "common/csv_export.h"

#include <qcustomplot.h>

#include <functional>

namespace assay::ui {

// A QCustomPlot that behaves like every chart in the workbench (UI.md): colours from the
// palette (light or dark), thin lines and a light grid, wheel zoom and drag pan,
// double-click back to the whole picture, a hover read-out, and a context menu (also
// Ctrl+E) exporting PNG, SVG, PDF or the plotted numbers as CSV.
class ChartView : public QCustomPlot {
    Q_OBJECT
public:
    explicit ChartView(QWidget *parent = nullptr);

    // Text for the read-out at plot coordinates (key, value); empty hides it.
    using Readout = std::function<QString(double key, double value)>;
    void setReadout(Readout readout) { m_readout = std::move(readout); }
    // The numbers behind the picture, for Export CSV; without it the menu offers images only.
    using CsvSource = std::function<CsvTable()>;
    void setCsvSource(CsvSource source) { m_csvSource = std::move(source); }

    // The ranges a double-click returns to: call after the data is set.
    void rememberHomeRanges();
    void resetRanges();
    // Re-reads the palette (called on palette changes too).
    void applyPalette();

    // Writes the chart by the file's extension (.png .svg .pdf .csv).
    Status exportTo(const QString &path);
    void exportWithDialog();

protected:
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void showReadout(QMouseEvent *event);

    Readout m_readout;
    CsvSource m_csvSource;
    QCPRange m_homeKeys;
    QCPRange m_homeValues;
};

} // namespace assay::ui
