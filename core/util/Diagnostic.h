// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fondant {

/// A 1-based line and column in a source file; line 0 means "no place known".
struct SourceMark
{
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0; }
    friend bool operator==(const SourceMark &, const SourceMark &) = default;
};

enum class Severity { Error, Warning, Note };

/// "error", "warning" or "note".
const char *severityName(Severity severity);

/// A correction a problem offers, applied with one click: the key at the problem's field path
/// in its step gets a new name (keeping its value and place), or a new value.
struct Fix
{
    enum class Part { KeyName, Value };
    Part part = Part::Value;
    std::string replacement; ///< the suggested name or value, e.g. "min_width"

    friend bool operator==(const Fix &, const Fix &) = default;
};

/// One problem found in user input, with the place it was found and what to change.
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string file;
    SourceMark mark;
    std::string message;
    std::string stepId; ///< the pipeline step the problem belongs to, if any
    std::string fieldPath; ///< the key inside that step, e.g. "arguments.min_width"
    std::optional<Fix> fix; ///< what to change at fieldPath to solve it, when that is known

    bool isError() const { return severity == Severity::Error; }

    /// Compiler style: "FILE:LINE:COLUMN: error: MESSAGE" (place parts omitted when unknown),
    /// with control characters shown as escapes.
    std::string toString() const;

    static Diagnostic error(std::string file, SourceMark mark, std::string message);
    static Diagnostic warning(std::string file, SourceMark mark, std::string message);

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

/// Text safe to print on a terminal: control characters (C0, DEL, C1) become \xNN or \uNNNN.
std::string withVisibleControls(std::string_view text);
void append(Diagnostics &to, const Diagnostics &from);

} // namespace fondant
