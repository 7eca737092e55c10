#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QHBoxLayout;
class QPushButton;

namespace assay::ui {

// A pane that has nothing to show yet says why and what to do next, centred:
// a title, an explanation (rich text, `code` in monospace) and optional buttons.
// Also used while a pane waits (with a progress bar) and for errors.
class EmptyState : public QWidget {
    Q_OBJECT
public:
    enum class Tone { Neutral, Waiting, Error };

    explicit EmptyState(QWidget *parent = nullptr);

    void setContent(const QString &title, const QString &body, Tone tone = Tone::Neutral);
    // -1 shows a busy bar, 0..1 a fraction; only visible in the Waiting tone.
    void setProgress(double fraction);
    QPushButton *addButton(const QString &text);

    QString title() const;
    QString body() const;

private:
    QLabel *m_title;
    QLabel *m_body;
    QProgressBar *m_progress;
    QHBoxLayout *m_buttons;
};

// "Run `assay data add FILE`" -> HTML with the backticked part in a monospace font.
QString withCodeSpans(const QString &text);

} // namespace assay::ui
