#pragma once

#include "drift/drift.h"
#include "version/dataset_history.h"

#include <QPointer>
#include <QWidget>

#include <filesystem>
#include <memory>
#include <vector>

class QComboBox;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace assay::ui {

class DistributionChart;
class DriftColumnsPanel;
class DriftModel;
class EmptyState;
class Job;
class JobRunner;
class VerdictBanner;
class VersionPicker;

// The Drift tab: a reference version (or any file) against a current one, every shared
// column tested, drifted first; the verdict for the dataset in a banner; the selected
// column's distributions overlaid below (histograms for numbers, grouped bars for
// categories). Runs off the GUI thread when the tab is shown or a side changes.
class DriftView : public QWidget {
    Q_OBJECT
public:
    explicit DriftView(QWidget *parent = nullptr);
    ~DriftView() override;

    void setJobRunner(JobRunner *jobs) { m_jobs = jobs; }
    void setDataset(const std::filesystem::path &root, const QString &relativePath,
                    const std::vector<version::DatasetVersion> &versions, bool workingCopy);
    // Compares two versions (empty commit: the working copy) now.
    bool compare(const QString &referenceCommit, const QString &currentCommit);
    void showMessage(const QString &title, const QString &body);

    bool isShowingDrift() const;
    QString commandLine() const;
    const std::shared_ptr<const drift::DatasetDrift> &result() const { return m_drift; }
    DriftModel *model() const;
    QTableView *table() const;
    DistributionChart *chart() const;
    VerdictBanner *banner() const { return m_banner; }
    QComboBox *testPicker() const { return m_testPicker; }
    void selectColumn(const QString &column);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void run();
    void showDrift(std::shared_ptr<const drift::DatasetDrift> result);

    JobRunner *m_jobs = nullptr;
    VersionPicker *m_reference;
    VersionPicker *m_current;
    QComboBox *m_testPicker;
    QToolButton *m_copyCommand;
    VerdictBanner *m_banner;
    QStackedWidget *m_stack;
    EmptyState *m_message;
    DriftColumnsPanel *m_columns;
    QPointer<Job> m_job;
    quint64 m_generation = 0;
    bool m_stale = false;
    std::shared_ptr<const drift::DatasetDrift> m_drift;
    QString m_referenceName;
    QString m_currentName;
};

} // namespace assay::ui
