#include "report/report_html.h"

#include <QBuffer>

namespace assay::ui {

namespace {

using govern::ReportChart;

const char *const kPassedColor = "#1a7f37";
const char *const kFailedColor = "#b42318";

// Works in browsers and in QTextDocument's subset of CSS alike.
const char *const kStyle = R"(
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 9pt; color: #1f2328; }
h1 { font-size: 17pt; color: #0b3d6b; margin-bottom: 6px; }
h2 { font-size: 13pt; color: #0b3d6b; margin-top: 18px; margin-bottom: 6px; border-bottom: 1px solid #0b3d6b; }
p { margin-top: 3px; margin-bottom: 5px; }
p.note { color: #57606a; font-style: italic; }
p.caption { font-weight: bold; margin-top: 8px; margin-bottom: 3px; }
p.listhead { font-weight: bold; margin-top: 6px; margin-bottom: 1px; }
p.hash { margin-top: 14px; font-size: 8pt; }
p.hashnote { color: #57606a; font-size: 7.5pt; }
table.grid { border-collapse: collapse; margin-bottom: 6px; font-size: 8pt; }
table.grid th { background-color: #eef1f4; text-align: left; }
table.grid th, table.grid td { border: 1px solid #8c959f; padding: 3px 5px; vertical-align: top; }
table.fields td { padding: 1px 10px 1px 0; vertical-align: top; }
td.label { font-weight: bold; color: #3d444d; white-space: nowrap; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; }
ul { margin-top: 0; margin-bottom: 4px; }
)";

const char *const kBrowserStyle = R"(
body { max-width: 820px; margin: 24px auto; padding: 0 16px; line-height: 1.35; }
img { max-width: 100%; height: auto; }
)";

QString html(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

// Words that mean a check passed or failed get the status colour; the word itself stays.
std::optional<bool> statusOf(const std::string &cell)
{
    if (cell == "passed" || cell == "ok" || cell == "stable")
        return true;
    if (cell == "failed" || cell == "refused" || cell == "drifted")
        return false;
    return std::nullopt;
}

QString statusSpan(bool passed, const QString &word)
{
    return QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>")
        .arg(QString::fromLatin1(passed ? kPassedColor : kFailedColor), word);
}

QString fieldsHtml(const govern::ReportFields &fields)
{
    QString out = QStringLiteral("<table class=\"fields\" cellspacing=\"0\" cellpadding=\"1\">");
    for (const auto &[label, value] : fields.items)
        out += QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td></tr>").arg(html(label), html(value));
    return out + QStringLiteral("</table>");
}

QString paragraphHtml(const govern::ReportParagraph &paragraph)
{
    using Tone = govern::ReportParagraph::Tone;
    switch (paragraph.tone) {
    case Tone::Note:
        return QStringLiteral("<p class=\"note\">%1</p>").arg(html(paragraph.text));
    case Tone::Passed:
    case Tone::Failed: {
        const bool passed = paragraph.tone == Tone::Passed;
        return QStringLiteral("<p>%1 %2</p>")
            .arg(statusSpan(passed, passed ? QStringLiteral("[passed]") : QStringLiteral("[failed]")),
                 html(paragraph.text));
    }
    default:
        return QStringLiteral("<p>%1</p>").arg(html(paragraph.text));
    }
}

QString listHtml(const govern::ReportList &list)
{
    QString out = QStringLiteral("<p class=\"listhead\">%1</p><ul>").arg(html(list.heading));
    for (const auto &item : list.items)
        out += QStringLiteral("<li>%1</li>").arg(html(item));
    return out + QStringLiteral("</ul>");
}

QString tableHtml(const govern::ReportTable &table)
{
    QString out;
    if (!table.caption.empty())
        out += QStringLiteral("<p class=\"caption\">%1</p>").arg(html(table.caption));
    // The attributes repeat the style sheet for QTextDocument, which reads them more reliably.
    out += QStringLiteral("<table class=\"grid\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                          "width=\"100%\" style=\"border-collapse: collapse; border-color: #8c959f\"><thead><tr>");
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const bool numeric = c < table.numeric.size() && table.numeric[c];
        out += QStringLiteral("<th bgcolor=\"#eef1f4\" align=\"%1\">%2</th>")
                   .arg(numeric ? QStringLiteral("right") : QStringLiteral("left"), html(table.columns[c]));
    }
    out += QStringLiteral("</tr></thead><tbody>");
    for (const auto &row : table.rows) {
        out += QStringLiteral("<tr>");
        for (std::size_t c = 0; c < row.size(); ++c) {
            const bool numeric = c < table.numeric.size() && table.numeric[c];
            QString cell = html(row[c]);
            if (table.statusColumn && *table.statusColumn == c)
                if (const auto status = statusOf(row[c]))
                    cell = statusSpan(*status, cell);
            out += numeric ? QStringLiteral("<td align=\"right\">%1</td>").arg(cell)
                           : QStringLiteral("<td>%1</td>").arg(cell);
        }
        out += QStringLiteral("</tr>");
    }
    return out + QStringLiteral("</tbody></table>");
}

QString dataUri(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

QString chartHtml(ReportChart chart, const ReportImages &images, ReportMarkup markup)
{
    const QImage &image = chart == ReportChart::Roc ? images.roc
                          : chart == ReportChart::ShapBars ? images.shapBars
                                                           : images.beeswarm;
    if (image.isNull())
        return {};
    const int width = kReportChartWidth;
    const int height = qRound(image.height() / kReportImageScale);
    const QString alt = chart == ReportChart::Roc ? QStringLiteral("ROC curve")
                        : chart == ReportChart::ShapBars ? QStringLiteral("Mean |SHAP value| per feature")
                                                         : QStringLiteral("SHAP beeswarm");
    const QString source = markup == ReportMarkup::Browser ? dataUri(image) : reportImageName(chart);
    return QStringLiteral("<p align=\"center\"><img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\"></p>")
        .arg(source)
        .arg(width)
        .arg(height)
        .arg(alt);
}

QString blockHtml(const govern::ReportBlock &block, const ReportImages &images, ReportMarkup markup)
{
    if (const auto *paragraph = std::get_if<govern::ReportParagraph>(&block))
        return paragraphHtml(*paragraph);
    if (const auto *fields = std::get_if<govern::ReportFields>(&block))
        return fieldsHtml(*fields);
    if (const auto *list = std::get_if<govern::ReportList>(&block))
        return listHtml(*list);
    if (const auto *table = std::get_if<govern::ReportTable>(&block))
        return tableHtml(*table);
    return chartHtml(std::get<ReportChart>(block), images, markup);
}

} // namespace

QString reportImageName(ReportChart chart)
{
    switch (chart) {
    case ReportChart::Roc:
        return QStringLiteral("assay-report-roc.png");
    case ReportChart::ShapBars:
        return QStringLiteral("assay-report-shap-bars.png");
    default:
        return QStringLiteral("assay-report-beeswarm.png");
    }
}

QString reportHtml(const govern::ComplianceReportContent &content, const ReportImages &images,
                   ReportMarkup markup)
{
    QString out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                                 "<title>%1</title><style>%2%3</style></head><body>\n")
                      .arg(html(content.title), QString::fromLatin1(kStyle),
                           markup == ReportMarkup::Browser ? QString::fromLatin1(kBrowserStyle) : QString());
    out += QStringLiteral("<h1>%1</h1>\n").arg(html(content.title));
    out += fieldsHtml(content.titleBlock) + QLatin1Char('\n');
    int number = 1;
    for (const auto &section : content.sections) {
        out += QStringLiteral("<h2>%1. %2</h2>\n").arg(number++).arg(html(section.title));
        for (const auto &block : section.blocks)
            out += blockHtml(block, images, markup) + QLatin1Char('\n');
    }
    out += QStringLiteral("<p class=\"hash\"><b>Content hash (SHA-256):</b> <code>%1</code></p>\n"
                          "<p class=\"hashnote\">%2</p>\n")
               .arg(html(content.contentHash), html(govern::contentHashExplanation()));
    return out + QStringLiteral("</body></html>\n");
}

} // namespace assay::ui
