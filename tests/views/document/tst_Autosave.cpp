// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/Autosave.h"

#include "DocumentFixture.h"

#include <QTemporaryDir>

using namespace fondant;

class tst_Autosave : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsUnsavedWorkUntilSaved();
    void copiesOfThisSessionAreNotOrphans();
    void timerWritesOnlyUnsavedWork();
};

void tst_Autosave::keepsUnsavedWorkUntilSaved()
{
    QTemporaryDir folder;
    QTemporaryDir work;
    auto document = test::reviewsDocument();
    Autosave autosave(*document, folder.path());
    document->undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
    QVERIFY(autosave.writeNow());
    QVERIFY(QFile::exists(autosave.copyPath()));
    QVERIFY(!document->save(work.filePath(QStringLiteral("saved.pipeline.yaml"))).has_value());
    QVERIFY(!QFile::exists(autosave.copyPath()));
}

void tst_Autosave::copiesOfThisSessionAreNotOrphans()
{
    QTemporaryDir folder;
    auto document = test::reviewsDocument();
    Autosave autosave(*document, folder.path());
    QVERIFY(autosave.writeNow());
    QVERIFY(autosave.orphans().empty());
    QFile::copy(autosave.copyPath(), folder.filePath(QStringLiteral("other.pipeline.yaml")));
    const auto orphans = autosave.orphans();
    QCOMPARE(orphans.size(), std::size_t {1});
    QCOMPARE(orphans.front().originalPath, QString()); // no .origin file: an untitled document
    Autosave::discard(orphans.front());
    QVERIFY(autosave.orphans().empty());
}

void tst_Autosave::timerWritesOnlyUnsavedWork()
{
    QTemporaryDir folder;
    auto document = test::reviewsDocument();
    Autosave autosave(*document, folder.path());
    autosave.setInterval(10);
    QTest::qWait(60);
    QVERIFY(!QFile::exists(autosave.copyPath()));
    document->undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
    QTRY_VERIFY(QFile::exists(autosave.copyPath()));
}

QTEST_GUILESS_MAIN(tst_Autosave)
#include "tst_Autosave.moc"
