// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pipeline/Pipeline.h"

#include <QString>

#include <optional>
#include <string>

namespace fondant {

/// Writes pipeline documents in one canonical layout (fixed key order, steps in call order,
/// comments at the elements they describe), so that saving is stable under version control:
/// save, load and save again gives the same bytes.
class PipelineWriter
{
public:
    static std::string toYaml(const Pipeline &pipeline);
    /// A consumes/produces mapping as "name: type-or-column" lines (what parseFieldMapping reads).
    static std::string fieldMappingText(const FieldMapping &mapping);

    /// Writes the document to path atomically (a temporary file renamed over the target).
    /// Returns an error naming the file when it cannot be written; the old file is then intact.
    static std::optional<Diagnostic> save(const Pipeline &pipeline, const QString &path);
};

/// Replaces a file's content atomically (write a temporary file, then rename it).
std::optional<Diagnostic> writeFileAtomically(const QString &path, const std::string &bytes);
/// Why writeFileAtomically would not replace path (a device, pipe, folder or link to none), so
/// that callers can check before writing anything else.
std::optional<Diagnostic> whyNotReplaceable(const QString &path);

} // namespace fondant
