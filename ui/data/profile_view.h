#pragma once

#include "stats/profile.h"
#include "version/dataset_history.h"
#include "version/dataset_ref.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <filesystem>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace assay::ui {

class DistributionChart;
class EmptyState;
class Job;
class JobRunner;
class ProfileModel;
class VersionPicker;

// The Profile tab, like Facets Overview: numeric and categorical columns in two tables with
// a small histogram per row, problems in red, a filter by name and type, and the selected
// column's distribution below. "Compare with" overlays a second version or file, in
// percentages, with a distance per column to sort by. Profiles are built off the GUI thread
// when the tab is shown, and kept while the dataset stays the same.
class ProfileView : public QWidget {
    Q_OBJECT
public:
    explicit ProfileView(QWidget *parent = nullptr);
    ~ProfileView() override;

    void setJobRunner(JobRunner *jobs) { m_jobs = jobs; }
    void setDataset(const std::filesystem::path &root, const QString &relativePath,
                    const std::vector<version::DatasetVersion> &versions, bool workingCopy);
    // Profiles version `commit` (empty: the working copy) compared with `comparedCommit`.
    bool compare(const QString &commit, const QString &comparedCommit);
    void showMessage(const QString &title, const QString &body);

    bool isShowingProfile() const;
    QString commandLine() const;
    ProfileModel *numericModel() const { return m_numeric; }
    ProfileModel *categoricalModel() const { return m_categorical; }
    QTableView *numericTable() const { return m_numericTable; }
    QTableView *categoricalTable() const { return m_categoricalTable; }
    DistributionChart *chart() const { return m_chart; }
    QLineEdit *filterBox() const { return m_filter; }
    QComboBox *typeFilter() const { return m_typeFilter; }
    // Shows `column` in the chart and selects its row.
    void selectColumn(const QString &column);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void run();
    void showProfiles(std::shared_ptr<const stats::DatasetProfile> profile,
                      std::shared_ptr<const stats::DatasetProfile> compared);
    void applyFilter();
    void showChartFor(const ProfileModel &model, int row);
    void rowActivated(QTableView *table, const QModelIndex &index);

    JobRunner *m_jobs = nullptr;
    VersionPicker *m_picker;
    QCheckBox *m_compareBox;
    VersionPicker *m_comparePicker;
    QLineEdit *m_filter;
    QComboBox *m_typeFilter;
    QToolButton *m_copyCommand;
    QLabel *m_summary;
    QStackedWidget *m_stack;
    EmptyState *m_message;
    QSplitter *m_content;
    QLabel *m_numericTitle;
    QLabel *m_categoricalTitle;
    QWidget *m_numericSection;
    QWidget *m_categoricalSection;
    QTableView *m_numericTable;
    QTableView *m_categoricalTable;
    ProfileModel *m_numeric;
    ProfileModel *m_categorical;
    QSortFilterProxyModel *m_numericProxy;
    QSortFilterProxyModel *m_categoricalProxy;
    QLabel *m_chartTitle;
    DistributionChart *m_chart;

    QPointer<Job> m_job;
    quint64 m_generation = 0;
    bool m_stale = false;
    QString m_name;
    QString m_comparedName;
    // Profiles already built, by "path@revision".
    QHash<QString, std::shared_ptr<const stats::DatasetProfile>> m_cache;
};

} // namespace assay::ui
