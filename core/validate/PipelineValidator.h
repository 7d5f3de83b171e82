// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/PipelineAnalysis.h"

namespace fondant {

class ComponentResolver;
struct Pipeline;

/// Checks a pipeline the way Fondant does when it builds and compiles a dataset, and further:
/// unknown or mistyped arguments, missing required ones, ids, names, inputs and resources.
/// Every diagnostic is placed in the pipeline file and names the step and key it concerns.
class PipelineValidator
{
public:
    static PipelineAnalysis validate(const Pipeline &pipeline, const ComponentResolver &resolver);

    /// Brings an analysis up to date after the content of step `index` changed while its id,
    /// input and component stayed (arguments, mappings, settings): that step, then each step
    /// reading it whose incoming fields changed. Returns the steps redone, in order.
    static std::vector<int> revalidateStep(const Pipeline &pipeline,
        const ComponentResolver &resolver, PipelineAnalysis &analysis, int index);

    /// Accelerator names accepted by Kubeflow and Docker Compose, and by Vertex AI.
    static const std::vector<std::string> &acceleratorNames();
    static const std::vector<std::string> &vertexAcceleratorNames();
    /// Argument names Fondant passes itself; a step cannot set them through 'arguments'.
    static const std::vector<std::string> &reservedArgumentNames();
};

} // namespace fondant
