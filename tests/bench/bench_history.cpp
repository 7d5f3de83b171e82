// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Benchmarks of the run history on working directories written to disk: indexing 1,000 runs of
// a 20-step pipeline, refreshing after one more run, and the status and key explanations of a
// 50-step pipeline against its working directory.
#include "GeneratedProject.h"
#include "core/history/CacheStatus.h"
#include "core/history/KeyExplain.h"
#include "core/history/RunHistory.h"
#include "core/history/RunRecord.h"
#include "core/session/PipelineSession.h"
#include "core/value/PyJson.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include <benchmark/benchmark.h>

using namespace fondant;

namespace {

void writeFile(const QString &path, const std::string &text)
{
    QDir().mkpath(path.section(QLatin1Char('/'), 0, -2));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text.data(), static_cast<qint64>(text.size()));
}

std::string runIdOf(int run)
{
    const QDateTime time = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc())
                               .addSecs(static_cast<qint64>(run) * 60);
    return "bench-" + time.toString(QStringLiteral("yyyyMMddHHmmss")).toStdString();
}

// A working directory as Fondant leaves it after runs of a chain of steps in which each run
// changes one step: that step and those after it execute, the ones before are reused.
class GeneratedWorkingDirectory
{
public:
    GeneratedWorkingDirectory(std::size_t steps, int runs)
        : m_versions(steps, 0), m_computedBy(steps, 0)
    {
        for (int run = 0; run < runs; ++run)
            addRun();
    }

    QString path() const { return m_folder.path(); }

    void addRun()
    {
        const int run = m_runs++;
        const int steps = static_cast<int>(m_versions.size());
        const int changed = run == 0 ? 0 : (run * 7) % steps;
        const std::string runId = runIdOf(run);
        for (int step = 0; step < steps; ++step) {
            if (step >= changed) {
                ++m_versions[static_cast<std::size_t>(step)];
                m_computedBy[static_cast<std::size_t>(step)] = run;
            }
            const std::string id = "s" + std::to_string(step);
            const std::string from = runIdOf(m_computedBy[static_cast<std::size_t>(step)]);
            const std::string folder = "/wd/bench/" + runId + "/" + id;
            const std::string dataFolder = "/wd/bench/" + from + "/" + id;
            const QString local
                = m_folder.filePath(QString::fromStdString("bench/" + runId + "/" + id));
            writeFile(local + QStringLiteral("/manifest.json"),
                "{\"metadata\": {\"dataset_name\": \"bench\", \"run_id\": \"" + from
                    + "\", \"component_id\": \"" + id + "\", \"cache_key\": \"" + keyOf(0)
                    + "\", \"manifest_location\": \"" + folder
                    + "/manifest.json\"}, \"index\": {\"location\": \"" + dataFolder
                    + "\"}, \"fields\": {\"text\": {\"location\": \"/wd/bench/" + from
                    + "/s0\", \"type\": \"string\"}, \"f" + std::to_string(step)
                    + "\": {\"location\": \"" + dataFolder + "\", \"type\": \"int32\"}}}");
            if (step >= changed)
                writeFile(local + QStringLiteral("/part.0.parquet"), std::string(512, 'p'));
            writeFile(
                m_folder.filePath(QString::fromStdString("bench/cache/" + keyOf(step) + ".txt")),
                folder + "/manifest.json");
        }
    }

private:
    std::string keyOf(int step) const
    {
        const std::string seed = std::to_string(step) + "/"
            + std::to_string(m_versions[static_cast<std::size_t>(step)]);
        return QCryptographicHash::hash(QByteArray::fromStdString(seed), QCryptographicHash::Md5)
            .toHex()
            .toStdString();
    }

    QTemporaryDir m_folder;
    std::vector<int> m_versions; ///< how often each step's key changed
    std::vector<int> m_computedBy; ///< the run that computed each step's current output
    int m_runs = 0;
};

GeneratedWorkingDirectory &thousandRuns()
{
    static GeneratedWorkingDirectory directory(20, 1000);
    return directory;
}

void BM_IndexThousandRunsOfTwentySteps(benchmark::State &state)
{
    const QString path = thousandRuns().path();
    for (auto _ : state) {
        Result<RunHistory> history = RunHistory::open(path);
        benchmark::DoNotOptimize(history.value().runs().size());
    }
}
BENCHMARK(BM_IndexThousandRunsOfTwentySteps)->Unit(benchmark::kMillisecond);

void BM_RefreshAfterOneMoreRun(benchmark::State &state)
{
    GeneratedWorkingDirectory directory(20, 1000);
    RunHistory history = RunHistory::open(directory.path()).value();
    for (auto _ : state) {
        state.PauseTiming();
        directory.addRun();
        state.ResumeTiming();
        history.refresh();
    }
}
BENCHMARK(BM_RefreshAfterOneMoreRun)->Unit(benchmark::kMillisecond);

// A 50-step generated project and a working directory holding one recorded run of it.
struct RecordedProject
{
    RecordedProject()
        : session(PipelineSession::open(bench::writeGeneratedProject(50, project.path())).value())
    {
        RunRecord record;
        record.runId = runIdOf(0);
        record.pipeline = session.pipeline().name;
        record.datasetFolder = session.pipeline().name;
        record.workingDirectory = "/wd";
        for (std::size_t i = 0; i < session.pipeline().steps.size(); ++i) {
            const CacheKey *key = session.key(static_cast<int>(i));
            const std::string id = session.analysis().steps[i].spec->safeName();
            const std::string manifest
                = "/wd/" + record.datasetFolder + "/" + record.runId + "/" + id + "/manifest.json";
            writeFile(workingDirectory.filePath(QString::fromStdString(manifest.substr(4))),
                "{\"metadata\": {\"dataset_name\": \"" + record.datasetFolder + "\", \"run_id\": \""
                    + record.runId + "\"}, \"index\": {\"location\": \"/wd\"}, \"fields\": {}}");
            writeFile(workingDirectory.filePath(QString::fromStdString(
                          record.datasetFolder + "/cache/" + key->key + ".txt")),
                manifest);
            record.steps.push_back({session.pipeline().steps[i].id, id, true, false, key->key,
                RunRecord::Preimages {
                    key->argumentsText, key->operationSpecText, key->imageText, key->finalText}});
        }
        if (record.write(RunRecord::location(workingDirectory.path(), record.runId, {})))
            qFatal("cannot write the run record");
    }

    QTemporaryDir project;
    QTemporaryDir workingDirectory;
    PipelineSession session;
};

void BM_StatusOfFiftySteps(benchmark::State &state)
{
    RecordedProject recorded;
    for (auto _ : state) {
        const RunHistory history = RunHistory::open(recorded.workingDirectory.path()).value();
        const std::string folder = CacheStatus::datasetFolderFor(recorded.session, history);
        benchmark::DoNotOptimize(CacheStatus::of(recorded.session, history, folder).size());
    }
}
BENCHMARK(BM_StatusOfFiftySteps)->Unit(benchmark::kMillisecond);

// Every key changed: the first step's argument is edited, so all fifty are compared in full.
void BM_ExplainFiftyChangedSteps(benchmark::State &state)
{
    RecordedProject recorded;
    Step first = recorded.session.pipeline().steps[0];
    first.arguments.set("label", "elsewhere");
    recorded.session.replaceStep(0, first);
    for (auto _ : state) {
        const RunHistory history = RunHistory::open(recorded.workingDirectory.path()).value();
        const RunInfo *run = history.runs().front();
        benchmark::DoNotOptimize(KeyExplain::againstRun(recorded.session, *run).size());
    }
}
BENCHMARK(BM_ExplainFiftyChangedSteps)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
