#pragma once

#include "common/result.h"

#include <QObject>
#include <QString>

#include <filesystem>

namespace assay::ui {

class JobRunner;

// Export Compliance Report… for one model version, in one click after the save dialog. The
// work is split where it must be: the report's content is gathered on the job runner (after
// authorising ExportReport), its charts are drawn on the GUI thread (they are the workbench's
// chart widgets), and the PDF or HTML is rendered, written by temporary file and rename and
// recorded as a "report.export" audit entry on the job runner again — the same steps as
// `assay report --model NAME:V --out FILE`.
class ComplianceExport : public QObject {
    Q_OBJECT
public:
    ComplianceExport(JobRunner &jobs, QObject *parent = nullptr);

    // `model` is "NAME:VERSION"; `file` ends in .pdf or .html. False when an export runs.
    bool start(const std::filesystem::path &root, const QString &model,
               const std::filesystem::path &file);
    bool isRunning() const { return m_running; }

    // "assay report --model NAME:V --out FILE".
    static QString commandLine(const QString &model, const QString &file);

signals:
    void finished(const QString &file, const QString &summary);
    void failed(const QString &message);

private:
    void fail(const Error &error);

    JobRunner &m_jobs;
    bool m_running = false;
};

} // namespace assay::ui
