#include "report/report_pdf.h"

#include "report/report_html.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QUrl>

#include <cmath>

namespace assay::ui {

namespace {

// The writer works in CSS pixels (96 per inch), the unit the HTML is written in, so lengths
// in the markup, the page and the painter agree without scaling. Text stays vector and the
// chart images keep their own (print) resolution.
constexpr int kResolution = 96;
constexpr double kMillimetre = kResolution / 25.4;
constexpr double kSideMargin = 20 * kMillimetre;
constexpr double kTopMargin = 18 * kMillimetre;
constexpr double kBottomMargin = 24 * kMillimetre; // the running footer sits in here

// Blocks that must not end a page: section headings, and the hash line, which keeps its
// explanation under it.
bool keptWithNext(const QTextBlock &block)
{
    return block.blockFormat().headingLevel() >= 2 || block.text().startsWith(QLatin1String("Content hash (SHA-256):"));
}

// Moves a heading that would end a page (its next block starting on the next page, or too
// little room left under it) to the top of the next page. Re-lays out after each move.
void keepHeadingsWithTheirText(QTextDocument &document)
{
    const double pageHeight = document.pageSize().height();
    const double minimumRoom = 70; // about three lines of text under a heading
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (!keptWithNext(block))
            continue;
        QAbstractTextDocumentLayout *layout = document.documentLayout();
        const QRectF heading = layout->blockBoundingRect(block);
        const QTextBlock next = block.next();
        if (!next.isValid())
            continue;
        const QRectF following = layout->blockBoundingRect(next);
        const int page = static_cast<int>(heading.top() / pageHeight);
        const double pageEnd = (page + 1) * pageHeight - kBottomMargin;
        const bool nextOnLaterPage = static_cast<int>(following.top() / pageHeight) > page;
        if (nextOnLaterPage || heading.bottom() + minimumRoom > pageEnd) {
            QTextCursor cursor(block);
            QTextBlockFormat format = block.blockFormat();
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            cursor.setBlockFormat(format);
            // The layout only redoes the changed block; what follows a table would keep its old
            // position (and not be drawn) unless the rest of the document is laid out again.
            document.markContentsDirty(block.position(), document.characterCount() - block.position());
        }
    }
}

void drawFooter(QPainter &painter, const QRectF &page, const govern::ComplianceReportContent &content,
                int pageNumber, int pageCount)
{
    const double top = page.height() - kBottomMargin + 10;
    const QRectF line(kSideMargin, top, page.width() - 2 * kSideMargin, 14);
    painter.save();
    painter.setPen(QColor(0x8c, 0x95, 0x9f));
    painter.drawLine(QPointF(line.left(), top - 4), QPointF(line.right(), top - 4));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(7);
    painter.setFont(font);
    painter.setPen(QColor(0x57, 0x60, 0x6a));
    painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, QString::fromStdString(content.title));
    painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter,
                     QStringLiteral("page %1 of %2").arg(pageNumber).arg(pageCount));
    const QRectF hashLine = line.translated(0, 13);
    painter.drawText(hashLine, Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("Content hash (SHA-256) %1 — explained on the last page")
                         .arg(QString::fromStdString(content.contentHash)));
    painter.restore();
}

} // namespace

Result<QByteArray> renderReportPdf(const govern::ComplianceReportContent &content, const ReportImages &images)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return Error::io("cannot open a memory buffer for the PDF");
    QPdfWriter writer(&buffer);
    writer.setResolution(kResolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(QString::fromStdString(content.title));
    writer.setCreator(QStringLiteral("Assay " ASSAY_VERSION));

    QTextDocument document;
    document.documentLayout()->setPaintDevice(&writer);
    const QRectF page(0, 0, writer.width(), writer.height());
    document.setPageSize(page.size());
    document.addResource(QTextDocument::ImageResource, QUrl(reportImageName(govern::ReportChart::Roc)), images.roc);
    document.addResource(QTextDocument::ImageResource, QUrl(reportImageName(govern::ReportChart::ShapBars)),
                         images.shapBars);
    document.addResource(QTextDocument::ImageResource, QUrl(reportImageName(govern::ReportChart::Beeswarm)),
                         images.beeswarm);
    document.setHtml(reportHtml(content, images, ReportMarkup::Print));
    // The root frame's margins are the page margins: QTextDocument repeats them on every page.
    QTextFrameFormat frame = document.rootFrame()->frameFormat();
    frame.setLeftMargin(kSideMargin);
    frame.setRightMargin(kSideMargin);
    frame.setTopMargin(kTopMargin);
    frame.setBottomMargin(kBottomMargin);
    document.rootFrame()->setFrameFormat(frame);
    keepHeadingsWithTheirText(document);

    const int pageCount = document.pageCount();
    QPainter painter;
    if (!painter.begin(&writer))
        return Error::io("cannot start drawing the PDF");
    for (int index = 0; index < pageCount; ++index) {
        if (index > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -index * page.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, index * page.height(), page.width(), page.height());
        painter.setClipRect(context.clip);
        document.documentLayout()->draw(&painter, context);
        painter.restore();
        drawFooter(painter, page, content, index + 1, pageCount);
    }
    painter.end();
    return bytes;
}

} // namespace assay::ui
