// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/cache/CacheKey.h"
#include "core/util/Diagnostic.h"

#include <optional>
#include <vector>

namespace fondant {

struct Pipeline;
struct PipelineAnalysis;
struct Step;
class OperationSpec;

/// The cache keys of all steps of a pipeline, chained in Fondant's graph order.
struct PipelineKeys
{
    /// One entry per step, in file order; empty where the key cannot be known (the step, or a
    /// step before it in graph order, is invalid).
    std::vector<std::optional<CacheKey>> keys;
    Diagnostics diagnostics;

    /// Computes every key. Fondant chains each key to the previous step in its topological
    /// order (depth first, in call order), which for a valid document is the file order, even
    /// across branches.
    static PipelineKeys compute(const Pipeline &pipeline, const PipelineAnalysis &analysis);

    /// Brings keys up to date after the steps in `reanalysed` (ascending indexes) got a new
    /// analysis: recomputes from the first of them on, and past the last only while keys keep
    /// changing (each key chains on the one before). Returns the steps to show again: those
    /// re-analysed and those whose key changed.
    static std::vector<int> update(const Pipeline &pipeline, const PipelineAnalysis &analysis,
        PipelineKeys &keys, const std::vector<int> &reanalysed);

    /// The inputs of one step's key as Fondant assembles them.
    static CacheKeyInputs inputsFor(const Step &step, const OperationSpec &operation,
        bool cacheEnabled, const std::optional<std::string> &previousKey);
};

} // namespace fondant
