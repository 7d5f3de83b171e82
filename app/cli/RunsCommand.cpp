// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/Command.h"

#include "core/history/RunHistory.h"
#include "core/history/RunRecord.h"
#include "core/report/Reports.h"

#include <QDateTime>

#include <iomanip>
#include <ostream>
#include <sstream>

namespace fondant {

namespace {

std::string sizeText(std::int64_t bytes)
{
    const char *units[] = {"B", "KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1000 && unit + 1 < std::size(units)) {
        value /= 1000;
        ++unit;
    }
    std::ostringstream text;
    text << std::fixed << std::setprecision(unit == 0 ? 0 : 1) << value << " " << units[unit];
    return text.str();
}

std::string shortKey(const std::optional<std::string> &key)
{
    return key ? key->substr(0, 8) : std::string("?       ");
}

// One run as a heading and one line per step.
void printRun(CommandContext &context, const RunInfo &run)
{
    using Tone = CommandContext::Tone;
    int executed = 0;
    int reused = 0;
    for (const StepRun &step : run.steps) {
        executed += step.executed == true;
        reused += step.executed == false;
    }
    std::string heading = withVisibleControls(run.runId);
    if (run.time)
        heading += "  "
            + QDateTime::fromMSecsSinceEpoch(run.time)
                  .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                  .toStdString();
    context.out << context.paint(heading, Tone::Bold) << "  " << sizeText(run.outputBytes) << "  "
                << reused << " reused, " << executed << " executed"
                << (run.onlyRecorded ? context.paint("  exported, no run folder yet", Tone::Muted)
                           : run.complete ? ""
                                          : context.paint("  incomplete", Tone::Changed))
                << (run.record ? "" : context.paint("  (no run record)", Tone::Muted)) << "\n";
    std::size_t width = 4;
    for (const StepRun &step : run.steps)
        width = std::max(width, withVisibleControls(run.stepId(step)).size());
    for (const StepRun &step : run.steps) {
        std::string what;
        Tone tone = Tone::Plain;
        if (step.executed == true) {
            what = "executed";
            tone = Tone::Changed;
        } else if (step.executed == false) {
            what = "reused from " + withVisibleControls(step.fromRun.value_or("?"));
            tone = Tone::Good;
        } else if (run.onlyRecorded) {
            what = "not run here";
            tone = Tone::Muted;
        } else if (step.writes) {
            what = "write step (keeps no manifest)";
            tone = Tone::Muted;
        } else {
            what = "unknown: no readable manifest";
            tone = Tone::Changed;
        }
        std::ostringstream line;
        line << "  " << std::left << std::setw(static_cast<int>(width))
             << withVisibleControls(run.stepId(step));
        context.out << line.str() << "  key " << shortKey(step.cacheKey) << "  "
                    << context.paint(what, tone) << "\n";
    }
}

} // namespace

int runsCommand(CommandContext &context, const QStringList &arguments)
{
    CommandLine line(QStringLiteral("runs"),
        QStringLiteral("Lists the runs Fondant left in a working directory, newest first: for "
                       "each step, whether it executed or reused the output of an earlier run, "
                       "which run computed that output, and its cache key where it is known. "
                       "Reads only; problems in the directory are warnings."),
        QStringLiteral("WORKDIR"));
    line.parser.addOption(QCommandLineOption(QStringLiteral("name"),
        QStringLiteral("Only the runs of the dataset NAME."), QStringLiteral("NAME")));
    line.addJsonOption();
    if (const auto done = line.parse(context, arguments, 1, 1))
        return *done;
    Result<RunHistory> history
        = RunHistory::open(line.parser.positionalArguments().first(), RunRecord::userDataFolder());
    if (!history.ok()) {
        context.printDiagnostics(history.diagnostics());
        if (line.json())
            context.printJson(Reports::unreadable(history.diagnostics()));
        return InvalidInput;
    }
    context.printDiagnostics(history->warnings());
    const std::string name = line.parser.value(QStringLiteral("name")).toStdString();
    if (line.json()) {
        context.printJson(Reports::runs(history.value(), name));
        return Success;
    }
    int shown = 0;
    for (const RunInfo *run : history->runs()) {
        if (!name.empty() && run->name() != name)
            continue;
        if (shown++ > 0)
            context.out << "\n";
        printRun(context, *run);
    }
    if (shown == 0)
        context.out << "No runs" << (name.empty() ? "" : " of " + withVisibleControls(name))
                    << " in " << withVisibleControls(history->workingDirectory().toStdString())
                    << "\n";
    return Success;
}

} // namespace fondant
