// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Diagnostic.h"

#include <QStringList>

#include <iosfwd>

namespace fondant {

struct Pipeline;
struct PipelineAnalysis;

/// Runs one fondant-studio-cli command: parses the arguments, calls the core, prints results
/// to out and diagnostics to err, and returns the exit code (0 ok, 1 invalid input, 2 usage).
class CliApplication
{
public:
    CliApplication(std::ostream &out, std::ostream &err);

    int run(const QStringList &arguments);

    enum ExitCode { Success = 0, InvalidInput = 1, UsageError = 2 };

    /// True when the arguments ask for a command that draws (and so needs a GUI application
    /// object).
    static bool needsGui(const QStringList &arguments);

private:
    struct Options
    {
        QString command;
        QString pipelinePath;
        QStringList componentDirs;
        QString outputPath;
        bool json = false;
        bool preimages = false;
    };

    int validate(const Options &options);
    int keys(const Options &options);
    int render(const Options &options);
    int usageError(const QString &message);
    void printHelp();
    void printDiagnostics(const Diagnostics &diagnostics);

    /// Reads the pipeline and validates it; returns false (after printing why) when it cannot be
    /// read.
    bool loadAndValidate(const Options &options, Pipeline &pipeline, PipelineAnalysis &analysis);

    std::ostream &m_out;
    std::ostream &m_err;
};

} // namespace fondant
