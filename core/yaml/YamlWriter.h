// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace fondant {

class Value;
struct Member;

/// Writes values as block-style YAML that reads back to the same values under both YAML 1.2
/// core and PyYAML rules (ambiguous text is quoted, floats always carry a dot).
class YamlWriter
{
public:
    /// A scalar (or an empty container) as it appears after "key: " or "- ".
    static std::string scalar(const Value &value);
    /// A value in flow style on one line, e.g. {type: array, items: {type: float32}}.
    static std::string flow(const Value &value);
    /// A mapping key, quoted when needed.
    static std::string key(const std::string &key);
    /// A member's key as it was read: text quoted when needed, numbers and null as such.
    static std::string key(const Member &member);
    /// Appends "key: value" lines for a value at the given indentation (block style).
    static void appendMember(
        std::string &out, const std::string &key, const Value &value, int indent);
    static void appendMember(std::string &out, const Member &member, int indent);
    /// Text as a plain scalar when that is unambiguous, else double-quoted (block context).
    static std::string text(const std::string &text);
    /// The same inside [ ] or { }, where commas and brackets need quotes.
    static std::string flowText(const std::string &text);
};

} // namespace fondant
