// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/OperationSpec.h"
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
    FieldList inputFields; ///< the dataset the step is applied to
    FieldList outputFields; ///< the dataset after the step
    std::vector<std::string> fieldProducers; ///< parallel to outputFields: the step that wrote each
    /// Fondant's cache flag for the step after the `latest` rule.
    bool cacheEnabled = true;
    /// Why caching is off ("cache: false", "image tag latest"), empty when it is on.
    std::string cacheDisabledReason;
    bool hasErrors = false;
};

/// The result of validating a pipeline: diagnostics plus the analysis of every step, in order.
struct PipelineAnalysis
{
    std::vector<StepAnalysis> steps;
    Diagnostics diagnostics;

    bool hasErrors() const { return fondant::hasErrors(diagnostics); }
    const StepAnalysis *find(const std::string &id) const;
};

} // namespace fondant
