#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace assay::ui {

// What the window shows without a workspace: open one, create one, open the demo, or pick
// a recent one. Only emits requests; the MainWindow carries them out.
class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    void setRecentWorkspaces(const QStringList &paths);
    // While the demo is being created its button is disabled and says so.
    void setDemoBusy(bool busy);
    QListWidget *recentList() const { return m_recent; }

signals:
    void openRequested();
    void createRequested();
    void demoRequested();
    void recentRequested(const QString &path);

private:
    QPushButton *addAction(const QString &text, const QString &hint);

    QWidget *m_actions;
    QPushButton *m_demo;
    QListWidget *m_recent;
    QLabel *m_recentEmpty;
};

} // namespace assay::ui
