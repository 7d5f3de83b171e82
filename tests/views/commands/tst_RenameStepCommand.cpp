// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/RenameStepCommand.h"

#include "DocumentFixture.h"

using namespace fondant;

class tst_RenameStepCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void undoRestoresIdsAndInputs();
};

void tst_RenameStepCommand::undoRestoresIdsAndInputs()
{
    auto document = test::reviewsDocument();
    const std::string before = test::savedState(*document);
    QSignalSpy renamed(document.get(), &PipelineDocument::stepRenamed);
    document->undoStack()->push(
        new RenameStepCommand(*document, QStringLiteral("load"), QStringLiteral("read")));
    QCOMPARE(document->step(QStringLiteral("trim"))->input, std::string("read"));
    document->undoStack()->undo();
    QCOMPARE(renamed.count(), 2);
    QCOMPARE(test::savedState(*document), before);
}

QTEST_GUILESS_MAIN(tst_RenameStepCommand)
#include "tst_RenameStepCommand.moc"
