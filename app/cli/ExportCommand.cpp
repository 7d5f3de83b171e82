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
                       "RUN_ID' can tell later what changed. Without -o the file goes to "
                       "standard output."),
        QStringLiteral("PIPELINE"));
    line.addWorkingDirectoryOption();
    line.addComponentsOption();
    line.parser.addOption(QCommandLineOption(QStringLiteral("target"),
        QStringLiteral("What to write: compose (docker compose up), kfp (Kubeflow Pipelines v2) "
                       "or vertex (Vertex AI Pipelines)."),
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

    const QString path = line.parser.positionalArguments().first();
    const std::optional<PipelineSession> session
        = openPipeline(context, path, line.componentDirs(), false);
    if (!session)
        return InvalidInput;
    context.printDiagnostics(session->diagnostics());
    const auto [given, base] = workingDirectoryOf(line, *session, path);
    Result<ExportSettings> settings = ExportSettings::make(given, base, session->pipeline().name,
        line.parser.value(QStringLiteral("run-id")).toStdString());
    if (!settings.ok()) {
        Diagnostics problems = settings.takeDiagnostics();
        for (Diagnostic &problem : problems)
            if (problem.file.empty())
                problem.file = path.toStdString();
        context.printDiagnostics(problems);
        return InvalidInput;
    }
    Result<std::string> text = PipelineExport::text(*session, *target, settings.value());
    context.printDiagnostics(text.diagnostics());
    if (!text.ok())
        return InvalidInput;
    const QString output = line.parser.value(QStringLiteral("output"));
    if (const auto error = PipelineExport::writeRun(
            *session, settings.value(), text.value(), output, RunRecord::userDataFolder())) {
        context.printDiagnostics({*error});
        return InvalidInput;
    }
    if (output.isEmpty())
        context.out << text.value();
    context.err << "run " << settings->runId << " recorded; 'explain --against " << settings->runId
                << "' compares later versions with it\n";
    return Success;
}

} // namespace fondant
