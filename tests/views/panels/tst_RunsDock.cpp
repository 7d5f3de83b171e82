// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/RunsDock.h"

#include "InspectedFixture.h"
#include "views/document/CacheInspector.h"
#include "views/document/PipelineDocument.h"
#include "views/models/RunHistoryModel.h"

#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace fondant;

class tst_RunsDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void selectingARunShowsIt();
    void aChosenFolderCanBeLeft();
};

void tst_RunsDock::selectingARunShowsIt()
{
    test::InspectedVersion inspected("v2");
    CacheInspector &inspector = inspected.inspector;
    RunsDock dock(inspector);
    QCOMPARE(dock.view()->currentIndex().row(), 0); // the next run
    const int row = dock.model()->rowOf(QStringLiteral("reviews-20240423090000"));
    dock.view()->setCurrentIndex(dock.model()->index(row, RunHistoryModel::RunColumn));
    QCOMPARE(inspector.shownRun(), QStringLiteral("reviews-20240423090000"));
    QCOMPARE(inspector.state(QStringLiteral("trim_text")), CacheState::Runs);
    // Shown from elsewhere (the canvas, a test): the selection follows.
    inspector.showRun({});
    QCOMPARE(dock.view()->currentIndex().row(), 0);
}

void tst_RunsDock::aChosenFolderCanBeLeft()
{
    PipelineDocument document;
    CacheInspector inspector(document);
    RunsDock dock(inspector);
    dock.show();
    auto *follow = dock.findChild<QToolButton *>(QStringLiteral("followPipeline"));
    QVERIFY(follow);
    QVERIFY(!follow->isVisible()); // following the pipeline already
    QTemporaryDir folder;
    inspector.chooseWorkingDirectory(folder.path());
    QVERIFY(follow->isVisible());
    QVERIFY(!dock.view()->isHidden());
    follow->click();
    QVERIFY(!inspector.isChosen());
    QVERIFY(dock.view()->isHidden()); // no working directory: no runs to list
}

QTEST_MAIN(tst_RunsDock)
#include "tst_RunsDock.moc"
