// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/RecentFiles.h"

#include <QGuiApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace fondant;

class tst_RecentFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void newestFirstOnceEachAndBounded();
};

void tst_RecentFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("fondant-studio-tests"));
    QSettings().clear();
}

void tst_RecentFiles::newestFirstOnceEachAndBounded()
{
    RecentFiles recent;
    QSignalSpy changed(&recent, &RecentFiles::changed);
    QVERIFY(recent.files().isEmpty());
    recent.add(QStringLiteral("/a/p.pipeline.yaml"));
    recent.add(QStringLiteral("/b/p.pipeline.yaml"));
    recent.add(QStringLiteral("/a/p.pipeline.yaml"));
    QCOMPARE(recent.files(),
        QStringList({QStringLiteral("/a/p.pipeline.yaml"), QStringLiteral("/b/p.pipeline.yaml")}));
    QCOMPARE(changed.count(), 3);
    for (int i = 0; i < 20; ++i)
        recent.add(QStringLiteral("/many/%1.pipeline.yaml").arg(i));
    QCOMPARE(recent.files().size(), RecentFiles::kept);
    QCOMPARE(recent.files().first(), QStringLiteral("/many/19.pipeline.yaml"));
    // Kept in the settings: another list (another window) sees the same files.
    QCOMPARE(RecentFiles().files(), recent.files());
}

QTEST_GUILESS_MAIN(tst_RecentFiles)
#include "tst_RecentFiles.moc"
