// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/history/RunRecord.h"

#include "HistoryFixture.h"
#include "core/value/JsonReader.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace fondant;

class tst_RunRecord : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheFixtureRecord();
    void writesAndReadsBack();
    void refusesOtherFormatsAndVersions();
    void namesTheFileAndMember();
    void refusesPreimagesThatDoNotHashToTheKey();
    void localAndRemoteLocations();
    void ofASessionMatchesFondantsKeys();
};

namespace {
const QString fixture = QStringLiteral(
    FONDANT_TEST_DATA_DIR "/history/wd/.fondant-studio/runs/reviews-20240424090000.json");
}

void tst_RunRecord::readsTheFixtureRecord()
{
    Result<RunRecord> record = RunRecord::read(fixture);
    QVERIFY(record.ok());
    QCOMPARE(record->runId, std::string("reviews-20240424090000"));
    QCOMPARE(record->datasetFolder, std::string("reviews"));
    QCOMPARE(record->steps.size(), std::size_t {4});
    const RunRecord::Step *trim = record->step("trim_text");
    QVERIFY(trim);
    QVERIFY(!trim->cache); // cache: false in the document
    QCOMPARE(*trim->cacheKey, std::string("78d8bce6b7806a07baf81e1405bd4dc7"));
    QVERIFY(trim->preimages->arguments.find("\"cache\": false") != std::string::npos);
    QVERIFY(record->step("write_rows")->writes);
}

void tst_RunRecord::writesAndReadsBack()
{
    RunRecord record = RunRecord::read(fixture).value();
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("nested/run.json"));
    QVERIFY(!record.write(path));
    Result<RunRecord> back = RunRecord::read(path);
    QVERIFY(back.ok());
    QVERIFY(back.value() == record);
}

void tst_RunRecord::refusesOtherFormatsAndVersions()
{
    Result<RunRecord> other = RunRecord::fromValue(
        JsonReader::parse(R"({"format": "something-else", "version": 1})", "r.json").value(),
        "r.json");
    QVERIFY(!other.ok());
    QVERIFY(other.diagnostics().front().message.find("'format'") != std::string::npos);
    Result<RunRecord> newer = RunRecord::fromValue(
        JsonReader::parse(R"({"format": "fondant-studio-run-record", "version": 2})", "r.json")
            .value(),
        "r.json");
    QVERIFY(!newer.ok());
    QVERIFY(newer.diagnostics().front().message.find("version 1") != std::string::npos);
}

void tst_RunRecord::namesTheFileAndMember()
{
    const std::string text = "{\"format\": \"fondant-studio-run-record\", \"version\": 1,\n"
                             " \"run_id\": \"r-20240101000000\", \"pipeline\": \"r\",\n"
                             " \"dataset_folder\": \"r\", \"working_directory\": \"/wd\",\n"
                             " \"steps\": [{\"id\": 3, \"component_id\": \"a\"}]}";
    Result<RunRecord> record
        = RunRecord::fromValue(JsonReader::parse(text, "r.json").value(), "r.json");
    QVERIFY(!record.ok());
    const Diagnostic &problem = record.diagnostics().front();
    QCOMPARE(problem.file, std::string("r.json"));
    QVERIFY(problem.message.find("step 1: 'id' must be text") != std::string::npos);
}

void tst_RunRecord::refusesPreimagesThatDoNotHashToTheKey()
{
    const RunRecord record = RunRecord::read(fixture).value();
    const auto problemOf = [&](const std::function<void(RunRecord::Step &)> &damage) {
        RunRecord damaged = record;
        damage(damaged.steps[1]);
        Result<RunRecord> back = RunRecord::fromValue(damaged.toValue(), "r.json");
        return back.ok() ? std::string() : back.diagnostics().front().message;
    };
    QCOMPARE(problemOf([](RunRecord::Step &) {}), std::string());
    QCOMPARE(problemOf([](RunRecord::Step &step) { step.preimages->final += " "; }),
        std::string("invalid run record: step 2: preimages: 'final' does not hash to the step's "
                    "'cache_key'"));
    QCOMPARE(problemOf([](RunRecord::Step &step) { step.preimages->arguments = "{not json"; }),
        std::string("invalid run record: step 2: preimages: 'arguments' is not the JSON text "
                    "Fondant hashes"));
    QCOMPARE(problemOf([](RunRecord::Step &step) { step.cacheKey.reset(); }),
        std::string("invalid run record: step 2: preimages: there is no 'cache_key' they hash to"));
}

void tst_RunRecord::localAndRemoteLocations()
{
    QCOMPARE(RunRecord::location(QStringLiteral("/data/wd"), "reviews-20240101000000",
                 QStringLiteral("/home/u/.local/share/app")),
        QStringLiteral("/data/wd/.fondant-studio/runs/reviews-20240101000000.json"));
    const QString remote = RunRecord::location(QStringLiteral("gs://bucket/wd"),
        "reviews-20240101000000", QStringLiteral("/home/u/.local/share/app"));
    QVERIFY(remote.startsWith(QStringLiteral("/home/u/.local/share/app/runs/")));
    QVERIFY(remote.endsWith(QStringLiteral("/reviews-20240101000000.json")));
    QVERIFY(remote
        != RunRecord::location(QStringLiteral("s3://bucket/wd"), "reviews-20240101000000",
            QStringLiteral("/home/u/.local/share/app")));
    QVERIFY(RunRecord::isRemote(QStringLiteral("gs://bucket")));
    QVERIFY(!RunRecord::isRemote(QStringLiteral("/data/gs://x")));
    QVERIFY(!RunRecord::isRemote(QStringLiteral("file:///data/wd")));
    QCOMPARE(RunRecord::location(QStringLiteral("file:///data/wd"), "r-20240101000000", {}),
        QStringLiteral("/data/wd/.fondant-studio/runs/r-20240101000000.json"));
}

void tst_RunRecord::ofASessionMatchesFondantsKeys()
{
    // The fixture record was written from Fondant's own keys and pre-images for version 3.
    const RunRecord fondant = RunRecord::read(fixture).value();
    const RunRecord ours
        = RunRecord::of(test::historyVersion("v3"), fondant.runId, fondant.workingDirectory);
    QCOMPARE(ours.pipeline, fondant.pipeline);
    QCOMPARE(ours.datasetFolder, fondant.datasetFolder);
    QCOMPARE(ours.steps.size(), fondant.steps.size());
    for (std::size_t i = 0; i < ours.steps.size(); ++i) {
        QCOMPARE(ours.steps[i].id, fondant.steps[i].id);
        QCOMPARE(ours.steps[i].componentId, fondant.steps[i].componentId);
        QCOMPARE(ours.steps[i].cache, fondant.steps[i].cache);
        QCOMPARE(ours.steps[i].writes, fondant.steps[i].writes);
        QCOMPARE(ours.steps[i].cacheKey, fondant.steps[i].cacheKey);
        QVERIFY(ours.steps[i].preimages == fondant.steps[i].preimages);
    }
}

QTEST_GUILESS_MAIN(tst_RunRecord)
#include "tst_RunRecord.moc"
