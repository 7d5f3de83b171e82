// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/Command.h"

#include "core/history/CacheStatus.h"
#include "core/history/KeyExplain.h"
#include "core/history/RunHistory.h"
#include "core/report/Reports.h"
#include "core/session/PipelineSession.h"

#include <iomanip>
#include <ostream>
#include <sstream>

namespace fondant {

int explainCommand(CommandContext &context, const QStringList &arguments)
{
    using Tone = CommandContext::Tone;
    CommandLine line(QStringLiteral("explain"),
        QStringLiteral("Explains every step's cache key against a past run (the newest by "
                       "default) or another version of the document: which ingredients changed, "
                       "from what to what, which steps changed themselves (root causes) and "
                       "which only because a key they chain on did (cascade). Reads only."),
        QStringLiteral("PIPELINE"));
    line.addWorkingDirectoryOption();
    line.parser.addOption(QCommandLineOption(QStringLiteral("against"),
        QStringLiteral("Compare with the run RUN_ID of the working directory."),
        QStringLiteral("RUN_ID")));
    line.parser.addOption(QCommandLineOption(QStringLiteral("against-document"),
        QStringLiteral("Compare with another version of the pipeline document (e.g. the one in "
                       "git)."),
        QStringLiteral("OTHER")));
    line.parser.addOption(QCommandLineOption(
        QStringLiteral("step"), QStringLiteral("Explain only the step ID."), QStringLiteral("ID")));
    line.addComponentsOption();
    line.addJsonOption();
    if (const auto done = line.parse(context, arguments, 1, 1))
        return *done;
    const QString runId = line.parser.value(QStringLiteral("against"));
    const QString otherPath = line.parser.value(QStringLiteral("against-document"));
    for (const QString &option : {QStringLiteral("against"), QStringLiteral("against-document")})
        if (line.parser.isSet(option) && line.parser.value(option).isEmpty())
            return context.usageError(
                QStringLiteral("explain"), QStringLiteral("--%1 needs a value").arg(option));
    if (!runId.isEmpty() && !otherPath.isEmpty())
        return context.usageError(QStringLiteral("explain"),
            QStringLiteral("--against and --against-document exclude each other"));
    const QString path = line.parser.positionalArguments().first();
    const std::optional<PipelineSession> session
        = openPipeline(context, path, line.componentDirs(), line.json());
    if (!session)
        return InvalidInput;
    Diagnostics problems = session->diagnostics();
    std::vector<StepExplanation> steps;
    std::string against;
    std::string heading;
    if (!otherPath.isEmpty()) {
        const std::optional<PipelineSession> other
            = openPipeline(context, otherPath, line.componentDirs(), line.json());
        if (!other)
            return InvalidInput;
        const Diagnostics otherProblems = other->diagnostics();
        problems.insert(problems.end(), otherProblems.begin(), otherProblems.end());
        steps = KeyExplain::againstDocument(*session, *other);
        against = otherPath.toStdString();
        heading = "Against the document " + withVisibleControls(against);
    } else {
        const std::optional<RunHistory> history
            = openHistory(context, line, *session, path, RemoteHistory::FromRecords);
        if (!history)
            return InvalidInput;
        problems.insert(problems.end(), history->warnings().begin(), history->warnings().end());
        const std::string folder = CacheStatus::datasetFolderFor(*session, *history);
        const RunInfo *run = nullptr;
        if (!runId.isEmpty()) {
            run = history->run(runId.toStdString());
        } else if (const auto runs = history->runsOf(folder); !runs.empty()) {
            run = runs.front();
        }
        if (!run) {
            const Diagnostic missing = Diagnostic::error(history->workingDirectory().toStdString(),
                {},
                runId.isEmpty() ? "no runs of " + folder + " to compare with"
                                : "no run '" + runId.toStdString() + "' in this working directory");
            context.printDiagnostics({missing});
            if (line.json())
                context.printJson(Reports::unreadable({missing}));
            return InvalidInput;
        }
        steps = KeyExplain::againstRun(*session, *run);
        against = run->runId;
        heading = "Against run " + withVisibleControls(against)
            + (run->record ? "" : " (no run record: keys only)");
    }
    const QString only = line.parser.value(QStringLiteral("step"));
    if (!only.isEmpty()) {
        std::erase_if(
            steps, [&](const StepExplanation &step) { return step.stepId != only.toStdString(); });
        if (steps.empty()) {
            const Diagnostic missing = Diagnostic::error(
                path.toStdString(), {}, "no step '" + only.toStdString() + "' in the pipeline");
            context.printDiagnostics({missing});
            if (line.json())
                context.printJson(Reports::unreadable({missing}));
            return InvalidInput;
        }
    }
    context.printDiagnostics(problems);
    const int exitCode = session->hasErrors() ? InvalidInput : Success;
    if (line.json()) {
        context.printJson(Reports::explanation(*session, against, steps, problems));
        return exitCode;
    }
    context.out << context.paint(heading, Tone::Bold) << "\n";
    std::size_t width = 4;
    for (const StepExplanation &step : steps)
        width = std::max(width, withVisibleControls(step.stepId).size());
    int roots = 0;
    int cascade = 0;
    int unknown = 0;
    for (const StepExplanation &step : steps) {
        unknown += !step.changed.has_value();
        roots += step.changed == true && step.rootCause != false;
        cascade += step.changed == true && step.rootCause == false;
        std::ostringstream id;
        id << std::left << std::setw(static_cast<int>(width)) << withVisibleControls(step.stepId);
        const Tone tone = step.changed == false ? Tone::Good
            : step.rootCause == false           ? Tone::Muted
                                                : Tone::Changed;
        context.out << id.str() << "  " << context.paint(KeyExplain::sentence(step), tone) << "\n";
    }
    context.out << roots << " of " << steps.size() << " steps changed themselves, " << cascade
                << " in cascade";
    if (unknown > 0)
        context.out << ", " << unknown << " cannot be compared";
    context.out << "\n";
    return exitCode;
}

} // namespace fondant
