// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/history/CacheStatus.h"

#include "core/history/RunHistory.h"
#include "core/session/PipelineSession.h"
#include "core/util/Diagnostic.h"

#include <QFileInfo>

#include <set>

namespace fondant {

const char *StepStatus::decisionName(Decision decision)
{
    switch (decision) {
    case Decision::Hit:
        return "hit";
    case Decision::Run:
        return "run";
    case Decision::Disabled:
        return "disabled";
    }
    return "";
}

const char *StepStatus::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::KeyUnchanged:
        return "key-unchanged";
    case Reason::KeyChanged:
        return "key-changed";
    case Reason::NoPreviousRun:
        return "no-previous-run";
    case Reason::Upstream:
        return "upstream";
    case Reason::CacheFalse:
        return "cache-false";
    case Reason::LatestTag:
        return "latest-tag";
    case Reason::OutputMissing:
        return "output-missing";
    }
    return "";
}

namespace {

// Why the executor cannot reuse what a reference file names (it fails reading it), or "".
std::string outputProblem(const RunHistory &history, const CacheReference &reference)
{
    if (!reference.problem.empty())
        return "its cache reference file cannot be read (" + reference.problem + ")";
    if (reference.target.empty())
        return {}; // a write step: nothing to read
    constexpr std::size_t shown = 200;
    const std::string target = reference.target.size() > shown
        ? reference.target.substr(0, shown) + "…"
        : reference.target;
    const QString local = history.localManifestPath(reference.target);
    if (local.isEmpty())
        return "its cache reference file names no manifest ('" + target + "')";
    const StepRun *output = history.output(reference);
    if (output && output->hasManifest)
        return {};
    if (!QFileInfo::exists(local))
        return "its cached output " + target + " is gone";
    // A manifest the history does not index (behind a link) may still be readable.
    return output ? "its cached output " + target + " cannot be read" : std::string();
}

} // namespace

std::string CacheStatus::sentence(const StepStatus &status, const std::string &datasetFolder)
{
    using Reason = StepStatus::Reason;
    if (!status.reason)
        return {};
    const std::string cause = withVisibleControls(status.rootCause.value_or("?"));
    switch (*status.reason) {
    case Reason::KeyUnchanged:
        if (status.cachedFromRun)
            return "cached: reuses the output of " + withVisibleControls(*status.cachedFromRun);
        return status.cachedWithoutManifest
            ? "cached: skipped, its key is unchanged and it left no output manifest (a write "
              "step)"
            : "cached: reuses an output whose manifest names no run";
    case Reason::KeyChanged:
        return "will re-run: its key is new, it ran before with other ingredients (root cause; "
               "'explain' shows which)";
    case Reason::NoPreviousRun:
        return "will run: it never ran in this working directory (root cause)";
    case Reason::Upstream:
        return status.throughKeyChain
            ? "will re-run: its key chains on the step before it in Fondant's order, whose key "
              "is new (cascade from "
                + cause + ")"
            : "will re-run because its input is computed again (cascade from " + cause + ")";
    case Reason::CacheFalse:
        return "will run: caching is off for this step (cache: false)";
    case Reason::LatestTag:
        return "will run: Fondant turns caching off for images tagged latest";
    case Reason::OutputMissing:
        return "will fail: " + withVisibleControls(status.outputProblem) + "; delete "
            + withVisibleControls(datasetFolder) + "/cache/" + status.cacheKey.value_or("")
            + ".txt so that it runs again";
    }
    return {};
}

std::string CacheStatus::datasetFolderFor(const PipelineSession &session, const RunHistory &history)
{
    const std::string &name = session.pipeline().name;
    if (!history.runsOf(name).empty() || history.runsOf("dataset").empty())
        return name;
    return "dataset";
}

std::vector<StepStatus> CacheStatus::of(
    const PipelineSession &session, const RunHistory &history, const std::string &datasetFolder)
{
    using Decision = StepStatus::Decision;
    using Reason = StepStatus::Reason;
    const Pipeline &pipeline = session.pipeline();
    const PipelineAnalysis &analysis = session.analysis();
    // The steps that ran before in this dataset folder, by component id.
    std::set<std::string> ranBefore;
    for (const RunInfo *run : history.runsOf(datasetFolder))
        if (!run->onlyRecorded)
            for (const StepRun &step : run->steps)
                ranBefore.insert(step.componentId);

    std::vector<StepStatus> statuses;
    std::vector<bool> keyKnown; // whether a reference file has the step's key
    const auto names = analysis.componentNames();
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        const StepAnalysis &step = analysis.steps[i];
        StepStatus status;
        status.stepId = pipeline.steps[i].id;
        status.componentId = step.spec ? names[i].id : status.stepId;
        const CacheKey *key = session.key(static_cast<int>(i));
        const CacheReference *reference
            = key ? history.reference(datasetFolder, key->key) : nullptr;
        keyKnown.push_back(reference != nullptr);
        if (!key) {
            statuses.push_back(std::move(status));
            continue;
        }
        status.cacheKey = key->key;
        const int parent = analysis.graph.parent(static_cast<int>(i));
        const StepStatus *input
            = parent >= 0 ? &statuses[static_cast<std::size_t>(parent)] : nullptr;
        const StepStatus *previous = i > 0 ? &statuses[i - 1] : nullptr;
        const auto causedBy = [&](const StepStatus &cause, bool throughKeyChain) {
            status.decision = Decision::Run;
            status.reason = Reason::Upstream;
            status.rootCause = cause.rootCause ? cause.rootCause : cause.stepId;
            status.throughKeyChain = throughKeyChain;
        };
        if (!step.cacheEnabled) {
            status.decision = Decision::Disabled;
            status.reason = step.cacheDisabledReason.starts_with("image tag") ? Reason::LatestTag
                                                                              : Reason::CacheFalse;
            status.rootCause = status.stepId;
        } else if (input && input->decision != Decision::Hit) {
            // Its input manifest carries this run's id: Fondant executes it whatever its key.
            causedBy(*input, false);
        } else if (!reference) {
            if (previous && !keyKnown[i - 1] && previous->cacheKey) {
                causedBy(*previous, parent != static_cast<int>(i) - 1); // a new key to chain on
            } else {
                status.decision = Decision::Run;
                status.reason = ranBefore.contains(status.componentId) ? Reason::KeyChanged
                                                                       : Reason::NoPreviousRun;
                status.rootCause = status.stepId;
            }
        } else if (std::string problem = outputProblem(history, *reference); !problem.empty()) {
            status.decision = Decision::Run;
            status.reason = Reason::OutputMissing;
            status.rootCause = status.stepId;
            status.outputProblem = std::move(problem);
        } else {
            status.decision = Decision::Hit;
            status.reason = Reason::KeyUnchanged;
            status.cachedWithoutManifest = reference->target.empty();
            if (const StepRun *output = history.output(*reference))
                status.cachedFromRun = output->fromRun;
        }
        statuses.push_back(std::move(status));
    }
    return statuses;
}

} // namespace fondant
