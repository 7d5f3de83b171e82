// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/DatasetFields.h"
#include "core/graph/OperationSpec.h"
#include "core/graph/StepGraph.h"
#include "core/spec/ComponentSpec.h"
#include "core/util/Diagnostic.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fondant {

/// What the validator learned about one step: its spec, its operation and the fields that
/// flow in and out of it.
struct StepAnalysis
{
    std::string id;
    std::shared_ptr<const ComponentSpec> spec; ///< null when the component could not be loaded
    std::optional<OperationSpec> operation; ///< null when the spec or the mappings are invalid
    int parent = -1; ///< index of the input step, -1 for none
    DatasetFields inputFields; ///< the dataset the step is applied to
    DatasetFields outputFields; ///< the dataset after the step
    /// Fondant's cache flag for the step after the `latest` rule.
    bool cacheEnabled = true;
    /// Why caching is off ("cache: false", "image tag latest"), empty when it is on.
    std::string cacheDisabledReason;
    bool hasErrors = false;
    /// The fields Fondant's own check gives the step: those after the step before it in call
    /// order (not after its input), when they can be known; kept only when they differ from
    /// inputFields.
    DatasetFields callOrderFields;
    bool callOrderFieldsKnown = false;
    bool callOrderSameAsInput = false;
    /// The problems found in this step (its own and those of its component spec).
    Diagnostics diagnostics;
};

/// The result of validating a pipeline: the step graph, the analysis of every step in order,
/// with its problems, and the problems of the pipeline as a whole.
struct PipelineAnalysis
{
    StepGraph graph;
    std::vector<StepAnalysis> steps;
    Diagnostics pipelineDiagnostics; ///< name, steps list, and notes not tied to one step
    /// Every problem: the pipeline's first, then each step's in order. Kept up to date by the
    /// validator.
    Diagnostics diagnostics;

    bool hasErrors() const { return fondant::hasErrors(diagnostics); }
    const StepAnalysis *find(const std::string &id) const;

    /// How Fondant's executor names a step's output: the component's id (the spec name,
    /// lowercased, spaces as '_') names its folder in a run, its service and its task. A
    /// component used again is exported under the spec name "NAME STEP_ID", so that its output
    /// gets a folder of its own.
    struct ComponentName
    {
        std::string id; ///< "" for a step whose component could not be read
        std::string specName; ///< the name the exported operation spec carries
        bool renamed = false; ///< a second use of a component: specName is not the spec's
    };
    /// Every step's, in order; linear in the number of steps.
    std::vector<ComponentName> componentNames() const;
    /// Rebuilds diagnostics from the pipeline's and the steps' lists.
    void collectDiagnostics();
};

} // namespace fondant
