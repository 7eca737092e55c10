#pragma once

#include "track/run_filter_parser.h"

#include <QLineEdit>
#include <QStringList>

#include <memory>

class QCompleter;
class QStringListModel;
class QTimer;

namespace assay::ui {

struct RunsSnapshot;

// The runs filter: MLflow's search syntax as core parses it (`metrics.auc > 0.8 and
// params.max_depth = '6'`, or, parentheses), keys completed as they are typed. A filter
// that does not parse turns the box red and reports core's message naming the column;
// the table keeps the last filter that did parse.
class RunFilterBox : public QLineEdit {
    Q_OBJECT
public:
    explicit RunFilterBox(QWidget *parent = nullptr);

    // The keys completion offers: params.KEY, metrics.KEY, tags.KEY and the attributes.
    void setKeys(const RunsSnapshot &snapshot);
    QStringList completions() const;
    // Parses the text now (instead of after the typing pause).
    void applyNow();
    // "Column 14: expected a value" or empty when the filter parses.
    const QString &errorMessage() const { return m_error; }
    // The parsed filter; null when the box is empty or the text does not parse.
    std::shared_ptr<const track::FilterNode> filter() const { return m_filter; }
    QCompleter *keyCompleter() const { return m_completer; }

signals:
    // A new valid filter (null: every run).
    void filterChanged(std::shared_ptr<const track::FilterNode> filter);
    // Empty when the text parses.
    void errorChanged(const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void parse();
    void showError(const QString &message);
    void completeWordAtCursor();
    void insertCompletion(const QString &completion);
    QString wordAtCursor() const;

    QCompleter *m_completer;
    QStringListModel *m_keys;
    QTimer *m_typingPause;
    QString m_error;
    QString m_applied;
    std::shared_ptr<const track::FilterNode> m_filter;
};

// "filter:1:14: expected a value…" (core's first line) as "Column 14: expected a value…".
QString describeFilterError(const std::string &coreMessage);

} // namespace assay::ui
