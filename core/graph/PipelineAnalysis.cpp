// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/PipelineAnalysis.h"

#include <unordered_set>

namespace fondant {

const StepAnalysis *PipelineAnalysis::find(const std::string &id) const
{
    const int index = graph.indexOf(id);
    return index >= 0 && index < static_cast<int>(steps.size())
        ? &steps[static_cast<std::size_t>(index)]
        : nullptr;
}

std::vector<PipelineAnalysis::ComponentName> PipelineAnalysis::componentNames() const
{
    std::vector<ComponentName> names;
    names.reserve(steps.size());
    std::unordered_set<std::string> used;
    for (const StepAnalysis &step : steps) {
        ComponentName name;
        if (step.spec) {
            name.specName = step.spec->name();
            name.id = step.spec->safeName();
            if (!used.insert(name.id).second) {
                name.specName += " " + step.id;
                name.id = ComponentSpec::safeNameOf(name.specName);
                name.renamed = true;
                used.insert(name.id);
            }
        }
        names.push_back(std::move(name));
    }
    return names;
}

void PipelineAnalysis::collectDiagnostics()
{
    diagnostics = pipelineDiagnostics;
    for (const StepAnalysis &step : steps)
        append(diagnostics, step.diagnostics);
}

} // namespace fondant
