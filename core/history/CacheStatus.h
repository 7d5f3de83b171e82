// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace fondant {

class PipelineSession;
class RunHistory;

/// What Fondant 0.12.1's executor would decide for one step if the pipeline ran now.
struct StepStatus
{
    enum class Decision { Hit, Run, Disabled };
    enum class Reason {
        KeyUnchanged, ///< a reference file has the step's key: the output is reused
        KeyChanged, ///< the step ran before, never with this key
        NoPreviousRun, ///< the step never ran in this working directory
        Upstream, ///< its input is computed in this run, or the key it chains on is new
        CacheFalse, ///< cache: false (or null) in the document
        LatestTag, ///< the image tag is latest, which turns caching off
        /// The reference file cannot be read, or names a manifest that is gone or unreadable:
        /// Fondant's executor fails on it.
        OutputMissing,
    };

    std::string stepId;
    std::string componentId;
    std::optional<std::string> cacheKey; ///< null when the step has no key (it has errors)
    /// Null with the key: the step cannot run as it is.
    std::optional<Decision> decision;
    std::optional<Reason> reason;
    /// The run that computed a reused output (the run id inside its manifest); null for a
    /// write step, which keeps no manifest.
    std::optional<std::string> cachedFromRun;
    /// The step whose own change causes this one to run (itself for a change of its own).
    std::optional<std::string> rootCause;
    /// For Upstream: whether the cause reaches it through the key chain (the previous step in
    /// call order, after a branch not its input) rather than through its input.
    bool throughKeyChain = false;
    /// For a hit with no cachedFromRun: the reference file is empty, as a write step leaves it
    /// (rather than naming a manifest that names no run).
    bool cachedWithoutManifest = false;
    /// For OutputMissing: why the output cannot be reused, e.g. "its cached output
    /// …/manifest.json is gone".
    std::string outputProblem;

    static const char *decisionName(Decision decision);
    static const char *reasonName(Reason reason);
};

/// Replays the executor's decision (fondant-formats §4.8) for every step of a pipeline against
/// the cache reference files of a working directory: a step reuses its output only when caching
/// is on, its input was reused too, and a reference file has its key.
class CacheStatus
{
public:
    /// The dataset folder a run of the pipeline uses: its name, or Kubeflow's "dataset" when
    /// only that folder holds runs.
    static std::string datasetFolderFor(const PipelineSession &session, const RunHistory &history);

    /// What will happen to a step and why, as one sentence ("cached: reuses the output of
    /// RUN", "will re-run because its input is computed again (cascade from STEP)", …), with
    /// control characters made visible; "" for a step without a decision.
    static std::string sentence(const StepStatus &status, const std::string &datasetFolder);
    static std::vector<StepStatus> of(const PipelineSession &session, const RunHistory &history,
        const std::string &datasetFolder);
};

} // namespace fondant
