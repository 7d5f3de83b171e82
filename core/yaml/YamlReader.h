// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"
#include "core/value/Value.h"

#include <QString>

#include <string>
#include <string_view>

namespace fondant {

/// Which YAML rules turn plain scalars into values.
enum class ScalarRules {
    PyYaml11, ///< PyYAML safe_load (YAML 1.1): yes/no/on/off, 017 octal, 1:30 sexagesimal, dates
    Yaml12Core, ///< the YAML 1.2 core schema
};

/// Limits that keep hostile input from exhausting time or memory.
struct YamlLimits
{
    qint64 maxFileBytes = 32 * 1024 * 1024;
    std::size_t maxNodes = 500'000; ///< after alias expansion
    int maxDepth = 200;
};

/// Reads one YAML document into a Value tree with the line and column of every node and key.
/// Never throws: syntax errors, invalid UTF-8, alias bombs and deep nesting become diagnostics.
class YamlReader
{
public:
    /// Parses text; fileName is only used in diagnostics. An empty document gives null.
    static Result<Value> parse(std::string_view text, const std::string &fileName,
        ScalarRules rules, const YamlLimits &limits = {});

    /// Reads and parses a file (UTF-8, an optional byte order mark is skipped).
    static Result<Value> readFile(
        const QString &path, ScalarRules rules, const YamlLimits &limits = {});

    /// The value a plain (unquoted) scalar stands for under the rules; an error message for
    /// scalars Fondant could not use (dates under PyYAML rules, integers beyond 64 bits).
    static Result<Value> resolvePlainScalar(const std::string &text, ScalarRules rules);
};

/// Reads a whole file as bytes with a size limit; the error names the file.
Result<std::string> readTextFile(const QString &path, qint64 maxBytes);

} // namespace fondant
