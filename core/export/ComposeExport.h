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
    /// The file's text, with warnings where Fondant's runtime would surprise. Fails, naming the
    /// step, on a pipeline with errors, on component ids that cannot name a folder or a service,
    /// and on accelerators Compose cannot give.
    static Result<std::string> write(
        const PipelineSession &session, const ExportSettings &settings);
};

} // namespace fondant
