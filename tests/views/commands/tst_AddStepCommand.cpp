// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/AddStepCommand.h"

#include "DocumentFixture.h"

using namespace fondant;

class tst_AddStepCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pushUndoRedo();
};

void tst_AddStepCommand::pushUndoRedo()
{
    auto document = test::reviewsDocument();
    const std::string before = test::savedState(*document);
    QSignalSpy added(document.get(), &PipelineDocument::stepAdded);
    QSignalSpy removed(document.get(), &PipelineDocument::stepRemoved);
    Step step;
    step.id = "again";
    step.component = "trim_text";
    step.input = "trim";
    document->undoStack()->push(new AddStepCommand(*document, step, 2, QPointF(10, 20)));
    QCOMPARE(added.count(), 1);
    QCOMPARE(document->indexOf(QStringLiteral("again")), 2);
    QCOMPARE(document->position(QStringLiteral("again")), QPointF(10, 20));
    const std::string after = test::savedState(*document);
    document->undoStack()->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(test::savedState(*document), before);
    document->undoStack()->redo();
    QCOMPARE(test::savedState(*document), after);
    QCOMPARE(document->undoStack()->text(0), QStringLiteral("Add step again"));
}

QTEST_GUILESS_MAIN(tst_AddStepCommand)
#include "tst_AddStepCommand.moc"
