// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/PipelineDocument.h"

#include "DocumentFixture.h"

#include <QTemporaryDir>

using namespace fondant;

class tst_PipelineDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsAndAnalyses();
    void loadFailureKeepsTheDocument();
    void mutatorsEmitAndReanalyse();
    void renameFollowsInputsAndPositions();
    void saveIsAtomicAndMarksClean();
    void uniqueIds();
};

void tst_PipelineDocument::loadsAndAnalyses()
{
    auto document = test::reviewsDocument();
    QCOMPARE(document->stepIds(),
        (QStringList {QStringLiteral("load"), QStringLiteral("trim"), QStringLiteral("export")}));
    QVERIFY(!document->analysis().hasErrors());
    QCOMPARE(document->cacheKey(QStringLiteral("trim"))->key,
        std::string("255ab9edb57e309110d81a0d403f975a"));
    QCOMPARE(document->position(QStringLiteral("trim")), QPointF(260, 0));
    QCOMPARE(document->children(QStringLiteral("load")), QStringList {QStringLiteral("trim")});
    QVERIFY(!document->isModified());
}

void tst_PipelineDocument::loadFailureKeepsTheDocument()
{
    auto document = test::reviewsDocument();
    QSignalSpy reset(document.get(), &PipelineDocument::documentReset);
    const Diagnostics problems = document->load(QStringLiteral("/nonexistent.pipeline.yaml"));
    QVERIFY(hasErrors(problems));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(document->stepIds().size(), 3);
}

void tst_PipelineDocument::mutatorsEmitAndReanalyse()
{
    auto document = test::reviewsDocument();
    QSignalSpy changed(document.get(), &PipelineDocument::stepChanged);
    QSignalSpy analysedAll(document.get(), &PipelineDocument::analysisChanged);
    QSignalSpy analysed(document.get(), &PipelineDocument::stepsAnalysed);
    QSignalSpy rekeyed(document.get(), &PipelineDocument::keysChanged);
    const std::string loadKey = document->cacheKey(QStringLiteral("load"))->key;
    Step trim = *document->step(QStringLiteral("trim"));
    trim.arguments.set("max_length", 81);
    document->replaceStep(QStringLiteral("trim"), trim);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("trim"));
    // Only the edited step is analysed again, and the one whose key chains on it re-keyed.
    QCOMPARE(analysedAll.count(), 0);
    QCOMPARE(analysed.count(), 1);
    QCOMPARE(analysed.at(0).at(0).toStringList(), QStringList {QStringLiteral("trim")});
    QCOMPARE(rekeyed.count(), 1);
    QCOMPARE(rekeyed.at(0).at(0).toStringList(), QStringList {QStringLiteral("export")});
    QCOMPARE(document->cacheKey(QStringLiteral("load"))->key, loadKey);
    QVERIFY(document->cacheKey(QStringLiteral("trim"))->key
        != std::string("255ab9edb57e309110d81a0d403f975a"));

    QSignalSpy aboutToRemove(document.get(), &PipelineDocument::stepAboutToBeRemoved);
    QSignalSpy removed(document.get(), &PipelineDocument::stepRemoved);
    const Step gone = document->removeStep(QStringLiteral("export"));
    QCOMPARE(gone.id, std::string("export"));
    QCOMPARE(aboutToRemove.count(), 1);
    QCOMPARE(removed.count(), 1);
    QVERIFY(!document->step(QStringLiteral("export")));
}

void tst_PipelineDocument::renameFollowsInputsAndPositions()
{
    auto document = test::reviewsDocument();
    QSignalSpy renamed(document.get(), &PipelineDocument::stepRenamed);
    document->renameStep(QStringLiteral("trim"), QStringLiteral("shorten"));
    QCOMPARE(renamed.count(), 1);
    QCOMPARE(document->step(QStringLiteral("export"))->input, std::string("shorten"));
    QCOMPARE(document->position(QStringLiteral("shorten")), QPointF(260, 0));
    QVERIFY(!document->analysis().hasErrors());
}

void tst_PipelineDocument::saveIsAtomicAndMarksClean()
{
    QTemporaryDir dir;
    auto document = test::reviewsDocument();
    document->undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
    QVERIFY(document->isModified());
    // Relative component folders must still resolve after saving elsewhere.
    const QString path
        = QStringLiteral(FONDANT_TEST_DATA_DIR "/pipelines/saved-copy.pipeline.yaml");
    QSignalSpy modified(document.get(), &PipelineDocument::modifiedChanged);
    QVERIFY(!document->save(path).has_value());
    QVERIFY(!document->isModified());
    QCOMPARE(modified.count(), 1);
    PipelineDocument reloaded;
    QVERIFY(!hasErrors(reloaded.load(path)));
    QCOMPARE(test::savedState(reloaded), test::savedState(*document));
    QFile::remove(path);
    QVERIFY(document->save(QStringLiteral("/proc/forbidden/p.pipeline.yaml")).has_value());
}

void tst_PipelineDocument::uniqueIds()
{
    auto document = test::reviewsDocument();
    QCOMPARE(document->uniqueId(QStringLiteral("trim")), QStringLiteral("trim_2"));
    QCOMPARE(document->uniqueId(QStringLiteral("new")), QStringLiteral("new"));
}

QTEST_GUILESS_MAIN(tst_PipelineDocument)
#include "tst_PipelineDocument.moc"
