// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pipeline/Pipeline.h"
#include "core/util/Result.h"

#include <QString>

#include <string>
#include <string_view>

namespace fondant {

/// Reads pipeline documents (*.pipeline.yaml) with YAML 1.2 core rules. Checks the document's
/// shape (keys, value kinds); graph and component checks belong to PipelineValidator. Steps
/// without an id keep an empty id until ComponentResolver::assignDefaultIds fills it. Comments
/// go to the elements they describe (Pipeline::comments, Step::comments).
class PipelineReader
{
public:
    static Result<Pipeline> readFile(const QString &path);
    static Result<Pipeline> parse(std::string_view text, const std::string &fileName);

    /// Reads a consumes/produces mapping written as YAML ("text: string", "n: {rename: int8}");
    /// an empty text gives an empty mapping.
    static Result<FieldMapping> parseFieldMapping(
        std::string_view text, const std::string &section);

    /// The keys a step may have, in the order they are written.
    static const std::vector<std::string> &stepKeys();
    /// The keys of a step's resources, in the order they are written.
    static const std::vector<std::string> &resourceKeys();
};

} // namespace fondant
