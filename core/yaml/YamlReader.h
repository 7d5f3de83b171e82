// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"
#include "core/value/Value.h"
#include "core/yaml/ScalarResolver.h"
#include "core/yaml/YamlComments.h"

#include <QString>

#include <string>
#include <string_view>

namespace fondant {

/// Limits that keep hostile input from exhausting time or memory.
struct YamlLimits
{
    qint64 maxFileBytes = 32 * 1024 * 1024;
    std::size_t maxNodes = 500'000; ///< after alias expansion
    std::size_t maxTextBytes = 64 * 1024 * 1024; ///< of all scalars, after alias expansion
    int maxDepth = 200;
};

/// A YAML document's values and the comments written around them.
struct CommentedValue
{
    Value value;
    YamlComments comments;
};

/// Reads one YAML document into a Value tree with the line and column of every node and key,
/// on libyaml's parser (the C library PyYAML's scanner and parser are ported from) with PyYAML's
/// composer rules: merge keys, aliases, tags. Never throws: syntax errors, invalid UTF-8, alias
/// bombs and deep nesting (counted through aliases) become diagnostics. In documents
/// (Yaml12Core) a repeated key is an error; in component specs, as in PyYAML, the last wins.
class YamlReader
{
public:
    /// Parses text; fileName is only used in diagnostics. An empty document gives null.
    static Result<Value> parse(std::string_view text, const std::string &fileName,
        ScalarRules rules, const YamlLimits &limits = {});
    /// Parses text as parse() does and keeps its comments: those libyaml skips between
    /// tokens, so a '#' inside a quoted or plain scalar, a block scalar or a tag is text.
    static Result<CommentedValue> parseWithComments(std::string_view text,
        const std::string &fileName, ScalarRules rules, const YamlLimits &limits = {});

    /// Reads and parses a file (UTF-8, an optional byte order mark is skipped).
    static Result<Value> readFile(
        const QString &path, ScalarRules rules, const YamlLimits &limits = {});
};

/// Reads a whole regular file as bytes with a size limit; the error names the file. Pipes,
/// devices and folders are refused without opening them.
Result<std::string> readTextFile(const QString &path, qint64 maxBytes);

} // namespace fondant
