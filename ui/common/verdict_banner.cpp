#include "common/verdict_banner.h"

#include <QHBoxLayout>
#include <QLabel>

namespace assay::ui {

VerdictBanner::VerdictBanner(QWidget *parent)
    : QFrame(parent), m_dot(new QLabel(this)), m_headline(new QLabel(this)), m_detail(new QLabel(this))
{
    setAutoFillBackground(true);
    setFrameShape(QFrame::StyledPanel);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(8);
    layout->addWidget(m_dot);
    layout->addWidget(m_headline);
    layout->addWidget(m_detail, 1);
    hide();
}

void VerdictBanner::setVerdict(StatusTone tone, const QString &headline, const QString &detail)
{
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, statusTint(tone, QPalette()));
    setPalette(tinted);
    const int size = fontMetrics().height() - 2;
    m_dot->setPixmap(statusDot(tone, QPalette()).pixmap(size, size));
    m_headline->setText(headline);
    m_detail->setText(detail);
    show();
}

void VerdictBanner::clear()
{
    m_headline->clear();
    m_detail->clear();
    hide();
}

QString VerdictBanner::headline() const
{
    return m_headline->text();
}

QString VerdictBanner::detail() const
{
    return m_detail->text();
}

} // namespace assay::ui
