// The content hash of a compliance report: SHA-256 over a canonical JSON form of everything
// the report shows (QJsonObject sorts keys; compact output has no layout choices).
#include "govern/compliance_report.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace assay::govern {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QJsonArray strings(const std::vector<std::string> &items)
{
    QJsonArray array;
    for (const auto &item : items)
        array.append(qs(item));
    return array;
}

QJsonArray numbers(const std::vector<double> &values)
{
    QJsonArray array;
    for (double value : values)
        array.append(value);
    return array;
}

QJsonObject fieldsJson(const ReportFields &fields)
{
    QJsonArray items;
    for (const auto &[label, value] : fields.items)
        items.append(QJsonArray{qs(label), qs(value)});
    return {{QStringLiteral("fields"), items}};
}

QJsonObject blockJson(const ReportBlock &block)
{
    if (const auto *paragraph = std::get_if<ReportParagraph>(&block))
        return {{QStringLiteral("paragraph"), qs(paragraph->text)},
                {QStringLiteral("tone"), static_cast<int>(paragraph->tone)}};
    if (const auto *fields = std::get_if<ReportFields>(&block))
        return fieldsJson(*fields);
    if (const auto *list = std::get_if<ReportList>(&block))
        return {{QStringLiteral("list"), qs(list->heading)}, {QStringLiteral("items"), strings(list->items)}};
    if (const auto *table = std::get_if<ReportTable>(&block)) {
        QJsonArray rows;
        for (const auto &row : table->rows)
            rows.append(strings(row));
        return {{QStringLiteral("table"), qs(table->caption)},
                {QStringLiteral("columns"), strings(table->columns)},
                {QStringLiteral("rows"), rows}};
    }
    return {{QStringLiteral("chart"), static_cast<int>(std::get<ReportChart>(block))}};
}

} // namespace

std::string contentDigestText(const ComplianceReportContent &content)
{
    QJsonArray sections;
    for (const auto &section : content.sections) {
        QJsonArray blocks;
        for (const auto &block : section.blocks)
            blocks.append(blockJson(block));
        sections.append(QJsonObject{{QStringLiteral("title"), qs(section.title)}, {QStringLiteral("blocks"), blocks}});
    }
    QJsonArray roc;
    for (const auto &part : content.rocParts)
        roc.append(QJsonObject{{QStringLiteral("part"), qs(part.name)},
                               {QStringLiteral("fpr"), numbers(part.evaluation.roc.x)},
                               {QStringLiteral("tpr"), numbers(part.evaluation.roc.y)}});
    QJsonObject shap{{QStringLiteral("features"), strings(content.shapFeatures)},
                     {QStringLiteral("importance"), numbers(content.shapImportance)},
                     {QStringLiteral("unit"), qs(content.shapUnit)}};
    if (content.shapRows) {
        shap.insert(QStringLiteral("values"), numbers(content.shapRows->values.values));
        shap.insert(QStringLiteral("x"), numbers(content.shapRows->x.values));
    }
    const QJsonObject document{{QStringLiteral("title"), qs(content.title)},
                               {QStringLiteral("subject"), qs(content.subject)},
                               {QStringLiteral("title_block"), fieldsJson(content.titleBlock)},
                               {QStringLiteral("sections"), sections},
                               {QStringLiteral("roc"), roc},
                               {QStringLiteral("shap"), shap}};
    return QJsonDocument(document).toJson(QJsonDocument::Compact).toStdString();
}

std::string contentHashOf(const ComplianceReportContent &content)
{
    const std::string text = contentDigestText(content);
    return QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256).toHex().toStdString();
}

std::string contentHashExplanation()
{
    return "The content hash is the SHA-256 of everything this report shows above this line — the "
           "title block, every section's text and tables, and the numbers the charts are drawn "
           "from — in a canonical JSON form; it excludes only this hash line. The same hash is "
           "recorded in the workspace's audit log when the report is exported (action "
           "report.export), so a copy can be checked against the log.";
}

} // namespace assay::govern
