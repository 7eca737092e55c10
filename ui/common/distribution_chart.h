#pragma once

#include "common/chart_view.h"

#include <QStringList>

#include <vector>

namespace assay::ui {

// Counts of one dataset over shared bins or categories.
struct DistributionSeries {
    QString name; // "reference · data/credit.csv@3f2a9c1"
    std::vector<double> counts;
};

// What a distribution chart draws: numbers binned on shared edges, or categories, for one
// dataset or two overlaid. Counts are shown as shares of each series' total, so datasets
// of different sizes compare.
struct DistributionData {
    QString valueTitle;         // the x axis: the column's name
    std::vector<double> edges;  // numbers: bins + 1 increasing edges; empty for categories
    bool datetimeEdges = false; // the edges are nanoseconds since the epoch (UTC)
    QStringList categories;     // categories, in the order to draw
    std::vector<DistributionSeries> series; // one or two, each with one count per bin/category

    bool isNumeric() const { return !edges.empty(); }
};

// Reference in the muted grey, current in the accent colour; a hover read-out names the
// bin or category and both shares; Export CSV writes the counts and shares.
class DistributionChart : public ChartView {
    Q_OBJECT
public:
    explicit DistributionChart(QWidget *parent = nullptr);

    void setData(DistributionData data);
    void clearData();
    const DistributionData &data() const { return m_data; }

private:
    void drawNumeric();
    void drawCategories();
    QString readoutAt(double key) const;
    CsvTable csvTable() const;
    std::vector<double> sharesOf(const DistributionSeries &series) const;

    DistributionData m_data;
};

} // namespace assay::ui
