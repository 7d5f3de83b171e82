// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"

#include <QString>

#include <string>

namespace fondant {

class PipelineSession;
class Value;

/// The pipeline as the Fondant 0.12.1 program a team keeps in git: one Dataset.create, apply
/// or write call per step with its arguments, field mappings, resources and cache setting, so
/// that `fondant run` computes the same cache keys and compiles the same files as the exports.
class PythonExport
{
public:
    /// The program's text. Components are referred to by their folders: relative to
    /// the program's folder when they lie inside it, absolute otherwise. Fails, naming the steps,
    /// on a pipeline with errors and on what Fondant's Python API cannot express: one component
    /// used by two steps, a consumes mapping on the first step.
    static Result<std::string> write(const PipelineSession &session, const QString &programPath);

    /// A Python expression for a value: None, True, 3, 0.5, float("inf"), "text", [..], {..}.
    /// Text is written so that no character hides or changes the program (controls,
    /// invisible and bidirectional marks are escaped).
    static std::string literal(const Value &value);
};

} // namespace fondant
