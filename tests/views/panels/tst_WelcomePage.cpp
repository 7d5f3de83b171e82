// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/WelcomePage.h"

#include "DocumentFixture.h"
#include "views/document/RecentFiles.h"
#include "views/scene/GraphScene.h"
#include "views/scene/GraphView.h"

#include <QApplication>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace fondant;

class tst_WelcomePage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void offersNewOpenExampleAndRecentFiles();
    void showsWhileThePipelineIsEmpty();
};

void tst_WelcomePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("fondant-studio-tests"));
    QSettings().clear();
}

void tst_WelcomePage::offersNewOpenExampleAndRecentFiles()
{
    RecentFiles recent;
    const QString existing
        = QStringLiteral(FONDANT_TEST_DATA_DIR "/pipelines/reviews.pipeline.yaml");
    recent.add(QStringLiteral("/gone/reviews.pipeline.yaml"));
    recent.add(existing);
    WelcomePage page(recent);
    QSignalSpy created(&page, &WelcomePage::newRequested);
    QSignalSpy opened(&page, &WelcomePage::openRequested);
    QSignalSpy files(&page, &WelcomePage::openFileRequested);
    page.findChild<QPushButton *>(QStringLiteral("welcomeNew"))->click();
    page.findChild<QPushButton *>(QStringLiteral("welcomeOpen"))->click();
    page.findChild<QPushButton *>(QStringLiteral("welcomeExample"))->click();
    QCOMPARE(created.count(), 1);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(files.takeFirst().at(0).toString(),
        QFileInfo(QStringLiteral(FONDANT_EXAMPLE_DIR "/reviews.pipeline.yaml"))
            .canonicalFilePath());

    // Recent files with their folders, newest first; a missing one cannot be clicked.
    const QList<QToolButton *> entries = page.findChildren<QToolButton *>();
    QCOMPARE(entries.size(), 2);
    QVERIFY(entries[0]->text().contains(QFileInfo(existing).absolutePath()));
    QVERIFY(entries[0]->isEnabled());
    QCOMPARE(entries[1]->text(), QStringLiteral("reviews.pipeline.yaml — /gone"));
    QVERIFY(!entries[1]->isEnabled());
    entries[0]->click();
    QCOMPARE(files.takeFirst().at(0).toString(), existing);
    // A file opened later joins the list.
    recent.add(QStringLiteral("/other/x.pipeline.yaml"));
    QCOMPARE(page.findChildren<QToolButton *>().size(), 3);
}

void tst_WelcomePage::showsWhileThePipelineIsEmpty()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    GraphView view(&scene);
    view.resize(900, 600);
    view.show();
    RecentFiles recent;
    auto *page = new WelcomePage(recent);
    view.setEmptyPage(page);
    QVERIFY(!page->isVisible());
    Pipeline empty;
    empty.name = "untitled";
    document->reset(empty);
    QVERIFY(page->isVisible());
    QVERIFY(view.rect().contains(page->geometry()));
    document->reset(test::reviewsDocument()->pipeline());
    QVERIFY(!page->isVisible());
}

QTEST_MAIN(tst_WelcomePage)
#include "tst_WelcomePage.moc"
