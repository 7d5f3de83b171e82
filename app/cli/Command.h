// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Diagnostic.h"

#include <QCommandLineParser>
#include <QStringList>

#include <iosfwd>
#include <optional>
#include <string>

namespace fondant {

class PipelineSession;
class RunHistory;
class Value;

/// Exit codes of every command (cli.md).
enum ExitCode { Success = 0, InvalidInput = 1, UsageError = 2 };

/// What a command works with: where results and problems go, and the shared ways of printing
/// them.
class CommandContext
{
public:
    CommandContext(std::ostream &output, std::ostream &errors) : out(output), err(errors) { }

    std::ostream &out;
    std::ostream &err;
    /// Whether standard output is a terminal that takes colours (and NO_COLOR is not set).
    bool colour = false;

    enum class Tone { Plain, Good, Changed, Muted, Bold };
    /// text in the tone's terminal colour when colour is on, else as it is.
    std::string paint(const std::string &text, Tone tone) const;

    /// Problems to standard error, one compiler-style line each.
    void printDiagnostics(const Diagnostics &diagnostics);
    /// One JSON document on standard output.
    void printJson(const Value &document);
    /// "fondant-studio-cli COMMAND: MESSAGE" and a hint; returns UsageError.
    int usageError(const QString &command, const QString &message);
};

/// A command's options, parsed with QCommandLineParser; --help prints the command's help.
class CommandLine
{
public:
    /// command: e.g. "keys"; synopsis: the positional part of the usage line.
    CommandLine(QString command, const QString &description, const QString &synopsis);

    QCommandLineParser parser;

    /// --components DIR, which may repeat.
    void addComponentsOption();
    void addJsonOption();
    /// --working-directory DIR (default: the pipeline's working_directory).
    void addWorkingDirectoryOption();
    /// Parses the arguments after the command name and checks the number of positional
    /// arguments (maximum -1: no limit). Returns an exit code when the command is done (help
    /// printed, or a usage error), nullopt when it should run.
    std::optional<int> parse(
        CommandContext &context, const QStringList &arguments, int minimum, int maximum);
    QStringList componentDirs() const;
    bool json() const;

private:
    QString m_command;
    QString m_synopsis;
};

/// The working directory a command works in, as given, and the folder a relative one is relative
/// to: --working-directory (to the current folder), else the pipeline's (to its file's folder).
struct WorkingDirectoryChoice
{
    QString given;
    QString base;
};
WorkingDirectoryChoice workingDirectoryOf(
    const CommandLine &line, const PipelineSession &session, const QString &pipelinePath);

/// Opens a pipeline for a command: the session, or nullopt after printing why it could not be
/// read (as JSON too when asked).
std::optional<PipelineSession> openPipeline(
    CommandContext &context, const QString &path, const QStringList &componentDirs, bool json);

int validateCommand(CommandContext &context, const QStringList &arguments);
int keysCommand(CommandContext &context, const QStringList &arguments);
int formatCommand(CommandContext &context, const QStringList &arguments);
int renderCommand(CommandContext &context, const QStringList &arguments);
int runsCommand(CommandContext &context, const QStringList &arguments);
int statusCommand(CommandContext &context, const QStringList &arguments);
int explainCommand(CommandContext &context, const QStringList &arguments);
int exportCommand(CommandContext &context, const QStringList &arguments);
int importCommand(CommandContext &context, const QStringList &arguments);

/// Reads the working directory a command compares the pipeline with: --working-directory, else
/// the pipeline's working_directory (relative to its file). nullopt after printing why there is
/// none or it cannot be read (as JSON too when asked).
/// What a command may know of a remote working directory: nothing (it needs the reference files,
/// which cannot be read here), or the runs exported to it, from their records in the user's
/// data folder.
enum class RemoteHistory { Refused, FromRecords };
std::optional<RunHistory> openHistory(CommandContext &context, const CommandLine &line,
    const PipelineSession &session, const QString &pipelinePath,
    RemoteHistory remote = RemoteHistory::Refused);

} // namespace fondant
