#pragma once

#include "data/dataset_comparison.h"
#include "version/dataset_history.h"

#include <QPointer>
#include <QWidget>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace assay::ui {

class ColumnDeltaModel;
class DataTableView;
class DiffBanner;
class DiffModel;
class EmptyState;
class Job;
class JobRunner;
class VersionPicker;

// The Diff tab: pick A and B (versions of the dataset, its working copy or any file), a
// key column, and see the schema changes and counts in a banner, the changed rows in a
// table and the columns' statistic deltas beside it. Reading and diffing run on the job
// runner; changing only the key or the filter reuses the tables already read.
class DiffView : public QWidget {
    Q_OBJECT
public:
    // How many row changes the table lists; the counts always cover every row.
    static constexpr std::size_t listLimit = 200'000;

    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    void setJobRunner(JobRunner *jobs) { m_jobs = jobs; }
    // The dataset whose versions the pickers offer; forgets the previous comparison.
    void setDataset(const std::filesystem::path &root, const QString &relativePath,
                    const std::vector<version::DatasetVersion> &versions, bool workingCopy);
    // Compares two of its versions (empty commit: the working copy), with the key picked
    // automatically; returns false when one of them is not offered.
    bool compare(const QString &commitA, const QString &commitB);
    void showMessage(const QString &title, const QString &body);

    const std::shared_ptr<const DatasetComparison> &comparison() const { return m_comparison; }
    // `assay diff A B --key K` for what the view shows; empty before the first diff.
    QString commandLine() const;
    bool isShowingDiff() const;
    void copyCommandLine() const;

    VersionPicker *pickerA() const { return m_pickerA; }
    VersionPicker *pickerB() const { return m_pickerB; }
    QComboBox *keyPicker() const { return m_keyPicker; }
    QCheckBox *changedOnlyBox() const { return m_changedOnly; }
    DiffModel *model() const { return m_model; }
    ColumnDeltaModel *deltaModel() const { return m_deltas; }
    DiffBanner *banner() const { return m_banner; }
    EmptyState *message() const { return m_message; }

private:
    void run();
    void showComparison(std::shared_ptr<const DatasetComparison> comparison);
    // The table, or a message when the filter leaves nothing to show.
    void showPage();
    void fillKeyPicker();
    void keyPicked(int index);

    JobRunner *m_jobs = nullptr;
    VersionPicker *m_pickerA;
    VersionPicker *m_pickerB;
    QComboBox *m_keyPicker;
    QCheckBox *m_changedOnly;
    QToolButton *m_copyCommand;
    DiffBanner *m_banner;
    QStackedWidget *m_stack;
    EmptyState *m_message;
    QSplitter *m_splitter;
    DataTableView *m_table;
    QTableView *m_deltaView;
    DiffModel *m_model;
    ColumnDeltaModel *m_deltas;

    QPointer<Job> m_job;
    quint64 m_generation = 0;
    std::shared_ptr<const DatasetComparison> m_comparison;
    // The tables read last, reused while their side stays the same.
    ComparisonRequest::Side m_cacheA;
    ComparisonRequest::Side m_cacheB;
    std::optional<std::vector<std::string>> m_keys; // nullopt: pick automatically
};

} // namespace assay::ui
