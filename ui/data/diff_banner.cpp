#include "data/diff_banner.h"

#include "common/theme.h"
#include "data/dataset_comparison.h"
#include "data/diff_summary.h"

#include <QLabel>
#include <QTextDocument>
#include <QVBoxLayout>

namespace assay::ui {

DiffBanner::DiffBanner(QWidget *parent)
    : QFrame(parent), m_counts(new QLabel(this)), m_schema(new QLabel(this)),
      m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("diffBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, palette().color(QPalette::AlternateBase));
    setPalette(tinted);

    QFont bold = m_counts->font();
    bold.setBold(true);
    m_counts->setFont(bold);
    m_schema->setTextFormat(Qt::RichText);
    m_schema->setWordWrap(true);
    QPalette muted = m_note->palette();
    muted.setColor(QPalette::WindowText, mutedTextColor(palette()));
    m_note->setPalette(muted);
    m_note->setWordWrap(true);
    for (QLabel *label : {m_counts, m_schema, m_note})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(3);
    layout->addWidget(m_counts);
    layout->addWidget(m_schema);
    layout->addWidget(m_note);
    clear();
}

void DiffBanner::setComparison(const DatasetComparison &comparison)
{
    m_counts->setText(
        tr("%1 → %2:  %3").arg(comparison.nameA, comparison.nameB, diffCountsText(comparison)));
    m_schema->setText(schemaChangesHtml(comparison));
    QString note = comparison.keyColumns.empty()
                       ? tr("Rows compared as whole rows: a changed value shows as one row "
                            "removed and one added. Pick a key column to see modified cells.")
                       : QString();
    const QString truncated = truncationText(comparison);
    if (!truncated.isEmpty())
        note = note.isEmpty() ? truncated : truncated + u' ' + note;
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_schema->setVisible(true);
    show();
}

void DiffBanner::clear()
{
    m_counts->clear();
    m_schema->clear();
    m_note->clear();
    hide();
}

QString DiffBanner::countsText() const
{
    return m_counts->text();
}

QString DiffBanner::schemaText() const
{
    QTextDocument document;
    document.setHtml(m_schema->text());
    return document.toPlainText();
}

QString DiffBanner::noteText() const
{
    return m_note->text();
}

} // namespace assay::ui
