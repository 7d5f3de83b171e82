// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/export/ExportSettings.h"
#include "core/util/Result.h"

#include <string>

namespace fondant {

class PipelineSession;

/// The docker-compose file Fondant 0.12.1's DockerCompiler writes for a pipeline: one service
/// per step running `fondant execute main` with the step's metadata (its cache key included),
/// manifest paths, working directory and arguments; Compose's `$` interpolation is escaped so
/// that every value reaches the container as written.
class ComposeExport
{
public:
    /// The file's text. Fails, naming the step, on a pipeline with errors, on two steps of one
    /// component (their outputs would share a folder) and on accelerators Compose cannot give.
    static Result<std::string> write(
        const PipelineSession &session, const ExportSettings &settings);
};

} // namespace fondant
