#pragma once

#include "validate/schema.h"
#include "validate/validation.h"
#include "version/dataset_history.h"

#include <QPointer>
#include <QWidget>

#include <filesystem>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace assay::ui {

class AnomalyModel;
class EmptyState;
class Job;
class JobRunner;
class SchemaModel;
class VersionPicker;

// The Schema & anomalies tab: the dataset's schema as an editable table (type, presence,
// range, domain) saved back to its JSON file, and the anomalies a version of the data shows
// against the schema as edited, errors first; clicking one selects its column. Without a
// schema file it offers to infer one from the data.
class SchemaView : public QWidget {
    Q_OBJECT
public:
    explicit SchemaView(QWidget *parent = nullptr);
    ~SchemaView() override;

    void setJobRunner(JobRunner *jobs) { m_jobs = jobs; }
    void setDataset(const std::filesystem::path &root, const QString &relativePath,
                    const std::vector<version::DatasetVersion> &versions, bool workingCopy);
    // Validates version `commit` (empty: the working copy) against the schema.
    bool validateVersion(const QString &commit);
    void showMessage(const QString &title, const QString &body);

    void inferSchema();
    void validate();
    bool save();
    void revert();

    bool isShowingSchema() const;
    QString commandLine() const;
    SchemaModel *schemaModel() const { return m_schema; }
    AnomalyModel *anomalyModel() const { return m_anomalies; }
    QTableView *schemaTable() const { return m_schemaTable; }
    QTableView *anomalyTable() const { return m_anomalyTable; }
    QString schemaFile() const { return QString::fromStdString(m_schemaPath.string()); }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadSchema();
    void showSchemaPage();
    void showReport(const validate::ValidationReport &report);
    void selectAnomalyColumn(const QModelIndex &proxyIndex);
    void updateState();
    bool confirmDiscard(const QString &action);

    JobRunner *m_jobs = nullptr;
    std::filesystem::path m_root;
    QString m_relativePath;
    std::filesystem::path m_schemaPath;
    QLabel *m_fileLabel;
    QLabel *m_stateLabel;
    QPushButton *m_inferButton;
    QPushButton *m_revertButton;
    QPushButton *m_saveButton;
    VersionPicker *m_picker;
    QPushButton *m_validateButton;
    QLabel *m_verdict;
    QToolButton *m_copyCommand;
    QStackedWidget *m_stack;
    EmptyState *m_message;
    QPushButton *m_inferOffer; // in the message, when there is no usable schema
    QWidget *m_page;
    QTableView *m_schemaTable;
    QTableView *m_anomalyTable;
    QLabel *m_anomalyTitle;
    SchemaModel *m_schema;
    AnomalyModel *m_anomalies;
    QSortFilterProxyModel *m_anomalyProxy;
    QPointer<Job> m_job;
    quint64 m_generation = 0;
    bool m_stale = false;
    bool m_hasSchema = false;
};

} // namespace assay::ui
