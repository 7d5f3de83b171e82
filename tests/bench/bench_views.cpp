// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Benchmarks of the canvas with 1,000 steps: building the scene, re-analysing after an edit,
// and drawing the whole scene offscreen.
#include "core/pipeline/PipelineReader.h"
#include "views/document/PipelineDocument.h"
#include "views/scene/GraphScene.h"
#include "views/scene/StepItem.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

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
