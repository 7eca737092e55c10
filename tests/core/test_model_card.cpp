// Model cards: the JSON round trip, errors that name the key, the CLI's field edits, and the
// store (an empty card until saved; saving is audited with the fields that changed).
#include "govern/audit_log.h"
#include "govern/model_card.h"
#include "workspace/workspace.h"

#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using assay::testing::pathOf;

namespace {

govern::ModelCard fullCard()
{
    govern::ModelCard card;
    card.subject = "credit-risk";
    card.overview = "Scores loan applications — \"quoted\" and ünïcode";
    card.owners = {{"Risk Analytics", "risk@bank.example"}, {"Jane Roe", ""}};
    card.version = "2.1";
    card.license = "internal";
    card.references = {"Policy CP-12"};
    card.intendedUse = "Rank applications for review";
    card.outOfScopeUses = {"automated decisions", "mortgages"};
    card.limitations = {"three months of data"};
    card.tradeoffs = {"accuracy over interpretability"};
    card.ethicalConsiderations = {"proxy discrimination: fairness review"};
    card.sensitiveColumns = {"sex", "age_band"};
    return card;
}

void compareCards(const govern::ModelCard &a, const govern::ModelCard &b)
{
    QCOMPARE(a.overview, b.overview);
    QCOMPARE(a.owners.size(), b.owners.size());
    for (std::size_t i = 0; i < a.owners.size(); ++i) {
        QCOMPARE(a.owners[i].name, b.owners[i].name);
        QCOMPARE(a.owners[i].contact, b.owners[i].contact);
    }
    QCOMPARE(a.version, b.version);
    QCOMPARE(a.license, b.license);
    QCOMPARE(a.references, b.references);
    QCOMPARE(a.intendedUse, b.intendedUse);
    QCOMPARE(a.outOfScopeUses, b.outOfScopeUses);
    QCOMPARE(a.limitations, b.limitations);
    QCOMPARE(a.tradeoffs, b.tradeoffs);
    QCOMPARE(a.ethicalConsiderations, b.ethicalConsiderations);
    QCOMPARE(a.sensitiveColumns, b.sensitiveColumns);
}

std::string errorOf(const std::string &json)
{
    auto parsed = govern::parseCard(json, "card.json");
    return parsed.ok() ? std::string("(parsed)") : parsed.error().message;
}

} // namespace

class TestModelCard : public QObject {
    Q_OBJECT

private slots:
    void jsonRoundTripKeepsEveryField()
    {
        const govern::ModelCard card = fullCard();
        const std::string json = govern::cardJson(card);
        auto parsed = govern::parseCard(json, "card.json");
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        compareCards(card, *parsed);
        QCOMPARE(govern::cardJson(*parsed), json); // same bytes again
        QVERIFY(json.find("\"version\": 1") != std::string::npos);
        QVERIFY(json.find("\"model_version\": \"2.1\"") != std::string::npos);
    }

    void parseErrorsNameTheKey()
    {
        QCOMPARE(errorOf(R"({"owners": [{"name": "a"}, {"name": 3}]})"),
                 std::string("card.json: owners[1].name: expected a string"));
        QVERIFY(errorOf(R"({"licence": "x"})").find("card.json: licence: unknown key") == 0);
        QCOMPARE(errorOf(R"({"limitations": ["a", 2]})"), std::string("card.json: limitations[1]: expected a string"));
        QCOMPARE(errorOf(R"({"overview": ["a"]})"), std::string("card.json: overview: expected a string"));
        QVERIFY(errorOf(R"({"owners": [{"name": "a", "mail": "b"}]})").find("owners[0].mail") != std::string::npos);
        QVERIFY(errorOf(R"({"version": 2})").find("card.json: version:") == 0);
        QVERIFY(errorOf("[1]").find("card.json: expected a JSON object") == 0);
        QVERIFY(errorOf("{\"overview\": ").find("card.json: not valid JSON") == 0);
        // Absent fields are empty, not errors.
        auto partial = govern::parseCard(R"({"overview": "only this"})", "card.json");
        QVERIFY(partial.ok());
        QCOMPARE(partial->overview, std::string("only this"));
        QVERIFY(partial->owners.empty());
    }

    void fieldEditsFromTheCommandLine()
    {
        govern::ModelCard card;
        QVERIFY(govern::setCardField(card, "license", "internal", false).ok());
        QCOMPARE(card.license, std::string("internal"));
        QVERIFY(govern::setCardField(card, "owners", "Jane Roe <jane@bank.example>", true).ok());
        QVERIFY(govern::setCardField(card, "owners", "Risk team", true).ok());
        QCOMPARE(card.owners.size(), std::size_t(2));
        QCOMPARE(card.owners[0].name, std::string("Jane Roe"));
        QCOMPARE(card.owners[0].contact, std::string("jane@bank.example"));
        QCOMPARE(card.owners[1].contact, std::string());
        QVERIFY(govern::setCardField(card, "sensitive_columns", "sex", true).ok());
        QVERIFY(govern::setCardField(card, "sensitive_columns", "age_band", true).ok());
        QVERIFY(govern::setCardField(card, "limitations", "one", false).ok());
        QVERIFY(govern::setCardField(card, "limitations", "only", false).ok());
        QCOMPARE(card.limitations, std::vector<std::string>{"only"});
        QVERIFY(govern::setCardField(card, "limitations", "", false).ok());
        QVERIFY(card.limitations.empty());
        QCOMPARE(card.sensitiveColumns, (std::vector<std::string>{"sex", "age_band"}));

        auto unknown = govern::setCardField(card, "licence", "x", false);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, ErrorKind::InvalidInput);
        QVERIFY(unknown.error().message.find("'licence'") != std::string::npos);
        QVERIFY(unknown.error().message.find("license") != std::string::npos); // lists the known ones
        auto addToText = govern::setCardField(card, "overview", "x", true);
        QVERIFY(!addToText.ok());
        QVERIFY(addToText.error().message.find("overview") != std::string::npos);
        QVERIFY(govern::isCardListField("owners"));
        QVERIFY(!govern::isCardListField("license"));
    }

    void storeStartsEmptyThenSavesAndAudits()
    {
        QTemporaryDir dir;
        auto workspace = workspace::Workspace::init(pathOf(dir));
        QVERIFY(workspace.ok());
        auto empty = govern::loadCard(*workspace, "credit-risk");
        QVERIFY(empty.ok());
        QCOMPARE(empty->subject, std::string("credit-risk"));
        QCOMPARE(empty->updatedMs, std::int64_t(0));
        QVERIFY(govern::cardIsEmpty(*empty));

        govern::ModelCard card = fullCard();
        QVERIFY(govern::saveCard(*workspace, card).ok());
        auto loaded = govern::loadCard(*workspace, "credit-risk");
        QVERIFY(loaded.ok());
        compareCards(card, *loaded);
        QVERIFY(loaded->updatedMs > 0);
        QVERIFY(!loaded->updatedBy.empty());
        QVERIFY(!govern::cardIsEmpty(*loaded));

        card.license = "public";
        QVERIFY(govern::saveCard(*workspace, card).ok());
        auto entries = govern::readAudit(workspace->database());
        QVERIFY(entries.ok());
        std::vector<govern::AuditEntry> edits;
        for (const auto &entry : *entries)
            if (entry.action == "card.edit")
                edits.push_back(entry);
        QCOMPARE(edits.size(), std::size_t(2));
        QCOMPARE(edits.back().object, std::string("credit-risk"));
        QVERIFY2(edits.back().details.find("license") != std::string::npos, edits.back().details.c_str());
        QVERIFY(edits.back().details.find("overview") == std::string::npos); // unchanged
        QCOMPARE(govern::loadCard(*workspace, "credit-risk")->license, std::string("public"));

        auto noSubject = govern::loadCard(*workspace, "");
        QVERIFY(!noSubject.ok());
    }
};

QTEST_GUILESS_MAIN(TestModelCard)
#include "test_model_card.moc"
