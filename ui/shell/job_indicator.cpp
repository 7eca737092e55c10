#include "shell/job_indicator.h"

#include "shell/job_runner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

namespace assay::ui {

JobIndicator::JobIndicator(JobRunner *runner, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    m_bar->setFixedWidth(140);
    m_bar->setMaximumHeight(14);
    m_bar->setTextVisible(false);
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancel->setAutoRaise(true);
    m_cancel->setToolTip(tr("Cancel this background job"));
    connect(m_cancel, &QToolButton::clicked, this, &JobIndicator::cancelShownJob);

    connect(runner, &JobRunner::jobStarted, this, [this](Job *job) {
        connect(job, &Job::progressChanged, this, &JobIndicator::update);
        connect(job, &Job::cancelRequested, this, &JobIndicator::update);
        update();
    });
    connect(runner, &JobRunner::jobFinished, this, &JobIndicator::update);
    setVisible(false);
}

void JobIndicator::update()
{
    const QList<Job *> &jobs = m_runner->jobs();
    setVisible(!jobs.isEmpty());
    if (jobs.isEmpty()) {
        m_shown = nullptr;
        return;
    }
    m_shown = jobs.last();
    QString text = m_shown->title();
    const QString stage = m_shown->stage();
    if (!stage.isEmpty())
        text += QStringLiteral(" — ") + stage;
    if (m_shown->isCancelRequested())
        text += QStringLiteral(" — ") + tr("cancelling…");
    if (jobs.size() > 1)
        text += tr(" (+%1 more)").arg(jobs.size() - 1);
    m_label->setText(text);

    const double fraction = m_shown->fraction();
    if (fraction < 0) {
        m_bar->setRange(0, 0);
    } else {
        m_bar->setRange(0, 1000);
        m_bar->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
    }
    m_cancel->setEnabled(!m_shown->isCancelRequested());
}

void JobIndicator::cancelShownJob()
{
    if (m_shown)
        m_shown->cancel();
}

} // namespace assay::ui
