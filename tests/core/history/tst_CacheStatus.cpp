// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/history/CacheStatus.h"

#include "HistoryFixture.h"
#include "core/history/RunHistory.h"
#include "core/session/PipelineSession.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fondant;

class tst_CacheStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everythingReusedAfterTheRunThatMadeIt();
    void anOlderVersionIsStillCached();
    void cachingOffAndLatestImages();
    void aChangeInTheMiddleRunsItAndWhatFollows();
    void aBranchReRunsThroughTheKeyChain();
    void missingOutputsAndEmptyDirectories();
    void unreadableOutputsMakeTheStepFail();
    void kubeflowFolder();
};

namespace {

using Decision = StepStatus::Decision;
using Reason = StepStatus::Reason;

const QString &history = test::historyData;

std::vector<StepStatus> statusOf(const PipelineSession &session, const QString &wd)
{
    const RunHistory runs = RunHistory::open(wd).value();
    return CacheStatus::of(session, runs, CacheStatus::datasetFolderFor(session, runs));
}

// "decision reason root-cause from-run" of each step, compactly comparable.
std::vector<std::string> summary(const std::vector<StepStatus> &statuses)
{
    std::vector<std::string> lines;
    for (const StepStatus &s : statuses)
        lines.push_back(s.stepId + " " + (s.decision ? StepStatus::decisionName(*s.decision) : "-")
            + " " + (s.reason ? StepStatus::reasonName(*s.reason) : "-") + " "
            + s.rootCause.value_or("-") + " " + s.cachedFromRun.value_or("-"));
    return lines;
}

} // namespace

void tst_CacheStatus::everythingReusedAfterTheRunThatMadeIt()
{
    QCOMPARE(summary(statusOf(test::historyVersion("v2"), history + QStringLiteral("/wd"))),
        (std::vector<std::string> {
            "load_table hit key-unchanged - reviews-20240422120000",
            "trim_text hit key-unchanged - reviews-20240423090000",
            "write_rows hit key-unchanged - -", // a write step: an empty reference file
        }));
    const std::vector<StepStatus> statuses
        = statusOf(test::historyVersion("v2"), history + QStringLiteral("/wd"));
    QVERIFY(statuses[2].cachedWithoutManifest);
    QVERIFY(!statuses[1].cachedWithoutManifest);
}

void tst_CacheStatus::anOlderVersionIsStillCached()
{
    // The reference file of the first version's trim names the second run's folder, whose
    // manifest came from the first run.
    QCOMPARE(summary(statusOf(test::historyVersion("v1"), history + QStringLiteral("/wd"))),
        (std::vector<std::string> {
            "load_table hit key-unchanged - reviews-20240422120000",
            "trim_text hit key-unchanged - reviews-20240422120000",
            "write_rows hit key-unchanged - -",
        }));
}

void tst_CacheStatus::cachingOffAndLatestImages()
{
    QCOMPARE(summary(statusOf(test::historyVersion("v3"), history + QStringLiteral("/wd"))),
        (std::vector<std::string> {
            "load_table hit key-unchanged - reviews-20240422120000",
            "trim_text disabled cache-false trim_text -",
            "write_rows run upstream trim_text -",
            "embed_text_latest disabled latest-tag embed_text_latest -",
        }));
}

void tst_CacheStatus::aChangeInTheMiddleRunsItAndWhatFollows()
{
    // max_length 40 crashed before writing a reference file: it runs again.
    QCOMPARE(summary(statusOf(test::historyVersion("v4"), history + QStringLiteral("/wd"))),
        (std::vector<std::string> {
            "load_table hit key-unchanged - reviews-20240422120000",
            "trim_text run key-changed trim_text -",
            "write_rows run upstream trim_text -",
        }));
    PipelineSession session = test::historyVersion("v2");
    Step load = session.pipeline().steps[0];
    load.arguments.set("rows", 200);
    session.replaceStep(0, load);
    QCOMPARE(summary(statusOf(session, history + QStringLiteral("/wd"))),
        (std::vector<std::string> {
            "load_table run key-changed load_table -",
            "trim_text run upstream load_table -",
            "write_rows run upstream load_table -",
        }));
}

void tst_CacheStatus::aBranchReRunsThroughTheKeyChain()
{
    // A branch after the load, called last: its key chains on the write step before it in call
    // order, although its input is the load.
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("branch.pipeline.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QFile v2(history + QStringLiteral("/versions/v2.pipeline.yaml"));
    QVERIFY(v2.open(QIODevice::ReadOnly));
    file.write(v2.readAll()
                   .replace("../../components", FONDANT_TEST_DATA_DIR "/components")
                   .append("  - id: export_rows\n    component: export_rows\n"
                           "    input: load_table\n    arguments: {path: /data/copy}\n"));
    file.close();
    PipelineSession session = PipelineSession::open(path).value();
    const QString wd = history + QStringLiteral("/wd");
    QCOMPARE(summary(statusOf(session, wd))[3],
        std::string("export_rows run no-previous-run export_rows -"));
    Step trim = session.pipeline().steps[1];
    trim.arguments.set("max_length", 30);
    session.replaceStep(1, trim);
    const std::vector<StepStatus> statuses = statusOf(session, wd);
    QCOMPARE(summary(statuses),
        (std::vector<std::string> {
            "load_table hit key-unchanged - reviews-20240422120000",
            "trim_text run key-changed trim_text -",
            "write_rows run upstream trim_text -",
            "export_rows run upstream trim_text -",
        }));
    QVERIFY(!statuses[2].throughKeyChain);
    QVERIFY(statuses[3].throughKeyChain);
}

void tst_CacheStatus::missingOutputsAndEmptyDirectories()
{
    QTemporaryDir folder;
    const QString wd = test::copyOfFolder(history + QStringLiteral("/wd"), folder);
    QVERIFY(QFile::remove(
        wd + QStringLiteral("/reviews/reviews-20240423090000/trim_text/manifest.json")));
    const std::vector<StepStatus> statuses = statusOf(test::historyVersion("v2"), wd);
    QCOMPARE(summary(statuses),
        (std::vector<std::string> {
            "load_table hit key-unchanged - reviews-20240422120000",
            "trim_text run output-missing trim_text -",
            "write_rows run upstream trim_text -",
        }));
    QVERIFY(statuses[1].outputProblem.starts_with("its cached output "));
    QVERIFY(statuses[1].outputProblem.ends_with(
        "reviews-20240423090000/trim_text/manifest.json is gone"));

    QTemporaryDir empty;
    QCOMPARE(summary(statusOf(test::historyVersion("v2"), empty.path())),
        (std::vector<std::string> {
            "load_table run no-previous-run load_table -",
            "trim_text run upstream load_table -",
            "write_rows run upstream load_table -",
        }));
}

void tst_CacheStatus::unreadableOutputsMakeTheStepFail()
{
    // Fondant's executor fails reading a reference file or manifest it cannot read or parse.
    QTemporaryDir folder;
    const QString wd = test::copyOfFolder(history + QStringLiteral("/wd"), folder);
    const QString loadReference
        = wd + QStringLiteral("/reviews/cache/0c8cbbca8558c4ed13786ca5471eac23.txt");
    const auto writeText = [](const QString &path, const QByteArray &text) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) >= 0;
    };
    QVERIFY(writeText(
        wd + QStringLiteral("/reviews/reviews-20240423090000/trim_text/manifest.json"), "hello"));
    std::vector<StepStatus> statuses = statusOf(test::historyVersion("v2"), wd);
    QCOMPARE(summary(statuses)[1], std::string("trim_text run output-missing trim_text -"));
    QVERIFY(statuses[1].outputProblem.ends_with("trim_text/manifest.json cannot be read"));

    // A folder where the reference file should be.
    QVERIFY(QFile::remove(loadReference));
    QVERIFY(QDir().mkdir(loadReference));
    statuses = statusOf(test::historyVersion("v2"), wd);
    QCOMPARE(summary(statuses)[0], std::string("load_table run output-missing load_table -"));
    QVERIFY(statuses[0].outputProblem.starts_with("its cache reference file cannot be read ("));

    // An empty reference file is reused as a write step's, with no manifest to read.
    QVERIFY(QDir().rmdir(loadReference));
    QVERIFY(writeText(loadReference, ""));
    statuses = statusOf(test::historyVersion("v2"), wd);
    QCOMPARE(summary(statuses)[0], std::string("load_table hit key-unchanged - -"));
    QVERIFY(statuses[0].cachedWithoutManifest);
}

void tst_CacheStatus::kubeflowFolder()
{
    const PipelineSession session = test::historyVersion("v1");
    const RunHistory runs = RunHistory::open(history + QStringLiteral("/wd-kfp")).value();
    QCOMPARE(CacheStatus::datasetFolderFor(session, runs), std::string("dataset"));
    QCOMPARE(summary(CacheStatus::of(session, runs, "dataset"))[1],
        std::string("trim_text hit key-unchanged - reviews-20240501080000"));
}

QTEST_GUILESS_MAIN(tst_CacheStatus)
#include "tst_CacheStatus.moc"
