// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/Command.h"

#include "core/report/Reports.h"
#include "core/session/PipelineSession.h"

#include <algorithm>
#include <ostream>

namespace fondant {

int validateCommand(CommandContext &context, const QStringList &arguments)
{
    CommandLine line(QStringLiteral("validate"),
        QStringLiteral("Checks a pipeline file, its components and the fields flowing between "
                       "its steps, the way Fondant does and further."),
        QStringLiteral("PIPELINE"));
    line.addComponentsOption();
    line.addJsonOption();
    if (const auto done = line.parse(context, arguments, 1, 1))
        return *done;
    const QString path = line.parser.positionalArguments().first();
    const std::optional<PipelineSession> session
        = openPipeline(context, path, line.componentDirs(), line.json());
    if (!session)
        return InvalidInput;
    const Diagnostics problems = session->diagnostics();
    context.printDiagnostics(problems);
    if (line.json()) {
        context.printJson(Reports::validation(*session));
    } else {
        const auto count = [&](Severity severity) {
            return std::count_if(problems.begin(), problems.end(),
                [&](const Diagnostic &d) { return d.severity == severity; });
        };
        const auto steps = session->pipeline().steps.size();
        const auto errors = count(Severity::Error);
        const auto warnings = count(Severity::Warning);
        const auto notes = count(Severity::Note);
        context.out << withVisibleControls(path.toStdString()) << ": " << steps
                    << (steps == 1 ? " step, " : " steps, ") << errors
                    << (errors == 1 ? " error, " : " errors, ") << warnings
                    << (warnings == 1 ? " warning" : " warnings");
        if (notes > 0)
            context.out << ", " << notes << (notes == 1 ? " note" : " notes");
        context.out << "\n";
    }
    return session->hasErrors() ? InvalidInput : Success;
}

} // namespace fondant
