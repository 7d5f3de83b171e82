// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"
#include "core/value/Value.h"

#include <string_view>

namespace fondant {

/// Which YAML rules turn plain scalars into values.
enum class ScalarRules {
    PyYaml11, ///< PyYAML safe_load (YAML 1.1): yes/no/on/off, 017 octal, 1:30 sexagesimal, dates
    Yaml12Core, ///< the YAML 1.2 core schema
};

/// Turns scalar text into the value PyYAML constructs for it, by PyYAML's resolver patterns and
/// constructors (checked character by character: linear in the text, no regular expressions).
/// Integers are exact at any size up to Python's 4,300-digit limit.
class ScalarResolver
{
public:
    /// The value of a plain (unquoted, untagged) scalar; an error for scalars PyYAML or
    /// Python cannot turn into a JSON value (dates, integers beyond 4,300 digits, `=`).
    static Result<Value> resolvePlain(std::string_view text, ScalarRules rules);

    /// The value of a scalar with an explicit tag (`!!int 12`, `!!str yes`); an error for
    /// tags without a JSON value (`!!binary`, `!!timestamp`, application tags).
    static Result<Value> resolveTagged(
        std::string_view text, std::string_view tag, ScalarRules rules);

    /// Python's float(text) for a decimal literal: correctly rounded, overflow to ±inf,
    /// underflow to ±0.0; nullopt when the text is not a number.
    static std::optional<double> parseFloat(std::string_view text);
};

} // namespace fondant
