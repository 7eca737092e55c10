// The Explain area on the demo workspace (which caches a TreeSHAP, LIME, permutation, partial
// dependence and KernelSHAP explanation): the list read from the store, the views choosing
// their explanation and tab, the command line, and the empty state of a bare workspace.
#include "demo/demo_workspace.h"
#include "explain/explain_area.h"
#include "explain/explanation_detail_panel.h"
#include "explain/explanation_list_model.h"
#include "explain/explanation_list_panel.h"
#include "explain/lime_chart.h"
#include "explain/local_explanation_view.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "support/files.h"
#include "workspace/workspace.h"

#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace assay;
using namespace assay::ui;
using Tab = ExplanationDetailPanel::Tab;

namespace {

constexpr int jobTimeoutMs = 300'000;

} // namespace

class TestExplainArea : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void listsTheCachedExplanations();
    void viewsPickTheirExplanationAndTab();
    void localViewShowsTheRowsLime();
    void emptyWorkspaceSaysHowToExplain();

private:
    std::unique_ptr<ExplainArea> openArea(QWidget &parent, const QString &view = {});

    QTemporaryDir m_dir;
    std::filesystem::path m_root;
    JobRunner m_jobs;
};

void TestExplainArea::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = testing::pathOf(m_dir) / "demo";
    const Status created = demo::createDemoWorkspace(m_root, {.rows = 3000, .seed = 20260115});
    QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
}

std::unique_ptr<ExplainArea> TestExplainArea::openArea(QWidget &parent, const QString &view)
{
    auto area = std::make_unique<ExplainArea>(AreaContext{&m_jobs}, &parent);
    if (!view.isEmpty())
        area->showView(view);
    auto workspace = workspace::Workspace::open(m_root);
    if (!workspace)
        qFatal("open: %s", workspace.error().message.c_str());
    area->setWorkspace(std::make_shared<WorkspaceSession>(std::move(*workspace)));
    if (!m_jobs.waitUntilIdle(jobTimeoutMs))
        qFatal("the area's jobs did not finish");
    QTest::qWait(200); // the list's pause before it loads the selection
    m_jobs.waitUntilIdle(jobTimeoutMs);
    return area;
}

void TestExplainArea::listsTheCachedExplanations()
{
    QWidget parent;
    auto area = openArea(parent);
    QVERIFY(!area->isShowingEmptyState());
    const auto &entries = area->list()->model()->entries();
    QVERIFY(entries.size() >= 4);
    QStringList methods;
    for (const auto &entry : entries)
        methods << QString::fromUtf8(explain::methodName(entry.method));
    for (const char *method : {"shap", "lime", "permutation", "pdp"})
        QVERIFY2(methods.contains(QString::fromUtf8(method)), method);
    // Grouped by model: each model's rows are together.
    QStringList seen;
    QString previous;
    for (const auto &entry : entries) {
        const QString model = QString::fromStdString(entry.modelMd5);
        if (model != previous)
            QVERIFY2(!seen.contains(model), "a model's explanations are split");
        seen << model;
        previous = model;
    }
    area->list()->filterBox()->setText(QStringLiteral("LIME"));
    QCOMPARE(area->list()->proxy()->rowCount(), int(methods.count(QStringLiteral("lime"))));
    area->list()->filterBox()->clear();
    QVERIFY(!area->details()->isShowingMessage()); // the first explanation is shown
    QVERIFY(area->currentCommandLine().startsWith(QStringLiteral("assay explain ")));
    QVERIFY(area->currentCommandLine().contains(QStringLiteral("--data data/credit.csv")));
}

void TestExplainArea::viewsPickTheirExplanationAndTab()
{
    const struct {
        const char *view;
        Tab tab;
        explain::ExplainMethod method;
    } cases[] = {{"explain", Tab::Summary, explain::ExplainMethod::TreeShap},
                 {"explain-dependence", Tab::Dependence, explain::ExplainMethod::TreeShap},
                 {"explain-pdp", Tab::PartialDependence, explain::ExplainMethod::PartialDependence},
                 {"explain-permutation", Tab::Permutation, explain::ExplainMethod::Permutation}};
    for (const auto &item : cases) {
        QWidget parent;
        auto area = openArea(parent, QString::fromUtf8(item.view));
        const ExplanationBundle *bundle = area->details()->bundle();
        QVERIFY2(bundle, item.view);
        QCOMPARE(bundle->explanation.method, item.method);
        QCOMPARE(area->details()->currentTab(), item.tab);
    }
    QWidget parent;
    auto area = std::make_unique<ExplainArea>(AreaContext{&m_jobs}, &parent);
    QVERIFY(!area->showView(QStringLiteral("explain-nothing")));
}

void TestExplainArea::localViewShowsTheRowsLime()
{
    QWidget parent;
    parent.resize(1200, 800);
    auto area = openArea(parent, QStringLiteral("explain-local"));
    const ExplanationBundle *bundle = area->details()->bundle();
    QVERIFY(bundle);
    QCOMPARE(bundle->explanation.method, explain::ExplainMethod::TreeShap);
    QVERIFY(!bundle->limeCompanions.empty()); // the demo explains the same model with LIME
    const auto &lime = std::get<explain::LimeResult>(bundle->limeCompanions.front().result);
    LocalExplanationView *local = area->details()->local();
    QVERIFY(local->selectRow(lime.rowIds.front()));
    QVERIFY(local->lime()->barCount() > 0);
}

void TestExplainArea::emptyWorkspaceSaysHowToExplain()
{
    QTemporaryDir empty;
    auto created = workspace::Workspace::init(testing::pathOf(empty));
    QVERIFY(created.ok());
    QWidget parent;
    ExplainArea area(AreaContext{&m_jobs}, &parent);
    area.setWorkspace(std::make_shared<WorkspaceSession>(std::move(*created)));
    QVERIFY(m_jobs.waitUntilIdle(jobTimeoutMs));
    QVERIFY(area.isShowingEmptyState());
    QVERIFY(area.currentCommandLine().isEmpty());
}

QTEST_MAIN(TestExplainArea)
#include "test_explain_area.moc"
