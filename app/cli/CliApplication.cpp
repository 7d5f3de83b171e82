// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CliApplication.h"

#include <ostream>

namespace fondant {

namespace {

const char *helpText = R"(Usage: fondant-studio-cli COMMAND ARGUMENTS [OPTIONS]

Checks Fondant pipelines and computes the cache keys Fondant 0.12.1 gives their steps.

Commands:
  validate PIPELINE [--components DIR]... [--json]
      Check the pipeline file, its components and the fields flowing between steps.
  keys     PIPELINE [--components DIR]... [--json [--preimages]]
      Print every step's cache key (with --preimages, the exact texts that are hashed).
  format   PIPELINE... [-o FILE | --in-place] [--check] [--components DIR]...
      Rewrite the pipeline in the canonical layout the designer saves.
  render   PIPELINE -o FILE.png|FILE.svg [--components DIR]...
      Draw the pipeline as the designer shows it, into a picture.
  runs     WORKDIR [--name NAME] [--json]
      List the runs in a working directory: per step, executed or reused from which run.
  status   PIPELINE [--working-directory DIR] [--components DIR]... [--json]
      Which steps Fondant would reuse from the cache if the pipeline ran now, and why not.
  explain  PIPELINE [--working-directory DIR] [--against RUN_ID | --against-document OTHER]
           [--step ID] [--components DIR]... [--json]
      Why keys changed since a run or another version: the ingredients, root causes, cascade.
  export   PIPELINE --target compose|kfp|vertex|python [-o FILE] [--working-directory DIR]
           [--run-id ID] [--components DIR]...
      Write the file Fondant's compiler would write for the pipeline, and the run's record;
      or the Fondant Python program.
  import   COMPILED.yml -o PIPELINE [--components DIR]...
      Rebuild a pipeline document from a file Fondant compiled, and check its cache keys.

'fondant-studio-cli COMMAND --help' describes each command's options.

Exit codes: 0 success, 1 invalid input, 2 wrong usage.
Problems go to standard error as FILE:LINE:COLUMN: error|warning: MESSAGE.
)";

using Command = int (*)(CommandContext &, const QStringList &);

struct NamedCommand
{
    const char *name;
    Command run;
};

constexpr NamedCommand commands[] = {
    {"validate", validateCommand},
    {"keys", keysCommand},
    {"format", formatCommand},
    {"render", renderCommand},
    {"runs", runsCommand},
    {"status", statusCommand},
    {"explain", explainCommand},
    {"export", exportCommand},
    {"import", importCommand},
};

} // namespace

CliApplication::CliApplication(std::ostream &out, std::ostream &err) : m_context(out, err) { }

int CliApplication::run(const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        m_context.err << "fondant-studio-cli: no command given\n"
                      << "Try 'fondant-studio-cli --help'.\n";
        return UsageError;
    }
    const QString &first = arguments.first();
    if (first == QLatin1String("-h") || first == QLatin1String("--help")
        || first == QLatin1String("help")) {
        m_context.out << helpText;
        return Success;
    }
    if (first == QLatin1String("--version")) {
        m_context.out << "fondant-studio-cli " << FONDANT_STUDIO_VERSION
                      << " (cache keys of Fondant 0.12.1)\n";
        return Success;
    }
    for (const NamedCommand &command : commands)
        if (first == QLatin1String(command.name))
            return command.run(m_context, arguments.mid(1));
    m_context.err << "fondant-studio-cli: unknown command '"
                  << withVisibleControls(first.toStdString()) << "'\n"
                  << "Try 'fondant-studio-cli --help'.\n";
    return UsageError;
}

} // namespace fondant
