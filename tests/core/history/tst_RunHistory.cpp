// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "HistoryFixture.h"
#include "core/history/RunHistory.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fondant;

class tst_RunHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsNewestFirst();
    void executedOrReusedAndFromWhichRun();
    void keysFromRecordsReferencesAndSharedOutputs();
    void writeStepsAndRecords();
    void failedRunAndStrayEntriesAreWarnings();
    void outputSizeAndReferences();
    void kubeflowLayout();
    void refreshReadsOnlyWhatChanged();
    void linksAndHugeManifestsAreWarnings();
    void aFileWithManyProblemsGivesAFewWarnings();
    void entriesFondantNeverWritesAreWarnings();
    void exportedRunsWithoutFoldersAreKnownByTheirRecords();
    void manyRunsAreReadOnEveryCore();
    void unusablePathsAreErrors();
};

namespace {

const QString fixture = QStringLiteral(FONDANT_TEST_DATA_DIR "/history/wd");
const std::string loadKey = "0c8cbbca8558c4ed13786ca5471eac23"; // every version's load_table
const std::string trimKeyV1 = "2233b09bc8e121ccf285568d6c11d16a";
const std::string trimKeyV2 = "6e937bfb61eefa2ee4225d338b6c2176";

// Every file and folder under a path with its size, to show that nothing was written.
QStringList listing(const QString &folder)
{
    QStringList entries;
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        entries << path + QLatin1Char(' ') + QString::number(it.fileInfo().size());
    }
    entries.sort();
    return entries;
}

bool mentions(const Diagnostics &diagnostics, const std::string &file, const std::string &text)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic &d) {
        return d.file.ends_with(file) && d.message.find(text) != std::string::npos
            && d.severity == Severity::Warning;
    });
}

} // namespace

void tst_RunHistory::runsNewestFirst()
{
    const QStringList before = listing(fixture);
    Result<RunHistory> history = RunHistory::open(fixture);
    QVERIFY(history.ok());
    std::vector<std::string> ids;
    for (const RunInfo *run : history->runs())
        ids.push_back(run->runId);
    QCOMPARE(ids,
        (std::vector<std::string> {"reviews-20240425090000", "reviews-20240424090000",
            "reviews-20240423090000", "reviews-20240422130000", "reviews-20240422120000"}));
    QCOMPARE(history->datasetFolders(), std::vector<std::string> {"reviews"});
    QCOMPARE(listing(fixture), before); // reading writes nothing
}

void tst_RunHistory::executedOrReusedAndFromWhichRun()
{
    const RunHistory history = RunHistory::open(fixture).value();
    const RunInfo *fresh = history.run("reviews-20240422120000");
    QVERIFY(fresh && fresh->complete);
    QCOMPARE(fresh->step("load_table")->executed, std::optional<bool>(true));
    QCOMPARE(*fresh->step("trim_text")->fromRun, fresh->runId);
    // Unchanged: both steps reused the first run's outputs.
    const RunInfo *again = history.run("reviews-20240422130000");
    QCOMPARE(again->step("load_table")->executed, std::optional<bool>(false));
    QCOMPARE(*again->step("trim_text")->fromRun, std::string("reviews-20240422120000"));
    // max_length changed: the load is reused, trimming executed.
    const RunInfo *edited = history.run("reviews-20240423090000");
    QCOMPARE(*edited->step("load_table")->fromRun, std::string("reviews-20240422120000"));
    QCOMPARE(edited->step("trim_text")->executed, std::optional<bool>(true));
    // cache: false and a latest image execute; the branch's load is still reused.
    const RunInfo *branch = history.run("reviews-20240424090000");
    QCOMPARE(branch->step("load_table")->executed, std::optional<bool>(false));
    QCOMPARE(branch->step("trim_text")->executed, std::optional<bool>(true));
    QCOMPARE(branch->step("embed_text_latest")->executed, std::optional<bool>(true));
    QCOMPARE(branch->step("embed_text_latest")->fields.size(), std::size_t {3});
}

void tst_RunHistory::keysFromRecordsReferencesAndSharedOutputs()
{
    const RunHistory history = RunHistory::open(fixture).value();
    // The load's reference file names the newest run; every run that shares its output shares
    // its key.
    for (const RunInfo *run : history.runs())
        QCOMPARE(run->step("load_table")->cacheKey, std::optional<std::string>(loadKey));
    // The first run's trim output was reused by the second, whose path the reference names.
    QCOMPARE(*history.run("reviews-20240422120000")->step("trim_text")->cacheKey, trimKeyV1);
    QCOMPARE(*history.run("reviews-20240422130000")->step("trim_text")->cacheKey, trimKeyV1);
    QCOMPARE(*history.run("reviews-20240423090000")->step("trim_text")->cacheKey, trimKeyV2);
    // A crashed step wrote no reference file: its key is unknown, not guessed.
    QVERIFY(!history.run("reviews-20240425090000")->step("trim_text")->cacheKey);
}

void tst_RunHistory::writeStepsAndRecords()
{
    const RunHistory history = RunHistory::open(fixture).value();
    const RunInfo *recorded = history.run("reviews-20240424090000");
    QVERIFY(recorded->record);
    std::vector<std::string> order;
    for (const StepRun &step : recorded->steps)
        order.push_back(step.componentId);
    QCOMPARE(order,
        (std::vector<std::string> {"load_table", "trim_text", "write_rows",
            "embed_text_latest"})); // the record's (Fondant's) order
    const StepRun *write = recorded->step("write_rows");
    QVERIFY(write->writes && !write->hasManifest && !write->executed && !write->fromRun);
    QCOMPARE(*write->cacheKey, std::string("0bffe282af9fa8d0fa10eb8b603f1e16"));
    // Without a record a write step leaves no trace in the run folder.
    QVERIFY(!history.run("reviews-20240422120000")->record);
    QVERIFY(!history.run("reviews-20240422120000")->step("write_rows"));
    QCOMPARE(history.reference("reviews", "35b47ac020a689a0fd8ce17796d85e35")->target,
        std::string()); // the first version's write step: an empty reference file
}

void tst_RunHistory::failedRunAndStrayEntriesAreWarnings()
{
    const RunHistory history = RunHistory::open(fixture).value();
    const RunInfo *failed = history.run("reviews-20240425090000");
    QVERIFY(!failed->complete);
    const StepRun *trim = failed->step("trim_text");
    QVERIFY(!trim->hasManifest && !trim->executed);
    QVERIFY(mentions(history.warnings(), "reviews-20240425090000/trim_text/manifest.json",
        "outcome in this run is unknown"));
    QVERIFY(mentions(history.warnings(), "reviews/notes.txt", "stray file"));
    QVERIFY(mentions(history.warnings(), "reviews/scratch", "not a run"));
    QVERIFY(!history.run("scratch"));
}

void tst_RunHistory::outputSizeAndReferences()
{
    const RunHistory history = RunHistory::open(fixture).value();
    QCOMPARE(history.run("reviews-20240422120000")->outputBytes, std::int64_t {1868});
    QCOMPARE(history.run("reviews-20240422130000")->outputBytes,
        QFileInfo(
            fixture + QStringLiteral("/reviews/reviews-20240422130000/load_table/manifest.json"))
                .size()
            + QFileInfo(
                fixture + QStringLiteral("/reviews/reviews-20240422130000/trim_text/manifest.json"))
                  .size());
    const CacheReference *load = history.reference("reviews", loadKey);
    QVERIFY(load);
    QCOMPARE(history.localManifestPath(load->target),
        fixture + QStringLiteral("/reviews/reviews-20240425090000/load_table/manifest.json"));
    QVERIFY(!history.reference("reviews", "186fd55a38dcecb9b56b6e223962c5ef")); // crashed
}

void tst_RunHistory::kubeflowLayout()
{
    const RunHistory history
        = RunHistory::open(QStringLiteral(FONDANT_TEST_DATA_DIR "/history/wd-kfp")).value();
    QCOMPARE(history.datasetFolders(), std::vector<std::string> {"dataset"});
    const RunInfo *second = history.run("reviews-20240502080000");
    QVERIFY(second);
    QCOMPARE(second->datasetFolder, std::string("dataset"));
    QCOMPARE(*second->step("load_table")->fromRun, std::string("reviews-20240501080000"));
    QCOMPARE(*second->step("trim_text")->cacheKey, trimKeyV2);
    QCOMPARE(history.warnings().size(), std::size_t {0});
}

void tst_RunHistory::refreshReadsOnlyWhatChanged()
{
    QTemporaryDir folder;
    const QString wd = test::copyOfFolder(fixture, folder);
    RunHistory history = RunHistory::open(wd).value();
    history.refresh();
    // Only the incomplete run is read again (it may still be running), with its load's reference.
    QCOMPARE(history.lastReadCount(), 2);
    // A new run reusing everything of the third: two manifests and the two reference files
    // it rewrote.
    const QString from = wd + QStringLiteral("/reviews/reviews-20240423090000");
    const QString to = wd + QStringLiteral("/reviews/reviews-20240426090000");
    for (const char *step : {"load_table", "trim_text"}) {
        QDir().mkpath(to + QLatin1Char('/') + QLatin1String(step));
        QFile::copy(
            from + QLatin1Char('/') + QLatin1String(step) + QStringLiteral("/manifest.json"),
            to + QLatin1Char('/') + QLatin1String(step) + QStringLiteral("/manifest.json"));
    }
    QFile reference(wd + QStringLiteral("/reviews/cache/") + QString::fromStdString(trimKeyV2)
        + QStringLiteral(".txt"));
    QVERIFY(reference.open(QIODevice::WriteOnly | QIODevice::Truncate));
    reference.write("/data/fondant-wd/reviews/reviews-20240426090000/trim_text/manifest.json");
    reference.close();
    history.refresh();
    QVERIFY(history.lastReadCount() <= 4); // the new run, the failed one, two references
    QCOMPARE(history.runs().front()->runId, std::string("reviews-20240426090000"));
    QCOMPARE(*history.runs().front()->step("trim_text")->cacheKey, trimKeyV2);
    QCOMPARE(history.reference("reviews", trimKeyV2)->target,
        std::string("/data/fondant-wd/reviews/reviews-20240426090000/trim_text/manifest.json"));
    // A removed run disappears.
    QVERIFY(QDir(to).removeRecursively());
    history.refresh();
    QVERIFY(!history.run("reviews-20240426090000"));
    // A removed record is let go of.
    QVERIFY(
        QFile::remove(wd + QStringLiteral("/.fondant-studio/runs/reviews-20240424090000.json")));
    history.refresh();
    const RunInfo *unrecorded = history.run("reviews-20240424090000");
    QVERIFY(!unrecorded->record);
    QCOMPARE(unrecorded->stepId(*unrecorded->step("trim_text")), std::string("trim_text"));
}

void tst_RunHistory::linksAndHugeManifestsAreWarnings()
{
    QTemporaryDir folder;
    const QString wd = test::copyOfFolder(fixture, folder);
    QVERIFY(QFile::link(wd + QStringLiteral("/reviews/reviews-20240422120000"),
        wd + QStringLiteral("/reviews/linked")));
    QFile huge(wd + QStringLiteral("/reviews/reviews-20240422130000/trim_text/manifest.json"));
    QVERIFY(huge.resize(100 * 1024 * 1024)); // sparse: nothing is allocated
    const RunHistory history = RunHistory::open(wd).value();
    QVERIFY(mentions(history.warnings(), "reviews/linked", "symbolic link"));
    QVERIFY(mentions(history.warnings(), "reviews-20240422130000/trim_text/manifest.json", ""));
    QVERIFY(!history.run("reviews-20240422130000")->complete);
    QVERIFY(!history.run("linked"));
}

void tst_RunHistory::aFileWithManyProblemsGivesAFewWarnings()
{
    // A manifest whose 1,000 fields each have a problem: a few warnings and their number, not
    // one per field, however many such files the folder holds.
    QTemporaryDir folder;
    const QString wd = test::copyOfFolder(fixture, folder);
    QFile manifest(wd + QStringLiteral("/reviews/reviews-20240422130000/trim_text/manifest.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(manifest.readAll()).object();
    manifest.close();
    QJsonObject fields;
    for (int i = 0; i < 1000; ++i)
        fields.insert(QStringLiteral("f%1").arg(i),
            QJsonObject {{QStringLiteral("location"), QStringLiteral("x")},
                {QStringLiteral("type"), QStringLiteral("string")}});
    root.insert(QStringLiteral("fields"), fields);
    QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
    manifest.write(QJsonDocument(root).toJson());
    manifest.close();
    const RunHistory history = RunHistory::open(wd).value();
    const auto ofFile = std::count_if(
        history.warnings().begin(), history.warnings().end(), [](const Diagnostic &d) {
            return d.file.find("reviews-20240422130000/trim_text/manifest.json")
                != std::string::npos;
        });
    QVERIFY2(ofFile > 1 && ofFile <= 21, qPrintable(QString::number(ofFile)));
    QVERIFY(mentions(history.warnings(), "reviews-20240422130000/trim_text/manifest.json",
        "more problems in this file"));
}

void tst_RunHistory::entriesFondantNeverWritesAreWarnings()
{
    QTemporaryDir folder;
    const QString wd = test::copyOfFolder(fixture, folder);
    // A dataset folder behind a link, a hidden folder and a name with a control character
    // where runs are, a folder where a run record is.
    QVERIFY(QFile::link(wd + QStringLiteral("/reviews"), wd + QStringLiteral("/linked")));
    for (const QString &name : {QStringLiteral(".hidden"), QStringLiteral("bell\x07")})
        QVERIFY(QDir().mkpath(wd + QStringLiteral("/reviews/") + name + QStringLiteral("/step")));
    QVERIFY(QDir().mkpath(wd + QStringLiteral("/.fondant-studio/runs/odd.json")));
    const RunHistory history = RunHistory::open(wd).value();
    QVERIFY(mentions(history.warnings(), "/linked", "symbolic link"));
    QVERIFY(mentions(history.warnings(), "reviews/.hidden", "never start with '.'"));
    QVERIFY(mentions(history.warnings(), "reviews/bell\x07", "control characters"));
    QVERIFY(mentions(history.warnings(), "runs/odd.json", "not a run record"));
    QCOMPARE(history.runs().size(), std::size_t {5});
}

void tst_RunHistory::exportedRunsWithoutFoldersAreKnownByTheirRecords()
{
    QTemporaryDir folder;
    const QString wd = test::copyOfFolder(fixture, folder);
    const std::string runId = "reviews-20240426090000";
    const RunRecord record = RunRecord::of(test::historyVersion("v2"), runId, "/data/fondant-wd");
    QVERIFY(!record.write(RunRecord::location(wd, runId, {})));
    RunHistory history = RunHistory::open(wd).value();
    const RunInfo *exported = history.run(runId);
    QVERIFY(exported && exported->onlyRecorded && exported->record);
    QCOMPARE(history.runs().front(), exported); // the newest, by its id
    QCOMPARE(*exported->step("trim_text")->cacheKey, trimKeyV2);
    QVERIFY(!exported->step("trim_text")->executed);

    // Once its folder appears, the run is read from it.
    QVERIFY(QDir().mkpath(wd + QStringLiteral("/reviews/") + QString::fromStdString(runId)
        + QStringLiteral("/load_table")));
    QVERIFY(
        QFile::copy(wd + QStringLiteral("/reviews/reviews-20240422130000/load_table/manifest.json"),
            wd + QStringLiteral("/reviews/") + QString::fromStdString(runId)
                + QStringLiteral("/load_table/manifest.json")));
    history.refresh();
    QVERIFY(!history.run(runId)->onlyRecorded);
    QCOMPARE(history.run(runId)->step("load_table")->executed, std::optional<bool>(false));
}

void tst_RunHistory::manyRunsAreReadOnEveryCore()
{
    // Enough run folders and reference files to be shared among threads.
    QTemporaryDir folder;
    const QString wd = test::copyOfFolder(fixture, folder);
    const QString first = wd + QStringLiteral("/reviews/reviews-20240422120000");
    for (int run = 0; run < 100; ++run) {
        const QString copy = wd + QStringLiteral("/reviews/reviews-202501010000")
            + QStringLiteral("%1").arg(run, 2, 10, QLatin1Char('0'));
        for (const char *step : {"load_table", "trim_text"}) {
            const QString to = copy + QLatin1Char('/') + QLatin1String(step);
            QVERIFY(QDir().mkpath(to));
            QVERIFY(QFile::copy(
                first + QLatin1Char('/') + QLatin1String(step) + QStringLiteral("/manifest.json"),
                to + QStringLiteral("/manifest.json")));
        }
        QFile reference(
            wd + QStringLiteral("/reviews/cache/%1.txt").arg(run, 32, 16, QLatin1Char('0')));
        QVERIFY(reference.open(QIODevice::WriteOnly));
        reference.write(QStringLiteral("/wd/reviews/%1/trim_text/manifest.json")
                            .arg(QFileInfo(copy).fileName())
                            .toUtf8());
    }
    const RunHistory history = RunHistory::open(wd).value();
    QCOMPARE(history.runs().size(), std::size_t {105});
    const RunInfo *last = history.run("reviews-20250101000099");
    QVERIFY(last);
    QCOMPARE(*last->step("trim_text")->fromRun, std::string("reviews-20240422120000"));
    QCOMPARE(last->step("trim_text")->executed, std::optional<bool>(false));
    const std::string key = QStringLiteral("%1").arg(99, 32, 16, QLatin1Char('0')).toStdString();
    QCOMPARE(history.output(*history.reference("reviews", key)), last->step("trim_text"));
}

void tst_RunHistory::unusablePathsAreErrors()
{
    Result<RunHistory> missing = RunHistory::open(QStringLiteral("/nonexistent/wd"));
    QVERIFY(!missing.ok());
    QVERIFY(missing.diagnostics().front().message.find("no such") != std::string::npos);
    Result<RunHistory> file = RunHistory::open(
        QStringLiteral(FONDANT_TEST_DATA_DIR "/history/versions/v1.pipeline.yaml"));
    QVERIFY(!file.ok());
    QVERIFY(file.diagnostics().front().message.find("not a folder") != std::string::npos);
    Result<RunHistory> remote = RunHistory::open(QStringLiteral("gs://bucket/wd"));
    QVERIFY(!remote.ok());
    QVERIFY(remote.diagnostics().front().message.find("remote") != std::string::npos);

    // Folders, but none of Fondant's: the components folder beside the fixtures.
    Result<RunHistory> other = RunHistory::open(QStringLiteral(FONDANT_TEST_DATA_DIR));
    QVERIFY(!other.ok());
    QVERIFY(other.diagnostics().front().message.find("not a Fondant working directory")
        != std::string::npos);
    // An empty folder is a working directory nothing ran in yet.
    QTemporaryDir empty;
    QVERIFY(RunHistory::open(empty.path()).ok());
}

QTEST_GUILESS_MAIN(tst_RunHistory)
#include "tst_RunHistory.moc"
