// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Benchmarks of the core: keys of a generated 1,000-step pipeline and loading component specs.
#include "core/cache/PipelineKeys.h"
#include "core/pipeline/PipelineReader.h"
#include "core/pipeline/PipelineWriter.h"
#include "core/session/PipelineSession.h"
#include "core/spec/ComponentResolver.h"
#include "core/spec/ComponentSpec.h"
#include "core/validate/PipelineValidator.h"

#include <QDir>
#include <QFileInfo>

#include <benchmark/benchmark.h>

using namespace fondant;

namespace {

const QString componentsDir = QStringLiteral(FONDANT_TEST_DATA_DIR "/components");

// load -> trim -> trim -> ... : every step has a spec, arguments and field flow to check.
std::string generatedPipeline(int steps)
{
    std::string yaml = "version: 1\nname: bench\nsteps:\n  - id: s0\n    component: load_table\n"
                       "    arguments: {uri: /data/in.parquet, rows: 1000}\n    produces: {text: "
                       "string, stars: int8}\n";
    for (int i = 1; i < steps; ++i)
        yaml += "  - id: s" + std::to_string(i) + "\n    component: trim_text\n    input: s"
            + std::to_string(i - 1) + "\n    arguments: {max_length: " + std::to_string(i)
            + ", ratio: 0.5, words: [a, the]}\n";
    return yaml;
}

void BM_KeysOf1000StepPipeline(benchmark::State &state)
{
    Result<Pipeline> pipeline
        = PipelineReader::parse(generatedPipeline(1000), "bench.pipeline.yaml");
    const ComponentResolver resolver({componentsDir});
    for (auto _ : state) {
        const PipelineAnalysis analysis = PipelineValidator::validate(pipeline.value(), resolver);
        const PipelineKeys keys = PipelineKeys::compute(pipeline.value(), analysis);
        benchmark::DoNotOptimize(keys.keys.back()->key);
    }
    state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_KeysOf1000StepPipeline)->Unit(benchmark::kMillisecond);

// One argument edit in the middle of an N-step chain, as typing in the designer does: the step
// is re-analysed and the keys after it re-chained.
void BM_EditOneArgument(benchmark::State &state)
{
    const auto steps = static_cast<int>(state.range(0));
    PipelineSession session({componentsDir});
    session.reset(PipelineReader::parse(generatedPipeline(steps), "bench.pipeline.yaml").value());
    const int middle = steps / 2;
    Step step = session.pipeline().steps[static_cast<std::size_t>(middle)];
    int value = 0;
    for (auto _ : state) {
        step.arguments.set("max_length", ++value);
        benchmark::DoNotOptimize(session.replaceStep(middle, step));
    }
}
BENCHMARK(BM_EditOneArgument)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_Read1000StepPipeline(benchmark::State &state)
{
    const std::string yaml = generatedPipeline(1000);
    for (auto _ : state) {
        Result<Pipeline> pipeline = PipelineReader::parse(yaml, "bench.pipeline.yaml");
        benchmark::DoNotOptimize(pipeline.ok());
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(yaml.size()));
}
BENCHMARK(BM_Read1000StepPipeline)->Unit(benchmark::kMillisecond);

void BM_Write1000StepPipeline(benchmark::State &state)
{
    Result<Pipeline> pipeline
        = PipelineReader::parse(generatedPipeline(1000), "bench.pipeline.yaml");
    for (auto _ : state)
        benchmark::DoNotOptimize(PipelineWriter::toYaml(pipeline.value()));
}
BENCHMARK(BM_Write1000StepPipeline)->Unit(benchmark::kMillisecond);

// The 27 reusable specs of Fondant 0.12.1 when the reference data is beside the project,
// otherwise the project's own test components.
void BM_LoadReusableSpecs(benchmark::State &state)
{
    QString root = QStringLiteral(FONDANT_REFERENCE_DIR "/components");
    if (!QFileInfo(root).isDir())
        root = componentsDir;
    const QStringList names = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (auto _ : state) {
        for (const QString &name : names) {
            Result<ComponentSpec> spec = ComponentSpec::fromFile(
                root + QLatin1Char('/') + name + QStringLiteral("/fondant_component.yaml"));
            benchmark::DoNotOptimize(spec.ok());
        }
    }
    state.SetItemsProcessed(state.iterations() * names.size());
    state.SetLabel(std::to_string(names.size()) + " specs");
}
BENCHMARK(BM_LoadReusableSpecs)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
