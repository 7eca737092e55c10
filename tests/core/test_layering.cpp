// core/ must never depend on a GUI module: the CLI, CI and servers use it without a display.
#include <QFile>
#include <QProcess>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <regex>

namespace fs = std::filesystem;

class TestLayering : public QObject {
    Q_OBJECT

private slots:
    void coreSourcesIncludeNoGuiHeader()
    {
        const fs::path core = fs::path(ASSAY_TESTS_SOURCE_DIR).parent_path() / "core";
        // Built from parts: moc's preprocessor would read a literal include directive here.
        const std::string directive = std::string(1, '#') + "\\s*include\\s*[<\"]";
        const std::regex forbidden(directive +
                                   "(QtGui|QtWidgets|QtPrintSupport|QWidget|QPainter|QImage|"
                                   "QPixmap|QColor|QFont|QApplication|QGuiApplication|qcustomplot)"
                                   "[/>.\"]");
        int scanned = 0;
        for (const auto &entry : fs::recursive_directory_iterator(core)) {
            if (!entry.is_regular_file())
                continue;
            std::ifstream in(entry.path());
            int lineNumber = 0;
            for (std::string line; std::getline(in, line);) {
                ++lineNumber;
                if (std::regex_search(line, forbidden))
                    QFAIL(qPrintable(QStringLiteral("%1:%2: GUI include in core: %3")
                                         .arg(QString::fromStdString(entry.path().string()))
                                         .arg(lineNumber)
                                         .arg(QString::fromStdString(line))));
            }
            ++scanned;
        }
        QVERIFY(scanned > 10);
    }

    void cliBinaryLinksNoGuiLibrary()
    {
        const QString cli = qEnvironmentVariable("ASSAY_CLI");
        QVERIFY2(!cli.isEmpty(), "ASSAY_CLI is set by CTest");
        QVERIFY2(QFile::exists(cli), qPrintable(cli + QStringLiteral(" is not built")));
        QProcess ldd;
        ldd.start(QStringLiteral("ldd"), {cli});
        QVERIFY(ldd.waitForFinished(30000));
        const QString libraries = QString::fromLocal8Bit(ldd.readAllStandardOutput());
        QVERIFY(libraries.contains(QLatin1String("libQt6Core")));
        QVERIFY2(!libraries.contains(QLatin1String("libQt6Gui")), qPrintable(libraries));
        QVERIFY2(!libraries.contains(QLatin1String("libQt6Widgets")), qPrintable(libraries));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "test_layering.moc"
