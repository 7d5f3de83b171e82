// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/Command.h"

#include "core/history/RunHistory.h"
#include "core/history/RunRecord.h"
#include "core/report/Reports.h"
#include "core/session/PipelineSession.h"
#include "core/value/PyJson.h"

#include <QDir>
#include <QFileInfo>

#include <ostream>

namespace fondant {

void CommandContext::printDiagnostics(const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        err << d.toString() << "\n";
}

void CommandContext::printJson(const Value &document)
{
    out << PyJson::dumps(document, PyJson::KeyOrder::Insertion, PyJson::Ascii::Keep) << "\n";
}

std::string CommandContext::paint(const std::string &text, Tone tone) const
{
    if (!colour || tone == Tone::Plain)
        return text;
    const char *code = tone == Tone::Good ? "32"
        : tone == Tone::Changed           ? "33"
        : tone == Tone::Muted             ? "2"
                                          : "1";
    return std::string("\x1b[") + code + "m" + text + "\x1b[0m";
}

int CommandContext::usageError(const QString &command, const QString &message)
{
    err << "fondant-studio-cli " << command.toStdString() << ": "
        << withVisibleControls(message.toStdString()) << "\n"
        << "Try 'fondant-studio-cli " << command.toStdString() << " --help'.\n";
    return UsageError;
}

CommandLine::CommandLine(QString command, const QString &description, const QString &synopsis)
    : m_command(std::move(command)), m_synopsis(synopsis)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
}

void CommandLine::addComponentsOption()
{
    parser.addOption(QCommandLineOption(QStringLiteral("components"),
        QStringLiteral("Also look for components in DIR (after the pipeline's component_dirs, "
                       "before the bundled library). May be repeated."),
        QStringLiteral("DIR")));
}

void CommandLine::addWorkingDirectoryOption()
{
    parser.addOption(QCommandLineOption(QStringLiteral("working-directory"),
        QStringLiteral("The working directory Fondant runs the pipeline in (default: the "
                       "pipeline's working_directory)."),
        QStringLiteral("DIR")));
}

void CommandLine::addJsonOption()
{
    parser.addOption(QCommandLineOption(QStringLiteral("json"),
        QStringLiteral("Print one JSON document on standard output, problems included.")));
}

std::optional<int> CommandLine::parse(
    CommandContext &context, const QStringList &arguments, int minimum, int maximum)
{
    if (!parser.parse(QStringList {QStringLiteral("fondant-studio-cli")} + arguments))
        return context.usageError(m_command, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's help names the running program; name the command instead.
        QString help = parser.helpText();
        help = help.mid(help.indexOf(QLatin1Char('\n')) + 1);
        context.out << "Usage: fondant-studio-cli " << m_command.toStdString() << " "
                    << m_synopsis.toStdString() << "\n"
                    << help.toStdString();
        return Success;
    }
    const qsizetype given = parser.positionalArguments().size();
    if (given < minimum)
        return context.usageError(m_command, QStringLiteral("needs %1").arg(m_synopsis));
    if (maximum >= 0 && given > maximum)
        return context.usageError(m_command,
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().last()));
    return std::nullopt;
}

QStringList CommandLine::componentDirs() const
{
    return parser.values(QStringLiteral("components"));
}

bool CommandLine::json() const
{
    return parser.isSet(QStringLiteral("json"));
}

WorkingDirectoryChoice workingDirectoryOf(
    const CommandLine &line, const PipelineSession &session, const QString &pipelinePath)
{
    const QString given = line.parser.value(QStringLiteral("working-directory"));
    if (!given.isEmpty())
        return {given, QDir::currentPath()};
    return {QString::fromStdString(session.pipeline().workingDirectory),
        QFileInfo(pipelinePath).absolutePath()};
}

std::optional<RunHistory> openHistory(CommandContext &context, const CommandLine &line,
    const PipelineSession &session, const QString &pipelinePath, RemoteHistory remote)
{
    const auto [given, base] = workingDirectoryOf(line, session, pipelinePath);
    const QString folder = given.isEmpty() || RunRecord::isRemote(given)
        ? given
        : QDir(base).absoluteFilePath(given);
    Result<RunHistory> history = folder.isEmpty()
        ? Result<RunHistory>(Diagnostic::error(pipelinePath.toStdString(), {},
            "no working directory: give --working-directory DIR or set working_directory in "
            "the pipeline"))
        : RunHistory::open(
            folder, remote == RemoteHistory::FromRecords ? RunRecord::userDataFolder() : QString());
    if (history.ok())
        return std::move(history).value();
    context.printDiagnostics(history.diagnostics());
    if (line.json())
        context.printJson(Reports::unreadable(history.diagnostics()));
    return std::nullopt;
}

std::optional<PipelineSession> openPipeline(
    CommandContext &context, const QString &path, const QStringList &componentDirs, bool json)
{
    Result<PipelineSession> session = PipelineSession::open(path, componentDirs);
    if (session.ok())
        return std::move(session).value();
    context.printDiagnostics(session.diagnostics());
    if (json)
        context.printJson(Reports::unreadable(session.diagnostics()));
    return std::nullopt;
}

} // namespace fondant
