// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/RemoveStepCommand.h"

#include "DocumentFixture.h"

using namespace fondant;

class tst_RemoveStepCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void undoRestoresPlaceAndPosition();
};

void tst_RemoveStepCommand::undoRestoresPlaceAndPosition()
{
    auto document = test::reviewsDocument();
    const std::string before = test::savedState(*document);
    QSignalSpy added(document.get(), &PipelineDocument::stepAdded);
    document->undoStack()->push(new RemoveStepCommand(*document, QStringLiteral("trim")));
    QVERIFY(!document->step(QStringLiteral("trim")));
    document->undoStack()->undo();
    QCOMPARE(added.count(), 1);
    QCOMPARE(document->indexOf(QStringLiteral("trim")), 1);
    QCOMPARE(test::savedState(*document), before);
}

QTEST_GUILESS_MAIN(tst_RemoveStepCommand)
#include "tst_RemoveStepCommand.moc"
