// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/models/DiagnosticsModel.h"

#include "DocumentFixture.h"
#include "views/commands/PipelineEditor.h"

#include <QAbstractItemModelTester>

using namespace fondant;

class tst_DiagnosticsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsTheAnalysis();
};

void tst_DiagnosticsModel::followsTheAnalysis()
{
    auto document = test::reviewsDocument();
    DiagnosticsModel model(*document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    PipelineEditor(*document).changeStep(QStringLiteral("trim"),
        QStringLiteral("arguments.max_length"),
        [](Step &step) { step.arguments.set("max_length", "long"); });
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.errorCount(), 1);
    QCOMPARE(model.index(0, DiagnosticsModel::SeverityColumn).data().toString(),
        QStringLiteral("Error"));
    QVERIFY(model.index(0, DiagnosticsModel::MessageColumn)
                .data()
                .toString()
                .contains(QStringLiteral("max_length")));
    QCOMPARE(
        model.index(0, 0).data(DiagnosticsModel::StepIdRole).toString(), QStringLiteral("trim"));
    QCOMPARE(model.index(0, 0).data(DiagnosticsModel::FieldPathRole).toString(),
        QStringLiteral("arguments.max_length"));
    QVERIFY(model.index(0, DiagnosticsModel::PlaceColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("reviews.pipeline.yaml:")));
    document->undoStack()->undo();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(tst_DiagnosticsModel)
#include "tst_DiagnosticsModel.moc"
