#pragma once

#include "drift/drift.h"

#include <QPointer>
#include <QWidget>

#include <cstdint>
#include <filesystem>
#include <memory>

class QLabel;
class QStackedWidget;
class QTableView;

namespace assay::ui {

class DistributionChart;
class DriftColumnsPanel;
class DriftModel;
class EmptyState;
class Job;
class JobRunner;
class VerdictBanner;

// One window of a monitor against its reference, as the Data area's Drift view shows two
// datasets: the logged rows of the window (monitor::windowRows) and the reference
// (monitor::referenceRows) tested column by column with drift::computeDrift, drifted first,
// the verdict in a banner and the selected column's distributions overlaid below.
class WindowDriftView : public QWidget {
    Q_OBJECT
public:
    explicit WindowDriftView(QWidget *parent = nullptr);
    ~WindowDriftView() override;

    void setJobRunner(JobRunner *jobs) { m_jobs = jobs; }
    // Compares the window [startNs, endNs) of `monitor` with its reference, in the background.
    void showWindow(const std::filesystem::path &root, const QString &monitor, std::int64_t startNs,
                    std::int64_t endNs, const QString &windowLabel, const QString &referenceLabel);
    void showMessage(const QString &title, const QString &body);

    bool isShowingDrift() const;
    std::int64_t windowStart() const { return m_startNs; }
    const std::shared_ptr<const drift::DatasetDrift> &result() const { return m_drift; }
    DriftModel *model() const;
    QTableView *table() const;
    DistributionChart *chart() const;
    VerdictBanner *banner() const { return m_banner; }
    QLabel *heading() const { return m_heading; }
    void selectColumn(const QString &column);

signals:
    void shown();

private:
    void showDrift(std::shared_ptr<const drift::DatasetDrift> result);

    JobRunner *m_jobs = nullptr;
    QLabel *m_heading;
    VerdictBanner *m_banner;
    QStackedWidget *m_stack;
    EmptyState *m_message;
    DriftColumnsPanel *m_columns;
    QPointer<Job> m_job;
    quint64 m_generation = 0;
    std::int64_t m_startNs = 0;
    std::shared_ptr<const drift::DatasetDrift> m_drift;
    QString m_referenceName;
    QString m_currentName;
};

} // namespace assay::ui
