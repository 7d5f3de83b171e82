// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/history/RunRecord.h"
#include "core/value/Value.h"

#include <optional>
#include <string>
#include <vector>

namespace fondant {

class PipelineSession;
struct RunInfo;

/// One ingredient of a key that differs between two versions, named as a user edits it
/// (arguments.min_width, image, spec.args.x.default, consumes.text, resources.accelerator_name,
/// upstream, …). An ingredient absent on one side has no value there.
struct KeyChange
{
    std::string path;
    std::optional<Value> before;
    std::optional<Value> now;
};

/// Why one step's key differs from an earlier version of it, or that it does not.
struct StepExplanation
{
    std::string stepId;
    std::string componentId;
    std::optional<std::string> oldKey;
    std::optional<std::string> newKey;
    /// Whether the key differs; unknown when either key is.
    std::optional<bool> changed;
    /// The step changed itself (an ingredient other than upstream), rather than only through
    /// the key it chains on; unknown when the earlier ingredients are not known.
    std::optional<bool> rootCause;
    std::vector<KeyChange> changes;
    /// For a cascade: the first changed step before it, whose change reaches this key.
    std::optional<std::string> causedBy;
    /// What could not be compared, in words ("run X has no record: …").
    std::string note;
};

/// Compares every step's key with an earlier version — a past run, or another version of the
/// document — ingredient by ingredient, from the texts Fondant hashes, and separates the steps
/// that changed themselves (root causes) from those whose key changed only because a key they
/// chain on did (cascade).
class KeyExplain
{
public:
    static std::vector<StepExplanation> againstRun(const PipelineSession &now, const RunInfo &run);
    static std::vector<StepExplanation> againstDocument(
        const PipelineSession &now, const PipelineSession &before);

    /// One line for a step: what changed and whether it is a root cause or the cascade
    /// ("changed: arguments.max_length 80 → 60 (root cause)"), control characters made visible.
    static std::string sentence(const StepExplanation &step);
    /// "arguments.max_length 80 → 60, cache false → true"; the upstream key is named, not shown.
    static std::string changeList(const StepExplanation &step);
    /// A hashed value as Python writes it, shortened past 60 characters; "(absent)" for none.
    static std::string valueText(const std::optional<Value> &value);
    /// The changed ingredients between two sets of hashed texts (empty when equal).
    static std::vector<KeyChange> diff(
        const RunRecord::Preimages &before, const RunRecord::Preimages &now);
};

} // namespace fondant
