#pragma once

#include "common/chart_view.h"
#include "model/trainer.h"

#include <QStringList>

#include <map>
#include <utility>
#include <vector>

namespace assay::ui {

// The live training curve: one line per metric a trainer reports each round
// ("train_logloss", "valid_logloss"). A trainer that starts again at round 0 begins a new
// segment — the folds of a cross-validation, then the final model — drawn in its own colour.
// Appending only adds points; the caller batches appends (a few per second), each ending in
// one queued replot.
class TrainCurve : public ChartView {
    Q_OBJECT
public:
    explicit TrainCurve(QWidget *parent = nullptr);

    // Names of the segments in the order they will be trained; unnamed ones are numbered.
    void setSegmentNames(QStringList names);
    void clear();
    void append(const std::vector<model::IterationReport> &reports);

    bool isEmpty() const { return m_points == 0; }
    int segmentCount() const { return m_segment + 1; }
    int pointCount() const { return m_points; }

private:
    QCPGraph *graphFor(const std::string &metric);
    QString segmentName(int segment) const;
    void updateAxisTitle(const std::string &metric);
    QString readout(double key) const;
    CsvTable csv() const;

    QStringList m_segmentNames;
    int m_segment = -1;
    int m_lastIteration = -1;
    int m_points = 0;
    std::map<std::pair<int, std::string>, QCPGraph *> m_graphs;
    std::vector<std::pair<int, std::string>> m_graphOrder; // keys of m_graphs by creation
};

} // namespace assay::ui
