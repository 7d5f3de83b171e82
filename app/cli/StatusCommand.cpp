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
                    << context.paint(
                           CacheStatus::sentence(status, folder), hit ? Tone::Good : Tone::Changed)
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
