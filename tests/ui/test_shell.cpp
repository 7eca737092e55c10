#include "common/tsv.h"
#include "shell/command_line.h"
#include "shell/git_head.h"
#include "shell/job_runner.h"
#include "shell/recent_workspaces.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace assay::ui;

namespace {

void writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestShell : public QObject {
    Q_OBJECT
private slots:
    void parsesArguments();
    void rejectsBadArguments();
    void describesGitHead();
    void keepsTenRecentWorkspaces();
    void tsvKeepsTheGrid();
    void jobDeliversResultOnGuiThread();
    void jobCanBeCancelled();
    void jobSkipsDestroyedReceiver();
};

void TestShell::parsesArguments()
{
    QString error;
    const auto options = parseWorkbenchArguments(
        {QStringLiteral("assay-workbench"), QStringLiteral("/tmp/ws"), QStringLiteral("--view"),
         QStringLiteral("data"), QStringLiteral("--screenshot"), QStringLiteral("out.png"),
         QStringLiteral("--size"), QStringLiteral("800x600")},
        &error);
    QVERIFY2(options, qPrintable(error));
    QCOMPARE(options->workspace, QStringLiteral("/tmp/ws"));
    QCOMPARE(options->view, QStringLiteral("data"));
    QCOMPARE(options->screenshotPath, QStringLiteral("out.png"));
    QCOMPARE(options->size, QSize(800, 600));

    const auto defaults = parseWorkbenchArguments({QStringLiteral("assay-workbench")}, &error);
    QVERIFY(defaults);
    QVERIFY(defaults->workspace.isEmpty());
    QCOMPARE(defaults->size, QSize(1400, 900));
}

void TestShell::rejectsBadArguments()
{
    QString error;
    QVERIFY(!parseWorkbenchArguments(
        {QStringLiteral("w"), QStringLiteral("--size"), QStringLiteral("big")}, &error));
    QVERIFY(error.contains(QStringLiteral("--size")));
    QVERIFY(!parseWorkbenchArguments(
        {QStringLiteral("w"), QStringLiteral("a"), QStringLiteral("b")}, &error));
    QVERIFY(!parseSize(QStringLiteral("1400")).isValid());
}

void TestShell::describesGitHead()
{
    QTemporaryDir dir;
    QCOMPARE(describeGitHead(dir.path()), QString());

    const QString git = dir.filePath(QStringLiteral(".git"));
    writeText(git + QStringLiteral("/HEAD"), "ref: refs/heads/main\n");
    QCOMPARE(describeGitHead(dir.path()), QStringLiteral("main"));

    writeText(git + QStringLiteral("/packed-refs"),
              "# pack-refs with: peeled fully-peeled sorted\n"
              "0123456789abcdef0123456789abcdef01234567 refs/heads/main\n");
    QCOMPARE(describeGitHead(dir.path()), QStringLiteral("main@0123456"));

    writeText(git + QStringLiteral("/refs/heads/main"),
              "1a2b3c4d5e6f1a2b3c4d5e6f1a2b3c4d5e6f1a2b\n");
    QCOMPARE(describeGitHead(dir.path()), QStringLiteral("main@1a2b3c4"));

    writeText(git + QStringLiteral("/HEAD"), "fedcba9876543210fedcba9876543210fedcba98\n");
    QCOMPARE(describeGitHead(dir.path()), QStringLiteral("detached@fedcba9"));
}

void TestShell::keepsTenRecentWorkspaces()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    RecentWorkspaces recent(&settings);
    for (int i = 0; i < 12; ++i)
        recent.add(QStringLiteral("/ws/%1").arg(i));
    recent.add(QStringLiteral("/ws/5/"));
    const QStringList paths = recent.paths();
    QCOMPARE(paths.size(), RecentWorkspaces::maxCount);
    QCOMPARE(paths.first(), QStringLiteral("/ws/5"));
    QCOMPARE(paths.at(1), QStringLiteral("/ws/11"));
    QCOMPARE(paths.count(QStringLiteral("/ws/5")), 1);
    recent.remove(QStringLiteral("/ws/5"));
    QCOMPARE(recent.paths().first(), QStringLiteral("/ws/11"));
}

void TestShell::tsvKeepsTheGrid()
{
    QStandardItemModel model(3, 3);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            model.setItem(r, c, new QStandardItem(QStringLiteral("%1%2").arg(r).arg(c)));
    model.item(0, 0)->setText(QStringLiteral("a\tb"));
    const QModelIndexList selection{model.index(0, 0), model.index(1, 1), model.index(0, 1)};
    QCOMPARE(selectionToTsv(selection, Qt::DisplayRole), QStringLiteral("a b\t01\n\t11\n"));
    QCOMPARE(selectionToTsv({}, Qt::DisplayRole), QString());
}

void TestShell::jobDeliversResultOnGuiThread()
{
    JobRunner runner;
    QObject receiver;
    int delivered = 0;
    Qt::HANDLE doneThread = nullptr;
    double lastFraction = -1;
    Job *job = runner.run(
        QStringLiteral("count"), &receiver,
        [](const assay::Progress &progress) {
            for (int i = 1; i <= 4; ++i) {
                progress.report(i / 4.0, "counting");
                std::this_thread::sleep_for(std::chrono::milliseconds(60));
            }
            return 42;
        },
        [&](int value) {
            delivered = value;
            doneThread = QThread::currentThreadId();
        });
    connect(job, &Job::progressChanged, this, [&] { lastFraction = job->fraction(); });
    QCOMPARE(runner.jobs().size(), 1);
    QVERIFY(runner.waitUntilIdle(10'000));
    QCOMPARE(delivered, 42);
    QCOMPARE(doneThread, QThread::currentThreadId());
    QVERIFY(lastFraction > 0);
}

void TestShell::jobCanBeCancelled()
{
    JobRunner runner;
    QObject receiver;
    bool sawCancel = false;
    Job *job = runner.run(
        QStringLiteral("forever"), &receiver,
        [](const assay::Progress &progress) {
            while (!progress.isCancelled())
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            return true;
        },
        [&](bool cancelled) { sawCancel = cancelled; });
    job->cancel();
    QVERIFY(runner.waitUntilIdle(10'000));
    QVERIFY(sawCancel);
}

void TestShell::jobSkipsDestroyedReceiver()
{
    JobRunner runner;
    auto receiver = std::make_unique<QObject>();
    bool called = false;
    runner.run(
        QStringLiteral("late"), receiver.get(),
        [](const assay::Progress &) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            return 1;
        },
        [&](int) { called = true; });
    receiver.reset();
    QVERIFY(runner.waitUntilIdle(10'000));
    QVERIFY(!called);
}

QTEST_MAIN(TestShell)
#include "test_shell.moc"
