// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Benchmarks of exporting generated pipelines of 100, 1,000 and 10,000 steps (one spec file per
// step) to docker-compose, Kubeflow and a Fondant program, from an opened pipeline to the file's
// text; and of importing the compiled files back into documents on disk.
#include "GeneratedProject.h"
#include "core/export/ComposeExport.h"
#include "core/export/KubeflowExport.h"
#include "core/export/PipelineImport.h"
#include "core/export/PythonExport.h"
#include "core/pipeline/PipelineWriter.h"
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

void BM_ExportPython(benchmark::State &state)
{
    OpenedProject &project = projectOf(static_cast<int>(state.range(0)));
    const QString program = project.folder.filePath(QStringLiteral("pipeline.py"));
    for (auto _ : state)
        benchmark::DoNotOptimize(PythonExport::write(project.session, program).ok());
}
BENCHMARK(BM_ExportPython)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Reading a compiled file from disk, placing its components and writing the document.
void importBenchmark(benchmark::State &state, bool kubeflow)
{
    OpenedProject &project = projectOf(static_cast<int>(state.range(0)));
    const Result<std::string> text = kubeflow
        ? KubeflowExport::write(
            project.session, project.settings, KubeflowExport::Flavour::Kubeflow)
        : ComposeExport::write(project.session, project.settings);
    QTemporaryDir folder;
    const QString compiled = folder.filePath(QStringLiteral("compiled.yml"));
    if (!text.ok() || writeFileAtomically(compiled, text.value())) {
        state.SkipWithError("the export failed");
        return;
    }
    const QString document = folder.filePath(QStringLiteral("imported.pipeline.yaml"));
    for (auto _ : state)
        benchmark::DoNotOptimize(PipelineImport::run(compiled, document, {}).ok());
}

void BM_ImportCompose(benchmark::State &state)
{
    importBenchmark(state, false);
}
BENCHMARK(BM_ImportCompose)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ImportKubeflow(benchmark::State &state)
{
    importBenchmark(state, true);
}
BENCHMARK(BM_ImportKubeflow)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
