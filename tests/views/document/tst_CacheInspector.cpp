// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/CacheInspector.h"

#include "InspectedFixture.h"
#include "core/history/RunRecord.h"
#include "views/commands/PipelineEditor.h"
#include "views/document/PipelineDocument.h"

#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace fondant;
using State = CacheInspector::State;

class tst_CacheInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); } // dates as the tests spell them
    void everyStepHasItsStatus();
    void anEditShowsWhatReRunsAndWhy();
    void aPastRunShowsWhatItDid();
    void aRunWrittenWhileOpenUpdatesTheSteps();
    void withoutAWorkingDirectoryItSaysWhy();
    void aRemoteOneIsKnownFromItsRecords();
};

namespace {

const QString &history = test::historyData;

using Inspected = test::InspectedVersion;

void setMaxLength(PipelineDocument &document, int value)
{
    PipelineEditor(document).changeStep(QStringLiteral("trim_text"), QStringLiteral("arguments"),
        [value](Step &step) { step.arguments.set("max_length", value); });
}

} // namespace

void tst_CacheInspector::everyStepHasItsStatus()
{
    Inspected inspected("v2");
    const CacheInspector &inspector = inspected.inspector;
    QVERIFY(inspector.history());
    QCOMPARE(inspector.datasetFolder(), std::string("reviews"));
    QCOMPARE(inspector.state(QStringLiteral("load_table")), State::Cached);
    QCOMPARE(inspector.line(QStringLiteral("load_table")),
        QStringLiteral("cached — from the run of 22 Apr 2024, 12:00"));
    QCOMPARE(inspector.line(QStringLiteral("trim_text")),
        QStringLiteral("cached — from the run of 23 Apr 2024, 09:00"));
    QCOMPARE(inspector.state(QStringLiteral("write_rows")), State::Cached);
    QCOMPARE(inspector.summary(), QStringLiteral("3 of 3 steps cached"));
    QCOMPARE(inspector.runs().size(), std::size_t(5));
    QVERIFY(inspector.sentence(QStringLiteral("trim_text")).startsWith(QStringLiteral("cached")));
}

void tst_CacheInspector::anEditShowsWhatReRunsAndWhy()
{
    Inspected inspected("v2");
    CacheInspector &inspector = inspected.inspector;
    QSignalSpy changed(&inspector, &CacheInspector::stepsChanged);
    setMaxLength(inspected.document, 45);
    QCOMPARE(changed.count(), 1);
    QStringList ids = changed.at(0).at(0).toStringList();
    ids.sort();
    QCOMPARE(ids, (QStringList {QStringLiteral("trim_text"), QStringLiteral("write_rows")}));
    QCOMPARE(inspector.state(QStringLiteral("trim_text")), State::Runs);
    // Compared against the newest run with a record, which ran max_length 60 uncached (v3).
    QCOMPARE(inspector.againstRun()->runId, std::string("reviews-20240424090000"));
    QCOMPARE(inspector.line(QStringLiteral("trim_text")),
        QStringLiteral("re-runs: max_length 60 → 45, cache false → true"));
    QCOMPARE(inspector.state(QStringLiteral("write_rows")), State::Cascade);
    QCOMPARE(inspector.line(QStringLiteral("write_rows")),
        QStringLiteral("re-runs because trim_text changed"));
    QCOMPARE(inspector.summary(),
        QStringLiteral("1 of 3 steps cached; 2 will run because `trim_text.arguments.max_length` "
                       "changed"));
    // Undo brings the cache back, and says which steps it touched.
    inspected.document.undoStack()->undo();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(inspector.summary(), QStringLiteral("3 of 3 steps cached"));
}

void tst_CacheInspector::aPastRunShowsWhatItDid()
{
    Inspected inspected("v2");
    CacheInspector &inspector = inspected.inspector;
    QSignalSpy changed(&inspector, &CacheInspector::stepsChanged);
    inspector.showRun(QStringLiteral("reviews-20240423090000"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inspector.state(QStringLiteral("load_table")), State::Cached);
    QCOMPARE(inspector.line(QStringLiteral("load_table")),
        QStringLiteral("reused from the run of 22 Apr 2024, 12:00"));
    QCOMPARE(inspector.state(QStringLiteral("trim_text")), State::Runs);
    QCOMPARE(inspector.line(QStringLiteral("trim_text")), QStringLiteral("executed in this run"));
    QVERIFY(inspector.summary().startsWith(
        QStringLiteral("Run reviews-20240423090000: 1 of 3 steps executed, 1 reused")));
    inspector.showRun({});
    QCOMPARE(inspector.line(QStringLiteral("trim_text")),
        QStringLiteral("cached — from the run of 23 Apr 2024, 09:00"));
}

void tst_CacheInspector::aRunWrittenWhileOpenUpdatesTheSteps()
{
    // The working directory before the run that computed v2's trim: it will run.
    QTemporaryDir away;
    Inspected inspected("v2");
    const QString run = inspected.copy + QStringLiteral("/reviews/reviews-20240423090000");
    const QString reference
        = inspected.copy + QStringLiteral("/reviews/cache/6e937bfb61eefa2ee4225d338b6c2176.txt");
    QVERIFY(QDir().rename(run, away.filePath(QStringLiteral("run"))));
    QVERIFY(QFile::rename(reference, away.filePath(QStringLiteral("reference.txt"))));
    CacheInspector &inspector = inspected.inspector;
    inspector.chooseWorkingDirectory({});
    inspector.chooseWorkingDirectory(inspected.copy);
    QCOMPARE(inspector.state(QStringLiteral("trim_text")), State::Runs);
    QCOMPARE(inspector.state(QStringLiteral("write_rows")), State::Cascade);

    // The run writes its folder, then the reference file as the step ends.
    QSignalSpy reloaded(&inspector, &CacheInspector::historyChanged);
    QSignalSpy changed(&inspector, &CacheInspector::stepsChanged);
    QVERIFY(QDir().rename(away.filePath(QStringLiteral("run")), run));
    QVERIFY(QFile::rename(away.filePath(QStringLiteral("reference.txt")), reference));
    QTRY_COMPARE_WITH_TIMEOUT(inspector.state(QStringLiteral("trim_text")), State::Cached, 5000);
    QCOMPARE(inspector.state(QStringLiteral("write_rows")), State::Cached);
    QVERIFY(reloaded.count() >= 1);
    QVERIFY(changed.count() >= 1);
    // Read again: what the run wrote, not the whole directory.
    const int whole = RunHistory::open(inspected.copy).value().lastReadCount();
    QVERIFY2(inspector.history()->lastReadCount() < whole / 2,
        qPrintable(
            QStringLiteral("%1 of %2").arg(inspector.history()->lastReadCount()).arg(whole)));
}

void tst_CacheInspector::withoutAWorkingDirectoryItSaysWhy()
{
    PipelineDocument document;
    CacheInspector inspector(document);
    QVERIFY(!inspector.history());
    QVERIFY(inspector.summary().contains(QStringLiteral("No working directory")));
    QCOMPARE(inspector.state(QStringLiteral("anything")), State::None);
    QTemporaryDir folder;
    const QString file = folder.filePath(QStringLiteral("a-file"));
    QFile(file).open(QIODevice::WriteOnly);
    inspector.chooseWorkingDirectory(file);
    QVERIFY(inspector.summary().contains(QStringLiteral("a-file is not a folder")));
    inspector.chooseWorkingDirectory(folder.filePath(QStringLiteral("not-yet")));
    QVERIFY(!inspector.history());
    QVERIFY(inspector.summary().contains(QStringLiteral("does not exist yet")));
    // A first run makes the folder: it is noticed.
    QVERIFY(QDir().mkpath(folder.filePath(QStringLiteral("not-yet/reviews/cache"))));
    QTRY_VERIFY_WITH_TIMEOUT(inspector.history(), 5000);
}

void tst_CacheInspector::aRemoteOneIsKnownFromItsRecords()
{
    QStandardPaths::setTestModeEnabled(true); // records go to a data folder of the tests
    const QString remote = QStringLiteral("gs://bucket/reviews-wd");
    PipelineDocument document;
    document.load(history + QStringLiteral("/versions/v2.pipeline.yaml"));
    const std::string runId = "reviews-20240601080000";
    const QString recordPath = RunRecord::location(remote, runId, RunRecord::userDataFolder());
    QVERIFY(!RunRecord::of(document.session(), runId, remote.toStdString()).write(recordPath));
    CacheInspector inspector(document);
    inspector.chooseWorkingDirectory(remote);
    QVERIFY(inspector.history());
    QCOMPARE(inspector.runs().size(), std::size_t(1));
    QCOMPARE(inspector.state(QStringLiteral("trim_text")), State::Unknown);
    QVERIFY(inspector.summary().startsWith(QStringLiteral("Remote working directory")));
    // The keys are compared with the record all the same.
    QCOMPARE(
        inspector.explanation(QStringLiteral("trim_text"))->changed, std::optional<bool>(false));
    QFile::remove(recordPath);
}

QTEST_GUILESS_MAIN(tst_CacheInspector)
#include "tst_CacheInspector.moc"
