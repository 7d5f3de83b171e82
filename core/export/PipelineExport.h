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

    /// What an exported run needs before it starts: a local working directory is created (as
    /// Fondant's compiler does) and the run's record is written into it, or into dataFolder for
    /// a remote one, so that later keys can be explained against the run.
    static std::optional<Diagnostic> recordRun(
        const PipelineSession &session, const ExportSettings &settings, const QString &dataFolder);
};

} // namespace fondant
