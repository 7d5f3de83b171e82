// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/PipelineAnalysis.h"

namespace fondant {

const StepAnalysis *PipelineAnalysis::find(const std::string &id) const
{
    const int index = graph.indexOf(id);
    return index >= 0 && index < static_cast<int>(steps.size())
        ? &steps[static_cast<std::size_t>(index)]
        : nullptr;
}

void PipelineAnalysis::collectDiagnostics()
{
    diagnostics = pipelineDiagnostics;
    for (const StepAnalysis &step : steps)
        append(diagnostics, step.diagnostics);
}

} // namespace fondant
