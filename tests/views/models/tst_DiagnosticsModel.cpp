// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/models/DiagnosticsModel.h"

#include "DocumentFixture.h"
#include "views/commands/PipelineEditor.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

using namespace fondant;

class tst_DiagnosticsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsTheAnalysis();
    void followsANewDocument();
    void offersAFixThatRemovesTheProblem();
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
    // The step column names the field as a user does.
    QCOMPARE(model.index(0, DiagnosticsModel::StepColumn).data().toString(),
        QStringLiteral("trim · argument max_length"));
    QVERIFY(model.index(0, DiagnosticsModel::PlaceColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("reviews.pipeline.yaml:")));
    document->undoStack()->undo();
    QCOMPARE(model.rowCount(), 0);
}

void tst_DiagnosticsModel::followsANewDocument()
{
    PipelineDocument document;
    DiagnosticsModel model(document);
    const int emptyPipelineProblems = model.rowCount(); // e.g. "the pipeline has no steps"
    QVERIFY(emptyPipelineProblems > 0);
    const Diagnostics problems
        = document.load(QStringLiteral(FONDANT_TEST_DATA_DIR "/pipelines/reviews.pipeline.yaml"));
    QVERIFY(!hasErrors(problems));
    QCOMPARE(model.rowCount(), 0);
    document.reset(Pipeline {});
    QVERIFY(model.rowCount() > 0);
    QCOMPARE(model.rowCount(), static_cast<int>(document.diagnostics().size()));
}

void tst_DiagnosticsModel::offersAFixThatRemovesTheProblem()
{
    auto document = test::reviewsDocument();
    DiagnosticsModel model(*document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    PipelineEditor(*document).changeStep(
        QStringLiteral("trim"), QStringLiteral("input"), [](Step &step) { step.input = "lod"; });
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex fix = model.index(0, DiagnosticsModel::FixColumn);
    QCOMPARE(fix.data().toString(), QStringLiteral("Use 'load'"));
    QCOMPARE(fix.data(Qt::ForegroundRole).value<QBrush>(), QGuiApplication::palette().link());
    QVERIFY(fix.data(Qt::FontRole).value<QFont>().underline());
    // The message keeps its suggestion.
    QVERIFY(model.index(0, DiagnosticsModel::MessageColumn)
                .data()
                .toString()
                .endsWith(QStringLiteral("(did you mean 'load'?)")));
    QVERIFY(model.applyFix(0));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(document->step(QStringLiteral("trim"))->input, std::string("load"));
    // A problem without a fix shows none and applies none.
    PipelineEditor(*document).changeStep(QStringLiteral("trim"),
        QStringLiteral("arguments.max_length"),
        [](Step &step) { step.arguments.set("max_length", "long"); });
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0, DiagnosticsModel::FixColumn).data().isNull());
    QVERIFY(!model.applyFix(0));
    QCOMPARE(model.rowCount(), 1);
}

QTEST_MAIN(tst_DiagnosticsModel)
#include "tst_DiagnosticsModel.moc"
