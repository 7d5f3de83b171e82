// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/ProblemsDock.h"

#include "DocumentFixture.h"
#include "views/commands/PipelineEditor.h"
#include "views/models/DiagnosticsModel.h"

#include <QAction>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>

using namespace fondant;

class tst_ProblemsDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void titleCountsAndClickAsksForTheStep();
    void notesAloneAreCountedAsNotes();
    void longMessagesWrapInsteadOfBeingCut();
    void manyProblemsAreMeasuredAsTheyComeIntoView();
    void clickingAFixAppliesIt();
    void theFixActionFollowsTheCurrentProblem();
};

namespace {
// Makes the trim step's argument max_length a typo that the analysis offers to fix.
void mistypeAnArgument(PipelineDocument &document)
{
    PipelineEditor(document).changeStep(
        QStringLiteral("trim"), QStringLiteral("arguments"), [](Step &step) {
            step.arguments.remove("max_length");
            step.arguments.set("max_lenght", 80);
        });
}
} // namespace

void tst_ProblemsDock::titleCountsAndClickAsksForTheStep()
{
    auto document = test::reviewsDocument();
    DiagnosticsModel model(*document);
    ProblemsDock dock(&model);
    QCOMPARE(dock.windowTitle(), QStringLiteral("Problems — none"));
    PipelineEditor(*document).changeStep(QStringLiteral("export"), QStringLiteral("arguments"),
        [](Step &step) { step.arguments.remove("path"); });
    QCOMPARE(dock.windowTitle(), QStringLiteral("Problems — 1 error, 0 warnings"));
    QSignalSpy asked(&dock, &ProblemsDock::problemActivated);
    Q_EMIT dock.view()->clicked(model.index(0, DiagnosticsModel::MessageColumn));
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toString(), QStringLiteral("export"));
}

void tst_ProblemsDock::notesAloneAreCountedAsNotes()
{
    // Two branches after the load: the second one's key chains on the first (a note).
    QTemporaryDir folder;
    PipelineDocument document;
    document.load(test::writePipelineAfterLoad(folder, "branches", "load",
        "  - id: a\n    component: trim_text\n    input: load\n"
        "  - id: b\n    component: trim_text\n    input: load\n"));
    DiagnosticsModel model(document);
    ProblemsDock dock(&model);
    QCOMPARE(model.noteCount(), 1);
    QCOMPARE(dock.windowTitle(), QStringLiteral("Problems — no errors, 1 note"));
}

void tst_ProblemsDock::longMessagesWrapInsteadOfBeingCut()
{
    auto document = test::reviewsDocument();
    DiagnosticsModel model(*document);
    ProblemsDock dock(&model);
    dock.resize(420, 300);
    dock.show();
    PipelineEditor(*document).changeStep(QStringLiteral("export"), QStringLiteral("arguments"),
        [](Step &step) { step.arguments.remove("path"); });
    const int oneLine = dock.view()->fontMetrics().height();
    QVERIFY2(dock.view()->rowHeight(0) > 4 * oneLine,
        qPrintable(QStringLiteral("row height %1").arg(dock.view()->rowHeight(0))));
}

void tst_ProblemsDock::manyProblemsAreMeasuredAsTheyComeIntoView()
{
    // 400 export steps without their required path: more problems than are measured at once.
    QTemporaryDir folder;
    QByteArray steps;
    for (int i = 0; i < 400; ++i)
        steps += "  - id: export_" + QByteArray::number(i)
            + "\n    component: export_rows\n    input: load\n";
    PipelineDocument document;
    document.load(test::writePipelineAfterLoad(folder, "many", "load", steps));
    DiagnosticsModel model(document);
    QVERIFY(model.rowCount() > 400);
    ProblemsDock dock(&model);
    dock.resize(420, 300);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    const QTableView *view = dock.view();
    const int oneLine = view->fontMetrics().height();
    const auto wrapped = [&](int row) { return view->rowHeight(row) > 3 * oneLine; };
    QVERIFY2(wrapped(view->rowAt(0)), "the first row in view is measured");
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
    const int last = view->rowAt(view->viewport()->height() - 1);
    QVERIFY(last > 300);
    QVERIFY2(wrapped(last),
        qPrintable(
            QStringLiteral("row %1 in view is %2 px high").arg(last).arg(view->rowHeight(last))));
    QVERIFY2(!wrapped(200), "rows never shown are not measured");
}

void tst_ProblemsDock::clickingAFixAppliesIt()
{
    auto document = test::reviewsDocument();
    DiagnosticsModel model(*document);
    ProblemsDock dock(&model);
    mistypeAnArgument(*document);
    QCOMPARE(dock.windowTitle(), QStringLiteral("Problems — 1 error, 0 warnings"));
    QSignalSpy asked(&dock, &ProblemsDock::problemActivated);
    Q_EMIT dock.view()->clicked(model.index(0, DiagnosticsModel::FixColumn));
    QCOMPARE(asked.count(), 0); // a click on the fix applies it, and leads nowhere
    QCOMPARE(dock.windowTitle(), QStringLiteral("Problems — none"));
    QVERIFY(document->step(QStringLiteral("trim"))->arguments.contains("max_length"));
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Use 'max_length'"));
}

void tst_ProblemsDock::theFixActionFollowsTheCurrentProblem()
{
    auto document = test::reviewsDocument();
    DiagnosticsModel model(*document);
    ProblemsDock dock(&model);
    QVERIFY(!dock.fixAction()->isEnabled());
    PipelineEditor(*document).changeStep(QStringLiteral("export"), QStringLiteral("arguments"),
        [](Step &step) { step.arguments.remove("path"); });
    mistypeAnArgument(*document);
    QCOMPARE(model.rowCount(), 2);
    const int typo = model.diagnostic(0).fix ? 0 : 1;
    dock.view()->setCurrentIndex(model.index(1 - typo, DiagnosticsModel::MessageColumn));
    QVERIFY(!dock.fixAction()->isEnabled());
    dock.view()->setCurrentIndex(model.index(typo, DiagnosticsModel::MessageColumn));
    QVERIFY(dock.fixAction()->isEnabled());
    QCOMPARE(dock.fixAction()->text(), QStringLiteral("Use 'max_length'"));
    dock.fixAction()->trigger();
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.diagnostic(0).fix);
    QVERIFY(!dock.fixAction()->isEnabled());
}

QTEST_MAIN(tst_ProblemsDock)
#include "tst_ProblemsDock.moc"
