// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/ReorderStepCommand.h"

#include "DocumentFixture.h"

using namespace fondant;

class tst_ReorderStepCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void changesCallOrderAndChaining();
};

void tst_ReorderStepCommand::changesCallOrderAndChaining()
{
    auto document = test::reviewsDocument();
    const std::string before = test::savedState(*document);
    const std::string exportKey = document->cacheKey(QStringLiteral("export"))->key;
    QSignalSpy reordered(document.get(), &PipelineDocument::stepOrderChanged);
    document->undoStack()->push(new ReorderStepCommand(*document, QStringLiteral("export"), 0));
    QCOMPARE(document->indexOf(QStringLiteral("export")), 0);
    QCOMPARE(reordered.count(), 1);
    QVERIFY(document->analysis().hasErrors()); // export now comes before the step it reads
    document->undoStack()->undo();
    QCOMPARE(test::savedState(*document), before);
    QCOMPARE(document->cacheKey(QStringLiteral("export"))->key, exportKey);
}

QTEST_GUILESS_MAIN(tst_ReorderStepCommand)
#include "tst_ReorderStepCommand.moc"
