// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Benchmarks of exporting generated pipelines of 100, 1,000 and 10,000 steps (one spec file per
// step) to docker-compose and Kubeflow, from an opened pipeline to the file's text.
#include "GeneratedProject.h"
#include "core/export/ComposeExport.h"
#include "core/export/KubeflowExport.h"
#include "core/session/PipelineSession.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <map>
#include <memory>

using namespace fondant;

namespace {

// A generated project, opened once per size for all benchmarks.
struct OpenedProject
{
    explicit OpenedProject(int steps)
        : session(
            PipelineSession::open(bench::writeGeneratedProject(steps, folder.path())).value()),
          settings(ExportSettings::make(QStringLiteral("gs://bucket/wd"), {},
              session.pipeline().name, session.pipeline().name + "-20240101000000")
                       .value())
    { }
    QTemporaryDir folder;
    PipelineSession session;
    ExportSettings settings;
};

OpenedProject &projectOf(int steps)
{
    static std::map<int, std::unique_ptr<OpenedProject>> projects;
    std::unique_ptr<OpenedProject> &project = projects[steps];
    if (!project)
        project = std::make_unique<OpenedProject>(steps);
    return *project;
}

void BM_ExportCompose(benchmark::State &state)
{
    OpenedProject &project = projectOf(static_cast<int>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(ComposeExport::write(project.session, project.settings).ok());
}
BENCHMARK(BM_ExportCompose)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ExportKubeflow(benchmark::State &state)
{
    OpenedProject &project = projectOf(static_cast<int>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(KubeflowExport::write(
            project.session, project.settings, KubeflowExport::Flavour::Kubeflow)
                                     .ok());
}
BENCHMARK(BM_ExportKubeflow)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
