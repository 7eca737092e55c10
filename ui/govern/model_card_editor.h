#pragma once

#include "govern/model_card.h"

#include <QPointer>
#include <QWidget>

#include <filesystem>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace assay::ui {

class EmptyState;
class Job;
class JobRunner;

// The model card of one registered model as a form: overview, owners, version, licence,
// references, intended and out-of-scope uses, limitations, trade-offs, ethical considerations
// and sensitive columns (the lists one item per line). The card is read and saved on the job
// runner (govern::loadCard, saveCard); the header says when there are unsaved changes, and a
// refusal is shown there in red.
class ModelCardEditor : public QWidget {
    Q_OBJECT
public:
    explicit ModelCardEditor(QWidget *parent = nullptr);

    void setContext(JobRunner *jobs, std::filesystem::path root, bool accessControlOn);
    // Reads the card of `subject` (a registered model); "" shows what to do instead. Unsaved
    // changes of another subject are dropped, so callers ask first (maySwitch).
    void setSubject(const QString &subject);
    QString subject() const { return m_subject; }
    // True when there is nothing unsaved or the user chose to drop it.
    bool maySwitch();

    void setCard(const govern::ModelCard &card); // fills the form; not dirty afterwards
    govern::ModelCard card() const;              // what the form says now
    bool isDirty() const { return m_dirty; }
    bool isLoaded() const { return m_loaded; }
    QString statusText() const;
    QPlainTextEdit *overviewEdit() const { return m_overview; }
    QPlainTextEdit *limitationsEdit() const { return m_limitations; }
    void save();

signals:
    void saved(const QString &subject);

private:
    void load();
    void markDirty();
    void showStatus(const QString &text, bool failure);

    JobRunner *m_jobs = nullptr;
    std::filesystem::path m_root;
    bool m_accessControlOn = false;
    QString m_subject;
    govern::ModelCard m_loadedCard;
    QStackedWidget *m_stack;
    EmptyState *m_empty;
    QLabel *m_title;
    QLabel *m_status;
    QPushButton *m_save;
    QPlainTextEdit *m_overview;
    QPlainTextEdit *m_owners;
    QLineEdit *m_version;
    QLineEdit *m_license;
    QPlainTextEdit *m_references;
    QPlainTextEdit *m_intendedUse;
    QPlainTextEdit *m_outOfScope;
    QPlainTextEdit *m_limitations;
    QPlainTextEdit *m_tradeoffs;
    QPlainTextEdit *m_ethics;
    QPlainTextEdit *m_sensitive;
    QPointer<Job> m_loadJob;
    bool m_dirty = false;
    bool m_loaded = false;
    bool m_filling = false;
};

} // namespace assay::ui
