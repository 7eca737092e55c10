#pragma once

#include "track/run_record.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace assay::ui {

// Everything one run logged (except metric histories): its attributes, params, latest
// metrics, tags, dataset inputs and artifacts, as a sectioned key/value list.
class RunDetailsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunDetailsPanel(QWidget *parent = nullptr);

    void showRun(const track::RunRecord &run);
    // No run yet, loading, or an error: a line of text instead of the list.
    void showMessage(const QString &message);
    QTreeWidget *list() const { return m_list; }
    QString shownRunId() const { return m_runId; }

private:
    QTreeWidgetItem *addSection(const QString &title, int count);
    void addRow(QTreeWidgetItem *section, const QString &key, const QString &value,
                const QString &detail = {});

    QLabel *m_title;
    QTreeWidget *m_list;
    QString m_runId;
};

} // namespace assay::ui
