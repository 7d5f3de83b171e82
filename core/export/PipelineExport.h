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
/// of the file for a target, then the record of the run it starts.
class PipelineExport
{
public:
    enum class Target { Compose, Kubeflow, Vertex };

    static std::optional<Target> targetNamed(std::string_view name);
    /// The names targetNamed() knows, for messages: "compose, kfp, vertex".
    static std::string targetNames();

    /// The exported file's text.
    static Result<std::string> text(
        const PipelineSession &session, Target target, const ExportSettings &settings);

    /// Writes an export as a run starts: the working directory is created if it is local (as
    /// Fondant's compiler does), the text goes atomically to output (unless output is empty: the
    /// caller shows it), and the run's record is written into the working directory, or into
    /// dataFolder for a remote one, so that later keys can be explained against the run.
    /// Nothing is written when output is the pipeline itself or the folder cannot be made.
    static std::optional<Diagnostic> writeRun(const PipelineSession &session,
        const ExportSettings &settings, const std::string &text, const QString &output,
        const QString &dataFolder);
};

} // namespace fondant
