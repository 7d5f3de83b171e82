// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/Command.h"

#include "core/export/PipelineImport.h"

#include <ostream>

namespace fondant {

int importCommand(CommandContext &context, const QStringList &arguments)
{
    const QString name = QStringLiteral("import");
    CommandLine line(name,
        QStringLiteral("Rebuilds a pipeline document from a docker-compose, Kubeflow or Vertex "
                       "file that Fondant compiled: each step's component from the operation "
                       "spec in its command (written next to the document as "
                       "components/ID/fondant_component.yaml unless it is found), its "
                       "arguments, mappings, resources and cache setting. Warns of every step "
                       "whose cache key in the file the document does not give."),
        QStringLiteral("COMPILED"));
    line.addComponentsOption();
    line.parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write the pipeline document to FILE (atomically)."),
        QStringLiteral("FILE")));
    if (const auto done = line.parse(context, arguments, 1, 1))
        return *done;
    const QString output = line.parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        return context.usageError(name, QStringLiteral("give -o FILE.pipeline.yaml"));
    Result<QString> written = PipelineImport::run(
        line.parser.positionalArguments().first(), output, line.componentDirs());
    context.printDiagnostics(written.diagnostics());
    if (!written.ok())
        return InvalidInput;
    context.err << "wrote " << written.value().toStdString() << "\n";
    return Success;
}

} // namespace fondant
