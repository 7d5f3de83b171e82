// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/Diagnostic.h"

#include <algorithm>

namespace fondant {

namespace {
const char *severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Note:
        return "note";
    }
    return "error";
}
} // namespace

std::string Diagnostic::toString() const
{
    std::string text;
    if (!file.empty()) {
        text += file;
        if (mark.isValid())
            text += ':' + std::to_string(mark.line) + ':' + std::to_string(mark.column);
        text += ": ";
    }
    text += severityName(severity);
    text += ": ";
    text += message;
    return text;
}

Diagnostic Diagnostic::error(std::string file, SourceMark mark, std::string message)
{
    return Diagnostic {Severity::Error, std::move(file), mark, std::move(message), {}, {}};
}

Diagnostic Diagnostic::warning(std::string file, SourceMark mark, std::string message)
{
    return Diagnostic {Severity::Warning, std::move(file), mark, std::move(message), {}, {}};
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(
        diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) { return d.isError(); });
}

void append(Diagnostics &to, const Diagnostics &from)
{
    to.insert(to.end(), from.begin(), from.end());
}

} // namespace fondant
