// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/models/RunHistoryModel.h"

#include "InspectedFixture.h"
#include "views/commands/PipelineEditor.h"
#include "views/document/CacheInspector.h"
#include "views/document/PipelineDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace fondant;

class tst_RunHistoryModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsNewestFirstAfterTheNextRun();
    void theNextRunFollowsEdits();
    void noWorkingDirectoryNoRowsUntilOneIsChosen();
};

namespace {

using Inspected = test::InspectedVersion;

QString cell(const RunHistoryModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

void tst_RunHistoryModel::runsNewestFirstAfterTheNextRun()
{
    Inspected inspected("v2");
    RunHistoryModel model(inspected.inspector);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 6); // the next run and five runs
    QCOMPARE(cell(model, 0, RunHistoryModel::TimeColumn), QStringLiteral("next run"));
    QCOMPARE(cell(model, 0, RunHistoryModel::ExecutedColumn), QStringLiteral("0"));
    QCOMPARE(cell(model, 0, RunHistoryModel::ReusedColumn), QStringLiteral("3"));
    QCOMPARE(cell(model, 1, RunHistoryModel::RunColumn), QStringLiteral("reviews-20240425090000"));
    QCOMPARE(cell(model, 5, RunHistoryModel::RunColumn), QStringLiteral("reviews-20240422120000"));
    // The first run executed both of its steps with a manifest; the second, of the same
    // version, reused both (its manifests carry the first run's id).
    QCOMPARE(cell(model, 5, RunHistoryModel::ExecutedColumn), QStringLiteral("2"));
    QCOMPARE(cell(model, 4, RunHistoryModel::ReusedColumn), QStringLiteral("2"));
    QCOMPARE(cell(model, 4, RunHistoryModel::ExecutedColumn), QStringLiteral("0"));
    QVERIFY(!cell(model, 5, RunHistoryModel::SizeColumn).isEmpty());
    QCOMPARE(model.rowOf(QStringLiteral("reviews-20240423090000")), 3);
    QCOMPARE(model.rowOf({}), 0);
    QCOMPARE(model.index(3, 0).data(RunHistoryModel::RunIdRole).toString(),
        QStringLiteral("reviews-20240423090000"));
}

void tst_RunHistoryModel::theNextRunFollowsEdits()
{
    Inspected inspected("v2");
    RunHistoryModel model(inspected.inspector);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    PipelineEditor(inspected.document)
        .changeStep(QStringLiteral("trim_text"), QStringLiteral("arguments"),
            [](Step &step) { step.arguments.set("max_length", 45); });
    QVERIFY(changed.count() >= 1);
    QCOMPARE(cell(model, 0, RunHistoryModel::ExecutedColumn), QStringLiteral("2"));
    QCOMPARE(cell(model, 0, RunHistoryModel::ReusedColumn), QStringLiteral("1"));
}

void tst_RunHistoryModel::noWorkingDirectoryNoRowsUntilOneIsChosen()
{
    PipelineDocument document;
    CacheInspector inspector(document);
    RunHistoryModel model(inspector);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOf({}), -1);
    // A folder chosen later: its runs of the pipeline's dataset folder are listed.
    QTemporaryDir folder;
    const QString wd = test::copyOfFolder(test::historyData + QStringLiteral("/wd"), folder);
    document.load(test::historyData + QStringLiteral("/versions/v2.pipeline.yaml"));
    inspector.chooseWorkingDirectory(wd);
    QCOMPARE(model.rowCount(), 6);
}

QTEST_MAIN(tst_RunHistoryModel)
#include "tst_RunHistoryModel.moc"
