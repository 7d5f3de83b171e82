// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/ComponentFolders.h"

#include "DocumentFixture.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace fondant;

class tst_ComponentFolders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void userFoldersComeFirstAndAreRemembered();
};

void tst_ComponentFolders::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("fondant-studio-tests"));
    QSettings().clear();
}

void tst_ComponentFolders::userFoldersComeFirstAndAreRemembered()
{
    auto document = test::reviewsDocument();
    ComponentFolders folders(*document);
    QSignalSpy changed(&folders, &ComponentFolders::changed);
    QVERIFY(folders.add(QStringLiteral("/mine")));
    QVERIFY(!folders.add(QStringLiteral("/mine")));
    QVERIFY(!folders.add(QString())); // a dialog closed without a choice
    folders.setFondantFolder(QStringLiteral("/fondant/components"));
    QCOMPARE(document->extraComponentDirs(),
        QStringList({QStringLiteral("/mine"), QStringLiteral("/fondant/components")}));
    QCOMPARE(changed.count(), 2);
    // The next start reads the user's folders back, without Fondant's until it is found again.
    auto next = test::reviewsDocument();
    ComponentFolders again(*next);
    QCOMPARE(again.userFolders(), QStringList {QStringLiteral("/mine")});
    QCOMPARE(next->extraComponentDirs(), QStringList {QStringLiteral("/mine")});
}

QTEST_GUILESS_MAIN(tst_ComponentFolders)
#include "tst_ComponentFolders.moc"
