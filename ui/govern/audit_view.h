#pragma once

#include "govern/audit_log.h"

#include <QPointer>
#include <QWidget>

#include <filesystem>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace assay::ui {

class AuditFilterProxy;
class AuditModel;
class EmptyState;
class Job;
class JobRunner;
class VerdictBanner;

// The audit log browser: every entry (newest first) under a text filter and an action-area
// combo, the selected entry's details JSON below, and Verify, which walks the hash chain on
// the job runner (govern::verifyAudit) and shows the verdict in a banner.
class AuditView : public QWidget {
    Q_OBJECT
public:
    explicit AuditView(QWidget *parent = nullptr);

    void setContext(JobRunner *jobs, std::filesystem::path root);
    void setEntries(std::vector<govern::AuditEntry> entries);

    AuditModel *model() const { return m_model; }
    QSortFilterProxyModel *shown() const { return m_sorted; }
    QLineEdit *filterBox() const { return m_filter; }
    QComboBox *actionCombo() const { return m_action; }
    QPushButton *verifyButton() const { return m_verify; }
    VerdictBanner *banner() const { return m_banner; }
    QString detailsText() const;
    void focusFilter();
    // Walks the chain (what Verify does).
    void verify();

private:
    void showDetails();
    void updateCount();

    JobRunner *m_jobs = nullptr;
    std::filesystem::path m_root;
    AuditModel *m_model;
    AuditFilterProxy *m_filterProxy;
    QSortFilterProxyModel *m_sorted;
    QLineEdit *m_filter;
    QComboBox *m_action;
    QLabel *m_count;
    QPushButton *m_verify;
    VerdictBanner *m_banner;
    QStackedWidget *m_stack;
    QTableView *m_table;
    EmptyState *m_empty;
    QPlainTextEdit *m_details;
    QPointer<Job> m_verifyJob;
};

} // namespace assay::ui
