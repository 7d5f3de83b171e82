// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/Command.h"

#include "core/report/Reports.h"
#include "core/session/PipelineSession.h"

#include <iomanip>
#include <ostream>

namespace fondant {

int keysCommand(CommandContext &context, const QStringList &arguments)
{
    CommandLine line(QStringLiteral("keys"),
        QStringLiteral("Prints the cache key Fondant 0.12.1 gives every step. Keys are shown "
                       "for every step whose operation can be built, also when other problems "
                       "are reported (the exit code is then 1)."),
        QStringLiteral("PIPELINE"));
    line.addComponentsOption();
    line.addJsonOption();
    line.parser.addOption(QCommandLineOption(QStringLiteral("preimages"),
        QStringLiteral("With --json: include the exact texts hashed for every key.")));
    if (const auto done = line.parse(context, arguments, 1, 1))
        return *done;
    const bool preimages = line.parser.isSet(QStringLiteral("preimages"));
    if (preimages && !line.json())
        return context.usageError(
            QStringLiteral("keys"), QStringLiteral("--preimages goes with --json"));
    const std::optional<PipelineSession> session = openPipeline(
        context, line.parser.positionalArguments().first(), line.componentDirs(), line.json());
    if (!session)
        return InvalidInput;
    context.printDiagnostics(session->diagnostics());
    const int exitCode = session->hasErrors() ? InvalidInput : Success;
    if (line.json()) {
        context.printJson(Reports::keys(*session, preimages));
        return exitCode;
    }
    const Pipeline &pipeline = session->pipeline();
    std::size_t idWidth = 4;
    for (const Step &step : pipeline.steps)
        idWidth = std::max(idWidth, withVisibleControls(step.id).size());
    context.out << std::left << std::setw(static_cast<int>(idWidth)) << "STEP"
                << "  CACHE KEY                         NOTE\n";
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        const StepAnalysis &analysis = session->analysis().steps[i];
        const CacheKey *key = session->key(static_cast<int>(i));
        context.out << std::left << std::setw(static_cast<int>(idWidth))
                    << withVisibleControls(pipeline.steps[i].id) << "  "
                    << (key ? key->key : std::string(32, '?')) << "  "
                    << (analysis.cacheEnabled ? ""
                                              : "caching off: "
                                   + withVisibleControls(analysis.cacheDisabledReason))
                    << "\n";
    }
    return exitCode;
}

} // namespace fondant
