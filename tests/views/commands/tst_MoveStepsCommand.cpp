// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/MoveStepsCommand.h"

#include "DocumentFixture.h"

using namespace fondant;

class tst_MoveStepsCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneCommandForManySteps();
};

void tst_MoveStepsCommand::oneCommandForManySteps()
{
    auto document = test::reviewsDocument();
    const std::string before = test::savedState(*document);
    QSignalSpy moved(document.get(), &PipelineDocument::stepMoved);
    MoveStepsCommand::Positions from {
        {QStringLiteral("load"), QPointF(0, 0)}, {QStringLiteral("trim"), QPointF(260, 0)}};
    MoveStepsCommand::Positions to {
        {QStringLiteral("load"), QPointF(5, 5)}, {QStringLiteral("trim"), QPointF(265, 5)}};
    document->undoStack()->push(
        new MoveStepsCommand(*document, from, to, QStringLiteral("Move 2 steps")));
    QCOMPARE(moved.count(), 2);
    QCOMPARE(document->position(QStringLiteral("trim")), QPointF(265, 5));
    document->undoStack()->undo();
    QCOMPARE(test::savedState(*document), before);
    QCOMPARE(document->undoStack()->count(), 1);
}

QTEST_GUILESS_MAIN(tst_MoveStepsCommand)
#include "tst_MoveStepsCommand.moc"
