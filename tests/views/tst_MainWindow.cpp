// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/MainWindow.h"

#include <QListWidget>
#include <QTest>
#include <QTreeWidget>

using namespace fondant;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheBundledExample();
    void listsProblemsOfABrokenFile();
};

void tst_MainWindow::showsTheBundledExample()
{
    MainWindow window;
    QVERIFY(window.openPipeline(QStringLiteral(FONDANT_EXAMPLE_DIR "/reviews.pipeline.yaml")));
    auto *steps = window.findChild<QTreeWidget *>();
    QCOMPARE(steps->topLevelItemCount(), 7);
    QCOMPARE(steps->topLevelItem(0)->text(0), QStringLiteral("read_reviews"));
    QCOMPARE(steps->topLevelItem(0)->text(4).size(), 32);
    QCOMPARE(window.findChild<QListWidget *>()->count(), 0);
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("reviews")));
}

void tst_MainWindow::listsProblemsOfABrokenFile()
{
    MainWindow window;
    QVERIFY(!window.openPipeline(QStringLiteral("/nonexistent/x.pipeline.yaml")));
    auto *problems = window.findChild<QListWidget *>();
    QCOMPARE(problems->count(), 1);
    QVERIFY(problems->item(0)->text().contains(QStringLiteral("no such file")));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
