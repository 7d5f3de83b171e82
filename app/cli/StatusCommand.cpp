// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/Command.h"

#include "core/history/CacheStatus.h"
#include "core/history/RunHistory.h"
#include "core/report/Reports.h"
#include "core/session/PipelineSession.h"

#include <iomanip>
#include <ostream>
#include <sstream>

namespace fondant {

namespace {

// What will happen to a step and why, as one sentence after its id.
std::string sentence(const StepStatus &status, const std::string &datasetFolder)
{
    using Reason = StepStatus::Reason;
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
            + datasetFolder + "/cache/" + status.cacheKey.value_or("")
            + ".txt so that it runs again";
    }
    return {};
}

} // namespace

int statusCommand(CommandContext &context, const QStringList &arguments)
{
    using Tone = CommandContext::Tone;
    CommandLine line(QStringLiteral("status"),
        QStringLiteral("Tells, for every step, whether Fondant would reuse its output from the "
                       "cache if the pipeline ran now against the working directory, and why "
                       "not: the reason and the step whose own change causes it. Reads only."),
        QStringLiteral("PIPELINE"));
    line.addWorkingDirectoryOption();
    line.addComponentsOption();
    line.addJsonOption();
    if (const auto done = line.parse(context, arguments, 1, 1))
        return *done;
    const QString path = line.parser.positionalArguments().first();
    const std::optional<PipelineSession> session
        = openPipeline(context, path, line.componentDirs(), line.json());
    if (!session)
        return InvalidInput;
    const std::optional<RunHistory> history = openHistory(context, line, *session, path);
    if (!history)
        return InvalidInput;
    context.printDiagnostics(session->diagnostics());
    context.printDiagnostics(history->warnings());
    const std::string folder = CacheStatus::datasetFolderFor(*session, *history);
    const std::vector<StepStatus> statuses = CacheStatus::of(*session, *history, folder);
    const int exitCode = session->hasErrors() ? InvalidInput : Success;
    if (line.json()) {
        context.printJson(Reports::status(*session, *history, folder, statuses));
        return exitCode;
    }
    std::size_t width = 4;
    for (const StepStatus &status : statuses)
        width = std::max(width, withVisibleControls(status.stepId).size());
    int cached = 0;
    for (const StepStatus &status : statuses) {
        std::ostringstream id;
        id << std::left << std::setw(static_cast<int>(width)) << withVisibleControls(status.stepId);
        if (!status.decision) {
            context.out << id.str() << "  "
                        << context.paint("unknown: the step has errors", Tone::Changed) << "\n";
            continue;
        }
        const bool hit = *status.decision == StepStatus::Decision::Hit;
        cached += hit;
        context.out << id.str() << "  "
                    << context.paint(sentence(status, folder), hit ? Tone::Good : Tone::Changed)
                    << "\n";
    }
    context.out << context.paint(
        std::to_string(cached) + " of " + std::to_string(statuses.size()) + " steps cached",
        Tone::Bold)
                << " (working directory "
                << withVisibleControls(history->workingDirectory().toStdString())
                << ", dataset folder " << withVisibleControls(folder) << ")\n";
    return exitCode;
}

} // namespace fondant
