// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/ChangeStepCommand.h"

#include "DocumentFixture.h"

using namespace fondant;

class tst_ChangeStepCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mergesEditsOfOneField();
    void returningToTheStartIsObsolete();
    void otherFieldsDoNotMerge();
};

void tst_ChangeStepCommand::mergesEditsOfOneField()
{
    auto document = test::reviewsDocument();
    const std::string before = test::savedState(*document);
    const Step original = *document->step(QStringLiteral("trim"));
    Step a = original;
    a.arguments.set("max_length", 81);
    Step b = a;
    b.arguments.set("max_length", 82);
    document->undoStack()->push(
        new ChangeStepCommand(*document, original, a, QStringLiteral("arguments.max_length")));
    document->undoStack()->push(
        new ChangeStepCommand(*document, a, b, QStringLiteral("arguments.max_length")));
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(document->step(QStringLiteral("trim"))->arguments.find("max_length")->toInt(),
        std::int64_t {82});
    document->undoStack()->undo();
    QCOMPARE(test::savedState(*document), before);
}

void tst_ChangeStepCommand::returningToTheStartIsObsolete()
{
    auto document = test::reviewsDocument();
    const Step original = *document->step(QStringLiteral("trim"));
    Step a = original;
    a.cache = false;
    document->undoStack()->push(
        new ChangeStepCommand(*document, original, a, QStringLiteral("cache")));
    document->undoStack()->push(
        new ChangeStepCommand(*document, a, original, QStringLiteral("cache")));
    QCOMPARE(document->undoStack()->count(), 0);
    QVERIFY(!document->isModified());
}

void tst_ChangeStepCommand::otherFieldsDoNotMerge()
{
    auto document = test::reviewsDocument();
    const Step original = *document->step(QStringLiteral("trim"));
    Step a = original;
    a.cache = false;
    Step b = a;
    b.inputPartitionRows = Value(10);
    QSignalSpy changed(document.get(), &PipelineDocument::stepChanged);
    document->undoStack()->push(
        new ChangeStepCommand(*document, original, a, QStringLiteral("cache")));
    document->undoStack()->push(
        new ChangeStepCommand(*document, a, b, QStringLiteral("input_partition_rows")));
    QCOMPARE(document->undoStack()->count(), 2);
    QCOMPARE(changed.count(), 2);
}

QTEST_GUILESS_MAIN(tst_ChangeStepCommand)
#include "tst_ChangeStepCommand.moc"
