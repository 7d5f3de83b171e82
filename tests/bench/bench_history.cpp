// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Benchmarks of the run history on working directories written to disk: indexing 1,000 runs of
// a 20-step pipeline, refreshing after one more run, and the status and key explanations of a
// 50-step pipeline against its working directory.
#include "GeneratedProject.h"
#include "core/history/CacheStatus.h"
#include "core/history/KeyExplain.h"
#include "core/history/RunHistory.h"
#include "core/session/PipelineSession.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace fondant;

namespace {

// A generated working directory in a folder of its own, removed at the end.
struct TemporaryWorkingDirectory
{
    TemporaryWorkingDirectory(std::size_t steps, int runs) : directory(folder.path(), steps, runs)
    { }
    QTemporaryDir folder;
    bench::GeneratedWorkingDirectory directory;
};

bench::GeneratedWorkingDirectory &thousandRuns()
{
    static TemporaryWorkingDirectory generated(20, 1000);
    return generated.directory;
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
    TemporaryWorkingDirectory generated(20, 1000);
    RunHistory history = RunHistory::open(generated.directory.path()).value();
    for (auto _ : state) {
        state.PauseTiming();
        generated.directory.addRun();
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
        bench::writeRecordedRun(session, workingDirectory.path());
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
