// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/ExportSettings.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace fondant;

class tst_ExportSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runIdAsFondantMakesIt();
    void localFoldersAreAbsoluteWithLinksResolved();
    void remoteFoldersStayAsGiven();
    void refusesWhatCannotNameAFolder_data();
    void refusesWhatCannotNameAFolder();
};

void tst_ExportSettings::runIdAsFondantMakesIt()
{
    // Fondant: f"{name}-{datetime.now().strftime('%Y%m%d%H%M%S')}"
    const QDateTime now(QDate(2024, 4, 22), QTime(12, 0, 5));
    Result<ExportSettings> settings
        = ExportSettings::make(QStringLiteral("gs://b/wd"), {}, "reviews", "", now);
    QVERIFY(settings.ok());
    QCOMPARE(settings->runId, std::string("reviews-20240422120005"));
    QCOMPARE(ExportSettings::make(QStringLiteral("gs://b/wd"), {}, "reviews", "mine-1", now)->runId,
        std::string("mine-1"));
}

void tst_ExportSettings::localFoldersAreAbsoluteWithLinksResolved()
{
    QTemporaryDir folder;
    QVERIFY(QDir(folder.path()).mkpath(QStringLiteral("real/wd")));
    QVERIFY(QFile::link(
        folder.filePath(QStringLiteral("real")), folder.filePath(QStringLiteral("link"))));
    const QString real = QFileInfo(folder.filePath(QStringLiteral("real"))).canonicalFilePath();
    Result<ExportSettings> existing
        = ExportSettings::make(QStringLiteral("link/wd"), folder.path(), "p", "p-1");
    QVERIFY(existing.ok());
    QVERIFY(!existing->remote);
    QCOMPARE(QString::fromStdString(existing->workingDirectory), real + QStringLiteral("/wd"));
    // Not there yet: resolved as far as it exists, the rest kept.
    Result<ExportSettings> missing
        = ExportSettings::make(QStringLiteral("./link/new/../later"), folder.path(), "p", "p-1");
    QCOMPARE(QString::fromStdString(missing->workingDirectory), real + QStringLiteral("/later"));
}

void tst_ExportSettings::remoteFoldersStayAsGiven()
{
    for (const char *url : {"gs://bucket/wd", "s3://b/x/", "GCS://b", "az://c/d"}) {
        Result<ExportSettings> settings
            = ExportSettings::make(QString::fromLatin1(url), QStringLiteral("/base"), "p", "p-1");
        QVERIFY2(settings.ok(), url);
        QVERIFY(settings->remote);
        QCOMPARE(settings->workingDirectory, std::string(url));
    }
}

void tst_ExportSettings::refusesWhatCannotNameAFolder_data()
{
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<QString>("runId");
    QTest::addColumn<QString>("message");
    QTest::newRow("run id with a slash") << "/wd"
                                         << "a/../b"
                                         << "cannot name a folder";
    QTest::newRow("hidden run id") << "/wd"
                                   << ".run"
                                   << "cannot name a folder";
    QTest::newRow("run id with a newline") << "/wd"
                                           << "a\nb"
                                           << "cannot name a folder";
    QTest::newRow("no working directory") << ""
                                          << "r-1"
                                          << "no working directory";
    QTest::newRow("control characters") << "/wd/\x1b[2J"
                                        << "r-1"
                                        << "control characters";
    QTest::newRow("unknown file system") << "foo://bucket/wd"
                                         << "r-1"
                                         << "no file system";
    QTest::newRow("file URL") << "file:///data/wd"
                              << "r-1"
                              << "not as a file:// URL";
    QTest::newRow("scheme without slashes") << "s3:bucket"
                                            << "r-1"
                                            << "write s3://";
}

void tst_ExportSettings::refusesWhatCannotNameAFolder()
{
    QFETCH(QString, workingDirectory);
    QFETCH(QString, runId);
    QFETCH(QString, message);
    Result<ExportSettings> settings
        = ExportSettings::make(workingDirectory, QStringLiteral("/base"), "p", runId.toStdString());
    QVERIFY(!settings.ok());
    QVERIFY2(
        settings.diagnostics().front().message.find(message.toStdString()) != std::string::npos,
        settings.diagnostics().front().message.c_str());
}

QTEST_GUILESS_MAIN(tst_ExportSettings)
#include "tst_ExportSettings.moc"
