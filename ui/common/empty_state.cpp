#include "common/empty_state.h"

#include "common/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace assay::ui {

QString withCodeSpans(const QString &text)
{
    const QStringList parts = text.split(u'`');
    QString html;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString escaped = parts[i].toHtmlEscaped();
        html += (i % 2 == 1) ? QStringLiteral("<code>%1</code>").arg(escaped)
                             : QString(escaped).replace(u'\n', QStringLiteral("<br>"));
    }
    return html;
}

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_body(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_buttons(new QHBoxLayout)
{
    // A fixed-width centred column: word-wrapped labels need a definite width to know
    // their height.
    auto *column = new QWidget(this);
    column->setFixedWidth(560);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_body);
    layout->addWidget(m_progress, 0, Qt::AlignHCenter);
    layout->addSpacing(6);
    layout->addLayout(m_buttons);

    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(column);
    row->addStretch();
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addStretch(2);
    outer->addLayout(row);
    outer->addStretch(3);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_body->setAlignment(Qt::AlignCenter);
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::RichText);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setFixedWidth(260);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    m_buttons->addStretch();
    m_buttons->addStretch();
}

void EmptyState::setContent(const QString &title, const QString &body, Tone tone)
{
    m_title->setText(title);
    m_body->setText(withCodeSpans(body));
    QPalette palette = m_title->palette();
    palette.setColor(QPalette::WindowText, tone == Tone::Error
                                               ? statusColor(StatusTone::Failed, this->palette())
                                               : this->palette().color(QPalette::WindowText));
    m_title->setPalette(palette);
    QPalette bodyPalette = m_body->palette();
    bodyPalette.setColor(QPalette::WindowText, tone == Tone::Error
                                                   ? this->palette().color(QPalette::WindowText)
                                                   : mutedTextColor(this->palette()));
    m_body->setPalette(bodyPalette);
    m_progress->setVisible(tone == Tone::Waiting);
    setProgress(-1);
}

void EmptyState::setProgress(double fraction)
{
    if (fraction < 0) {
        m_progress->setRange(0, 0);
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
}

QPushButton *EmptyState::addButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    m_buttons->insertWidget(m_buttons->count() - 1, button);
    return button;
}

QString EmptyState::title() const
{
    return m_title->text();
}

QString EmptyState::body() const
{
    return m_body->text();
}

} // namespace assay::ui
