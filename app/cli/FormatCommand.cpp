// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/Command.h"

#include "core/pipeline/PipelineWriter.h"
#include "core/session/PipelineSession.h"
#include "core/yaml/YamlReader.h"

#include <algorithm>
#include <ostream>

namespace fondant {

namespace {

struct FormatRequest
{
    QStringList componentDirs;
    QString output; ///< -o FILE, or empty
    bool inPlace = false;
    bool check = false;
};

int formatOne(CommandContext &context, const QString &path, const FormatRequest &request)
{
    Result<std::string> original = readTextFile(path, YamlLimits {}.maxFileBytes);
    if (!original.ok()) {
        context.printDiagnostics(original.diagnostics());
        return InvalidInput;
    }
    const std::optional<PipelineSession> session
        = openPipeline(context, path, request.componentDirs, false);
    if (!session)
        return InvalidInput;
    const std::string canonical = PipelineWriter::toYaml(session->pipeline());
    const bool isCanonical = canonical == original.value();
    if (request.check) {
        if (isCanonical)
            return Success;
        context.err << withVisibleControls(path.toStdString())
                    << ": not in canonical form; run: fondant-studio-cli format --in-place "
                    << withVisibleControls(path.toStdString()) << "\n";
        return InvalidInput;
    }
    if (request.inPlace || !request.output.isEmpty()) {
        if (request.inPlace && isCanonical)
            return Success; // untouched, so its time stamp stays
        if (const auto error
            = writeFileAtomically(request.inPlace ? path : request.output, canonical)) {
            context.printDiagnostics({*error});
            return InvalidInput;
        }
        return Success;
    }
    context.out << canonical;
    return Success;
}

} // namespace

int formatCommand(CommandContext &context, const QStringList &arguments)
{
    const QString name = QStringLiteral("format");
    CommandLine line(name,
        QStringLiteral("Rewrites pipelines in the canonical layout the designer saves (same "
                       "meaning, same keys). Without -o or --in-place the text goes to standard "
                       "output. Several files may be given with --check or --in-place."),
        QStringLiteral("PIPELINE..."));
    line.addComponentsOption();
    line.parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write the canonical text to FILE (atomically)."), QStringLiteral("FILE")));
    line.parser.addOption(QCommandLineOption(QStringLiteral("in-place"),
        QStringLiteral("Rewrite each PIPELINE itself, when it is not canonical yet.")));
    line.parser.addOption(QCommandLineOption(QStringLiteral("check"),
        QStringLiteral("Write nothing; exit 1 naming each file that is not canonical (for "
                       "pre-commit hooks and CI).")));
    if (const auto done = line.parse(context, arguments, 1, -1))
        return *done;
    FormatRequest request;
    request.componentDirs = line.componentDirs();
    request.inPlace = line.parser.isSet(QStringLiteral("in-place"));
    request.check = line.parser.isSet(QStringLiteral("check"));
    request.output = line.parser.value(QStringLiteral("output"));
    const QStringList paths = line.parser.positionalArguments();
    if (request.inPlace && !request.output.isEmpty())
        return context.usageError(name, QStringLiteral("give either -o FILE or --in-place"));
    if (request.check && (request.inPlace || !request.output.isEmpty()))
        return context.usageError(name, QStringLiteral("--check writes nothing"));
    if (paths.size() > 1 && !request.check && !request.inPlace)
        return context.usageError(
            name, QStringLiteral("several pipelines go with --check or --in-place"));
    int result = Success;
    for (const QString &path : paths)
        result = std::max(result, formatOne(context, path, request));
    return result;
}

} // namespace fondant
