// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/ChangePipelineCommand.h"

#include "DocumentFixture.h"

using namespace fondant;

class tst_ChangePipelineCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typingANameIsOneUndo();
};

void tst_ChangePipelineCommand::typingANameIsOneUndo()
{
    auto document = test::reviewsDocument();
    const std::string before = test::savedState(*document);
    QSignalSpy changed(document.get(), &PipelineDocument::pipelinePropertiesChanged);
    Pipeline a = document->pipeline();
    a.name = "reviews2";
    document->undoStack()->push(new ChangePipelineCommand(*document, a, QStringLiteral("name")));
    Pipeline b = document->pipeline();
    b.name = "reviews23";
    document->undoStack()->push(new ChangePipelineCommand(*document, b, QStringLiteral("name")));
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(document->pipeline().name, std::string("reviews23"));
    document->undoStack()->undo();
    QCOMPARE(test::savedState(*document), before);
}

QTEST_GUILESS_MAIN(tst_ChangePipelineCommand)
#include "tst_ChangePipelineCommand.moc"
