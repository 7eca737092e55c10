#pragma once

#include <QWidget>

class QButtonGroup;
class QToolButton;
class QVBoxLayout;

namespace assay::ui {

// The left navigation: one icon + label button per area, the current one marked.
class ModeRail : public QWidget {
    Q_OBJECT
public:
    explicit ModeRail(QWidget *parent = nullptr);

    void addArea(const QString &id, const QString &title, const QIcon &icon);
    void setCurrentArea(const QString &id);
    QString currentArea() const;
    QStringList areas() const;

signals:
    void areaSelected(const QString &id);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QVBoxLayout *m_layout;
    QButtonGroup *m_group;
    QList<QToolButton *> m_buttons;
};

} // namespace assay::ui
