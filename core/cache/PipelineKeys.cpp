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

PipelineKeys PipelineKeys::compute(const Pipeline &pipeline, const PipelineAnalysis &analysis)
{
    PipelineKeys result;
    result.keys.resize(pipeline.steps.size());
    std::optional<std::string> previous;
    for (std::size_t i = 0; i < pipeline.steps.size() && i < analysis.steps.size(); ++i) {
        const StepAnalysis &step = analysis.steps[i];
        // A key needs the operation spec; other problems (which Fondant may not even see) do
        // not stop Fondant from computing it. Every later key chains on this one.
        if (!step.operation)
            break;
        Result<CacheKey> key = CacheKeyCalculator::compute(
            inputsFor(pipeline.steps[i], *step.operation, step.cacheEnabled, previous));
        if (!key.ok()) {
            append(result.diagnostics, key.diagnostics());
            break;
        }
        previous = key.value().key;
        result.keys[i] = std::move(key).value();
    }
    return result;
}

} // namespace fondant
