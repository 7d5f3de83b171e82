// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Benchmarks of the designer: what a user does with a large pipeline (open it from disk, select
// its first step, edit an argument, undo, see it whole) at 100 to 10,000 steps, and the canvas with
// 1,000 steps (building the scene, re-analysing after an edit, drawing offscreen).
#include "GeneratedProject.h"
#include "core/history/RunRecord.h"
#include "core/pipeline/PipelineReader.h"
#include "core/spec/SpecCache.h"
#include "views/MainWindow.h"
#include "views/document/CacheInspector.h"
#include "views/document/PipelineDocument.h"
#include "views/panels/PropertiesDock.h"
#include "views/scene/GraphScene.h"
#include "views/scene/GraphView.h"
#include "views/scene/StepItem.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QUndoStack>

#include <benchmark/benchmark.h>

using namespace fondant;

namespace {

// A branching pipeline of `steps` steps laid out on a grid, as a big real pipeline would be.
Pipeline generatedPipeline(int steps)
{
    std::string yaml
        = "version: 1\nname: bench\ncomponent_dirs: [" FONDANT_TEST_DATA_DIR
          "/components]\nsteps:\n"
          "  - id: s0\n    component: load_table\n    arguments: {uri: /data/in.parquet}\n"
          "    produces: {text: string, stars: int8}\n";
    for (int i = 1; i < steps; ++i)
        yaml += "  - id: s" + std::to_string(i) + "\n    component: trim_text\n    input: s"
            + std::to_string(i % 10 == 0 ? i - 10 : i - 1)
            + "\n    arguments: {max_length: " + std::to_string(i) + "}\n";
    yaml += "editor:\n  positions:\n";
    for (int i = 0; i < steps; ++i)
        yaml += "    s" + std::to_string(i) + ": [" + std::to_string((i % 10) * 280) + ", "
            + std::to_string((i / 10) * 160) + "]\n";
    Result<Pipeline> pipeline = PipelineReader::parse(yaml, "/tmp/bench.pipeline.yaml");
    return pipeline.value();
}

void BM_BuildSceneOf1000Steps(benchmark::State &state)
{
    PipelineDocument document;
    document.reset(generatedPipeline(1000));
    for (auto _ : state) {
        GraphScene scene(document);
        benchmark::DoNotOptimize(scene.items().size());
    }
}
BENCHMARK(BM_BuildSceneOf1000Steps)->Unit(benchmark::kMillisecond);

void BM_EditWith1000StepsOnCanvas(benchmark::State &state)
{
    PipelineDocument document;
    document.reset(generatedPipeline(1000));
    GraphScene scene(document);
    Step step = *document.step(QStringLiteral("s500"));
    std::int64_t value = 0;
    for (auto _ : state) {
        step.arguments.set("max_length", ++value);
        document.replaceStep(QStringLiteral("s500"), step); // re-analysis and every item refreshed
    }
}
BENCHMARK(BM_EditWith1000StepsOnCanvas)->Unit(benchmark::kMillisecond);

// The same edit with the cache shown on the canvas: every step's status and its key compared,
// ingredient by ingredient, with a recorded run of the unedited pipeline (the what-if view).
void BM_EditWithCacheStatusOf1000Steps(benchmark::State &state)
{
    QTemporaryDir workingDirectory;
    PipelineDocument document;
    document.reset(generatedPipeline(1000));
    const std::string runId = "bench-20240101000000";
    RunRecord::of(document.session(), runId, workingDirectory.path().toStdString())
        .write(RunRecord::location(workingDirectory.path(), runId, {}));
    CacheInspector inspector(document);
    inspector.chooseWorkingDirectory(workingDirectory.path());
    GraphScene scene(document);
    scene.setCacheInspector(&inspector);
    if (!inspector.againstRun())
        state.SkipWithError("the recorded run was not found");
    Step step = *document.step(QStringLiteral("s500"));
    std::int64_t value = 0;
    for (auto _ : state) {
        step.arguments.set("max_length", ++value);
        document.replaceStep(QStringLiteral("s500"), step);
    }
    state.counters["changed"]
        = static_cast<double>(inspector.counts()[static_cast<std::size_t>(CacheState::Cascade)]);
}
BENCHMARK(BM_EditWithCacheStatusOf1000Steps)->Unit(benchmark::kMillisecond);

void BM_RenderWholeSceneOf1000Steps(benchmark::State &state)
{
    PipelineDocument document;
    document.reset(generatedPipeline(1000));
    GraphScene scene(document);
    const QRectF source = scene.itemsBoundingRect();
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        image.fill(Qt::white);
        QPainter painter(&image);
        scene.render(&painter, QRectF(image.rect()), source);
    }
}
BENCHMARK(BM_RenderWholeSceneOf1000Steps)->Unit(benchmark::kMillisecond);

void BM_RenderViewportAt100Percent(benchmark::State &state)
{
    PipelineDocument document;
    document.reset(generatedPipeline(1000));
    GraphScene scene(document);
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        image.fill(Qt::white);
        QPainter painter(&image);
        scene.render(&painter, QRectF(image.rect()), QRectF(0, 0, 1600, 1000));
    }
}
BENCHMARK(BM_RenderViewportAt100Percent)->Unit(benchmark::kMillisecond);

// Runs the event loop until a change is on screen: a scene change reaches the viewport one round
// after the round that makes it, and the panels' layouts one round after that.
void settle()
{
    for (int round = 0; round < 3; ++round)
        QApplication::processEvents();
}

// The designer window on a generated project of state.range(0) steps written to disk.
struct Designer
{
    explicit Designer(int steps)
        : pipelinePath(bench::writeGeneratedProject(steps, projectFolder.path())),
          window(autosaveFolder.path())
    {
        window.resize(1600, 1000);
        window.show();
        QApplication::processEvents();
    }

    void open()
    {
        window.openFile(pipelinePath);
        settle(); // the deferred fit and the first paint
    }

    // One argument edit of the shown step, typed into its editor in the properties panel.
    void editThreshold(double value)
    {
        QWidget *editor = window.properties().fieldWidget(QStringLiteral("arguments.threshold"));
        editor->findChild<QDoubleSpinBox *>()->setValue(value);
        settle();
    }

    QTemporaryDir projectFolder;
    QTemporaryDir autosaveFolder;
    QString pipelinePath;
    MainWindow window;
};

// Reading every spec again each time, as a first open does.
void BM_OpenPipeline(benchmark::State &state)
{
    Designer designer(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        SpecCache::shared().clear();
        designer.open();
    }
}
BENCHMARK(BM_OpenPipeline)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_SelectFirstStep(benchmark::State &state)
{
    Designer designer(static_cast<int>(state.range(0)));
    designer.open();
    for (auto _ : state) {
        designer.window.showStep(QStringLiteral("c0"));
        settle();
        state.PauseTiming();
        designer.window.showStep({});
        settle();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_SelectFirstStep)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Repaints the whole canvas with the pipeline fitted to the window: at 1,000 and 10,000 steps
// the steps' own names are too small, and the names that have room are placed over them.
void BM_PaintCanvasFitted(benchmark::State &state)
{
    Designer designer(static_cast<int>(state.range(0)));
    designer.open();
    designer.window.view().zoomToFit();
    settle();
    for (auto _ : state)
        designer.window.view().viewport()->repaint();
    state.counters["names"] = static_cast<double>(designer.window.view().farNames().size());
}
BENCHMARK(BM_PaintCanvasFitted)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Edits an argument of one step of a designer with state.range(0) steps, again and again.
void editArgumentOf(benchmark::State &state, const QString &id)
{
    Designer designer(static_cast<int>(state.range(0)));
    designer.open();
    designer.window.showStep(id);
    double value = 0;
    for (auto _ : state)
        designer.editThreshold(value += 0.5);
}

// The first step's argument: every later key changes, the worst case for one edit.
void BM_EditFirstStepArgument(benchmark::State &state)
{
    editArgumentOf(state, QStringLiteral("c0"));
}
BENCHMARK(BM_EditFirstStepArgument)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// The last step's argument: one key changes, what an edit costs without the cascade.
void BM_EditLastStepArgument(benchmark::State &state)
{
    editArgumentOf(state, QStringLiteral("c%1").arg(state.range(0) - 1));
}
BENCHMARK(BM_EditLastStepArgument)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_UndoFirstStepEdit(benchmark::State &state)
{
    Designer designer(static_cast<int>(state.range(0)));
    designer.open();
    designer.window.showStep(QStringLiteral("c0"));
    double value = 0;
    for (auto _ : state) {
        state.PauseTiming();
        designer.editThreshold(value += 0.5);
        state.ResumeTiming();
        designer.window.document().undoStack()->undo();
        settle();
    }
}
BENCHMARK(BM_UndoFirstStepEdit)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
