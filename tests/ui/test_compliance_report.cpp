// The compliance report of the demo's boosted model: the content core gathers, the PDF and
// HTML `assay report` writes (read back with pdftotext), and the audit entry of the export.
#include "demo/demo_workspace.h"
#include "govern/audit_log.h"
#include "govern/compliance_report.h"
#include "model/model_source.h"
#include "support/cli_runner.h"
#include "support/files.h"
#include "track/run_query.h"
#include "workspace/workspace.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace assay;
using assay::testing::args;
using assay::testing::parseJson;
using assay::testing::runAssay;
namespace fs = std::filesystem;

namespace {

constexpr const char *kBoostedRun = "gbt · credit default";

QString pdfText(const QString &pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    process.waitForFinished(60000);
    // The PDF's fonts set "fi" as one ligature glyph; NFKC reads it as the two letters again.
    return QString::fromUtf8(process.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

bool hasSection(const govern::ComplianceReportContent &content, const std::string &title)
{
    return std::any_of(content.sections.begin(), content.sections.end(),
                       [&](const govern::ReportSection &s) { return s.title == title; });
}

// Every sentence, field and table cell of a section, to search in.
std::string sectionText(const govern::ComplianceReportContent &content, const std::string &title)
{
    std::string text;
    for (const auto &section : content.sections) {
        if (section.title != title)
            continue;
        for (const auto &block : section.blocks) {
            if (const auto *paragraph = std::get_if<govern::ReportParagraph>(&block))
                text += paragraph->text + "\n";
            else if (const auto *fields = std::get_if<govern::ReportFields>(&block))
                for (const auto &[label, value] : fields->items)
                    text += label + ": " + value + "\n";
            else if (const auto *list = std::get_if<govern::ReportList>(&block))
                for (const auto &item : list->items)
                    text += item + "\n";
            else if (const auto *table = std::get_if<govern::ReportTable>(&block))
                for (const auto &row : table->rows)
                    for (const auto &cell : row)
                        text += cell + "\t";
        }
    }
    return text;
}

} // namespace

class TestComplianceReport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    fs::path m_root;
    std::string m_runId;
    std::string m_modelMd5;
    double m_testAuc = 0;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = fs::path(m_dir.path().toStdString()) / "demo";
        demo::DemoOptions options;
        options.rows = 1500;
        const Status created = demo::createDemoWorkspace(m_root, options);
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        auto workspace = workspace::Workspace::open(m_root);
        QVERIFY(workspace.ok());
        auto runId = track::resolveRun(workspace->database(), kBoostedRun);
        QVERIFY(runId.ok());
        m_runId = *runId;
        auto run = track::loadRun(workspace->database(), m_runId);
        QVERIFY(run.ok());
        for (const auto &artifact : run->artifacts)
            if (artifact.path == model::kModelArtifactPath)
                m_modelMd5 = artifact.md5;
        QVERIFY(!m_modelMd5.empty());
        QVERIFY(run->latestMetrics.count("test_roc_auc"));
        m_testAuc = run->latestMetrics.at("test_roc_auc").value;
    }

    void contentHasEverySectionWithRealContent()
    {
        auto workspace = workspace::Workspace::open(m_root);
        QVERIFY(workspace.ok());
        govern::ReportRequest request;
        request.run = m_runId;
        auto content = govern::gatherComplianceReport(*workspace, request);
        QVERIFY2(content.ok(), content.ok() ? "" : content.error().message.c_str());
        for (const auto &title : govern::reportSectionTitles())
            QVERIFY2(hasSection(*content, title), title.c_str());
        QCOMPARE(content->contentHash, govern::contentHashOf(*content));
        QCOMPARE(content->contentHash.size(), std::size_t(64));

        // The training data is the first quarter at the commit the run saw, with its md5.
        const std::string lineage = sectionText(*content, "Data lineage");
        QVERIFY2(lineage.find("credit.csv") != std::string::npos, lineage.c_str());
        QVERIFY2(lineage.find("Rows: 1500") != std::string::npos, lineage.c_str());
        QVERIFY2(lineage.find("Validation passed") != std::string::npos, lineage.c_str());
        // The demo's explanation is cached: the bars and the beeswarm come from it.
        QVERIFY(!content->shapFeatures.empty());
        QVERIFY(content->shapRows.has_value());
        QVERIFY(sectionText(*content, "Explanations").find("cached TreeSHAP") != std::string::npos);
        QVERIFY(!content->rocParts.empty());
        // The second version of the data drifted on purpose.
        QVERIFY2(sectionText(*content, "Drift").find("drift") != std::string::npos, sectionText(*content, "Drift").c_str());
        const std::string tests = sectionText(*content, "Model tests");
        QVERIFY2(tests.find("ranks defaults well overall") != std::string::npos, tests.c_str());
        QVERIFY(sectionText(*content, "Audit trail").find("Audit chain verified") != std::string::npos);
    }

    void runWithoutCardSaysSoAndNamesNoSensitiveColumn()
    {
        auto workspace = workspace::Workspace::open(m_root);
        QVERIFY(workspace.ok());
        govern::ReportRequest request;
        request.run = "ridge · interest rate";
        auto content = govern::gatherComplianceReport(*workspace, request);
        QVERIFY(content.ok());
        QVERIFY(sectionText(*content, "Model card").find("No model card has been written") != std::string::npos);
        QVERIFY(sectionText(*content, "Fairness").find("No fairness evaluation: the model card names no sensitive column") !=
                std::string::npos);
        // A ridge regression is no tree model and has no cached SHAP: the section says why.
        QVERIFY2(sectionText(*content, "Explanations").find("TreeSHAP needs a tree model") != std::string::npos,
                 sectionText(*content, "Explanations").c_str());
        QVERIFY(content->rocParts.empty());
    }

    void pdfHoldsEverySectionAndTheKeyValues()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        const auto outcome = runAssay({QStringLiteral("--workspace"), QString::fromStdString(m_root.string()),
                                       QStringLiteral("report"), QStringLiteral("--run"),
                                       QString::fromStdString(m_runId), QStringLiteral("--out"), pdf,
                                       QStringLiteral("--json")});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        const QJsonObject json = parseJson(outcome.out);
        const QString hash = json.value(QStringLiteral("content_hash")).toString();
        QCOMPARE(hash.size(), 64);
        QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("pdf"));
        QVERIFY(QFile(pdf).size() > 10000);

        const QString text = pdfText(pdf);
        QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
        for (const auto &title : govern::reportSectionTitles())
            QVERIFY2(text.contains(QString::fromStdString(title)), title.c_str());
        QVERIFY(text.contains(QString::fromStdString(m_modelMd5)));
        QVERIFY2(text.contains(QString::number(m_testAuc, 'f', 4)), qPrintable(QString::number(m_testAuc, 'f', 4)));
        QVERIFY(text.contains(QStringLiteral("Audit chain verified")));
        QVERIFY(text.contains(hash));
        QVERIFY(text.contains(QStringLiteral("page 1 of")));

        // The export is in the audit log with its file and hash.
        auto workspace = workspace::Workspace::open(m_root);
        QVERIFY(workspace.ok());
        auto entries = govern::readAudit(workspace->database());
        QVERIFY(entries.ok());
        const auto exported = std::find_if(entries->rbegin(), entries->rend(),
                                           [](const govern::AuditEntry &e) { return e.action == "report.export"; });
        QVERIFY(exported != entries->rend());
        QCOMPARE(exported->object, m_runId);
        QVERIFY(exported->details.find(hash.toStdString()) != std::string::npos);
        QVERIFY(exported->details.find("report.pdf") != std::string::npos);
    }

    void htmlIsSelfContained()
    {
        const QString html = m_dir.filePath(QStringLiteral("report.html"));
        const auto outcome = runAssay({QStringLiteral("--workspace"), QString::fromStdString(m_root.string()),
                                       QStringLiteral("report"), QStringLiteral("--run"),
                                       QString::fromStdString(m_runId), QStringLiteral("--out"), html});
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const auto &title : govern::reportSectionTitles())
            QVERIFY2(text.contains(QString::fromStdString(title).toHtmlEscaped()), title.c_str());
        QVERIFY(!text.contains(QStringLiteral("http:")));
        QVERIFY(!text.contains(QStringLiteral("https:")));
        QVERIFY(!text.contains(QStringLiteral("file:")));
        QVERIFY(!text.contains(QStringLiteral("<link")));
        // Every image is inline.
        const QRegularExpression source(QStringLiteral("src=\"([^\"]*)\""));
        int images = 0;
        for (auto match = source.globalMatch(text); match.hasNext(); ++images)
            QVERIFY(match.next().captured(1).startsWith(QStringLiteral("data:image/png;base64,")));
        QCOMPARE(images, 3); // ROC, mean |SHAP| bars, beeswarm
        QVERIFY(text.contains(QString::fromStdString(m_modelMd5)));
    }

    void cliRejectsBadRequests()
    {
        const QString root = QString::fromStdString(m_root.string());
        const QString out = m_dir.filePath(QStringLiteral("x.pdf"));
        QCOMPARE(runAssay({QStringLiteral("--workspace"), root, QStringLiteral("report"), QStringLiteral("--out"), out})
                     .exitCode, 2);
        auto unknown = runAssay({QStringLiteral("--workspace"), root, QStringLiteral("report"), QStringLiteral("--run"),
                                 QStringLiteral("no-such-run"), QStringLiteral("--out"), out});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("no-such-run")), qPrintable(unknown.err));
        auto badExtension = runAssay({QStringLiteral("--workspace"), root, QStringLiteral("report"), QStringLiteral("--run"),
                                      QString::fromStdString(m_runId), QStringLiteral("--out"),
                                      m_dir.filePath(QStringLiteral("x.docx"))});
        QCOMPARE(badExtension.exitCode, 2);
        QVERIFY(!QFile::exists(out));
        const auto help = runAssay(args({"help", "report"}));
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("--out")));
    }
};

QTEST_MAIN(TestComplianceReport)
#include "test_compliance_report.moc"
