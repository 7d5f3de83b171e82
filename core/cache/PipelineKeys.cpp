// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/cache/PipelineKeys.h"

#include "core/graph/PipelineAnalysis.h"
#include "core/pipeline/Pipeline.h"

namespace fondant {

CacheKeyInputs PipelineKeys::inputsFor(const Step &step, const OperationSpec &operation,
    bool cacheEnabled, const std::optional<std::string> &previousKey)
{
    CacheKeyInputs inputs;
    inputs.userArguments = step.arguments;
    inputs.inputPartitionRows = step.inputPartitionRows;
    // None stays None; the `latest` rule only turns a true flag off.
    inputs.cache = step.cache ? std::optional<bool>(cacheEnabled) : std::nullopt;
    inputs.operationSpec = operation.toValue();
    inputs.image.baseImage = operation.spec().image();
    inputs.numberOfAccelerators = step.resources.acceleratorNumber;
    inputs.acceleratorName = step.resources.acceleratorName;
    inputs.nodePoolName = step.resources.nodePoolName;
    inputs.previousKey = previousKey;
    return inputs;
}

namespace {

// The key of step i chained on previous, or nothing when it cannot be known; a failure is
// added to diagnostics. A second use of a component runs under its own name (names[i]), as
// the exports give it (Fondant keys its graph by component name): the key is of that name.
std::optional<CacheKey> keyOf(const Pipeline &pipeline, const PipelineAnalysis &analysis,
    const std::vector<PipelineAnalysis::ComponentName> &names, std::size_t i,
    const std::optional<std::string> &previous, Diagnostics &diagnostics)
{
    const StepAnalysis &step = analysis.steps[i];
    // A key needs the operation spec; other problems (which Fondant may not even see) do not
    // stop Fondant from computing it. Every later key chains on this one.
    if (!step.operation || (i > 0 && !previous))
        return std::nullopt;
    CacheKeyInputs inputs
        = PipelineKeys::inputsFor(pipeline.steps[i], *step.operation, step.cacheEnabled, previous);
    if (names[i].renamed)
        if (Value *specification = inputs.operationSpec.find("specification"))
            specification->set("name", names[i].specName);
    Result<CacheKey> key = CacheKeyCalculator::compute(std::move(inputs));
    if (!key.ok()) {
        for (Diagnostic d : key.diagnostics()) {
            d.file = pipeline.filePath;
            d.stepId = pipeline.steps[i].id;
            diagnostics.push_back(std::move(d));
        }
        return std::nullopt;
    }
    return std::move(key).value();
}

std::optional<std::string> keyText(const std::optional<CacheKey> &key)
{
    return key ? std::optional<std::string>(key->key) : std::nullopt;
}

} // namespace

PipelineKeys PipelineKeys::compute(const Pipeline &pipeline, const PipelineAnalysis &analysis)
{
    PipelineKeys result;
    const std::size_t count = std::min(pipeline.steps.size(), analysis.steps.size());
    result.keys.resize(pipeline.steps.size());
    std::optional<std::string> previous;
    const auto names = analysis.componentNames();
    for (std::size_t i = 0; i < count; ++i) {
        result.keys[i] = keyOf(pipeline, analysis, names, i, previous, result.diagnostics);
        previous = keyText(result.keys[i]);
    }
    return result;
}

std::vector<int> PipelineKeys::update(const Pipeline &pipeline, const PipelineAnalysis &analysis,
    PipelineKeys &keys, const std::vector<int> &reanalysed)
{
    std::vector<int> changed;
    if (reanalysed.empty())
        return changed;
    const std::size_t count = std::min(pipeline.steps.size(), analysis.steps.size());
    keys.keys.resize(pipeline.steps.size());
    std::vector<bool> redo(count, false);
    const auto names = analysis.componentNames();
    for (int index : reanalysed)
        redo[static_cast<std::size_t>(index)] = true;
    const auto first = static_cast<std::size_t>(reanalysed.front());
    std::optional<std::string> previous = first > 0 ? keyText(keys.keys[first - 1]) : std::nullopt;
    bool previousChanged = false;
    for (std::size_t i = first; i < count; ++i) {
        if (!redo[i] && !previousChanged) {
            if (i > static_cast<std::size_t>(reanalysed.back()))
                break;
            previous = keyText(keys.keys[i]);
            continue;
        }
        std::optional<CacheKey> &key = keys.keys[i];
        const std::optional<std::string> before = keyText(key);
        // Only the key it chains on changed: its own parts and problems stay.
        const bool rechained
            = !redo[i] && key && previous && !CacheKeyCalculator::rechain(*key, previous);
        if (!rechained) {
            const std::string &id = pipeline.steps[i].id;
            std::erase_if(keys.diagnostics, [&](const Diagnostic &d) { return d.stepId == id; });
            key = keyOf(pipeline, analysis, names, i, previous, keys.diagnostics);
        }
        previousChanged = keyText(key) != before;
        if (previousChanged || redo[i])
            changed.push_back(static_cast<int>(i));
        previous = keyText(key);
    }
    return changed;
}

} // namespace fondant
