// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/export/ExportSettings.h"
#include "core/util/Result.h"

#include <QString>

#include <optional>
#include <string>
#include <string_view>

namespace fondant {

class PipelineSession;

/// An export as a user asks for it, the same from the command line and the designer: the text
/// of the file for a target, then, for a compiled file, the record of the run it starts.
class PipelineExport
{
public:
    enum class Target { Compose, Kubeflow, Vertex, Python };

    static std::optional<Target> targetNamed(std::string_view name);
    /// The names targetNamed() knows, for messages: "compose, kfp, vertex, python".
    static std::string targetNames();

    /// Whether the file starts a run: a compiled file holds the run id and the working
    /// directory (the settings); a Python program gets them from `fondant run`.
    static bool startsRun(Target target) { return target != Target::Python; }

    /// The exported file's text; output is where it will be written (a program refers to its
    /// components from there).
    static Result<std::string> text(const PipelineSession &session, Target target,
        const ExportSettings &settings, const QString &output);

    /// Writes an export: the text goes atomically to output (unless output is empty: the caller
    /// shows it). When the target starts a run, the working directory is created first if it
    /// is local (as Fondant's compiler does), and the run's record is written into it, or into
    /// dataFolder for a remote one, so that later keys can be explained against the run.
    /// Nothing is written when output is the pipeline itself or the folder cannot be made.
    static std::optional<Diagnostic> write(const PipelineSession &session, Target target,
        const ExportSettings &settings, const std::string &text, const QString &output,
        const QString &dataFolder);
};

} // namespace fondant
