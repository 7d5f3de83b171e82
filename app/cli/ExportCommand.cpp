// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/Command.h"

#include "core/export/PipelineExport.h"
#include "core/history/RunRecord.h"
#include "core/session/PipelineSession.h"

#include <ostream>

namespace fondant {

int exportCommand(CommandContext &context, const QStringList &arguments)
{
    const QString name = QStringLiteral("export");
    CommandLine line(name,
        QStringLiteral("Writes the file Fondant 0.12.1's compiler writes for the pipeline, with "
                       "the cache keys its executor will find, and records the run (every "
                       "step's key and the texts hashed for it) so that 'explain --against "
                       "RUN_ID' can tell later what changed. The python target writes the "
                       "Fondant program instead, which gets its run id and working directory "
                       "from 'fondant run'. Without -o the file goes to standard output."),
        QStringLiteral("PIPELINE"));
    line.addWorkingDirectoryOption();
    line.addComponentsOption();
    line.parser.addOption(QCommandLineOption(QStringLiteral("target"),
        QStringLiteral("What to write: compose (docker compose up), kfp (Kubeflow Pipelines v2), "
                       "vertex (Vertex AI Pipelines) or python (the Fondant program)."),
        QStringLiteral("TARGET")));
    line.parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write the file to FILE (atomically)."), QStringLiteral("FILE")));
    line.parser.addOption(QCommandLineOption(QStringLiteral("run-id"),
        QStringLiteral("The run's id (default: NAME-YYYYmmddHHMMSS, as Fondant makes it)."),
        QStringLiteral("ID")));
    if (const auto done = line.parse(context, arguments, 1, 1))
        return *done;
    const std::string targetName = line.parser.value(QStringLiteral("target")).toStdString();
    const std::optional<PipelineExport::Target> target = PipelineExport::targetNamed(targetName);
    if (!target)
        return context.usageError(name,
            targetName.empty() ? QStringLiteral("give --target %1")
                                     .arg(QString::fromStdString(PipelineExport::targetNames()))
                               : QStringLiteral("unknown target '%1'; the targets are: %2")
                                     .arg(QString::fromStdString(withVisibleControls(targetName)),
                                         QString::fromStdString(PipelineExport::targetNames())));
    if (line.parser.isSet(QStringLiteral("output"))
        && line.parser.value(QStringLiteral("output")).isEmpty())
        return context.usageError(name, QStringLiteral("-o needs a file name"));

    const bool startsRun = PipelineExport::startsRun(*target);
    for (const QString &option : {QStringLiteral("run-id"), QStringLiteral("working-directory")})
        if (!startsRun && line.parser.isSet(option))
            return context.usageError(name,
                QStringLiteral("--%1 does not apply to --target python: 'fondant run' gives the "
                               "program its run id and working directory")
                    .arg(option));

    const QString path = line.parser.positionalArguments().first();
    const std::optional<PipelineSession> session
        = openPipeline(context, path, line.componentDirs(), false);
    if (!session)
        return InvalidInput;
    context.printDiagnostics(session->diagnostics());
    ExportSettings settings;
    if (startsRun) {
        const auto [given, base] = workingDirectoryOf(line, *session, path);
        Result<ExportSettings> made = ExportSettings::make(given, base, session->pipeline().name,
            line.parser.value(QStringLiteral("run-id")).toStdString());
        if (!made.ok()) {
            Diagnostics problems = made.takeDiagnostics();
            for (Diagnostic &problem : problems)
                if (problem.file.empty())
                    problem.file = path.toStdString();
            context.printDiagnostics(problems);
            return InvalidInput;
        }
        settings = std::move(made).value();
    }
    const QString output = line.parser.value(QStringLiteral("output"));
    Result<std::string> text = PipelineExport::text(*session, *target, settings, output);
    context.printDiagnostics(text.diagnostics());
    if (!text.ok())
        return InvalidInput;
    if (const auto error = PipelineExport::write(
            *session, *target, settings, text.value(), output, RunRecord::userDataFolder())) {
        context.printDiagnostics({*error});
        return InvalidInput;
    }
    if (output.isEmpty())
        context.out << text.value();
    if (startsRun)
        context.err << "run " << settings.runId << " recorded; 'explain --against "
                    << settings.runId << "' compares later versions with it\n";
    return Success;
}

} // namespace fondant
