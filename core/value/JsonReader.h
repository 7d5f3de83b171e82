// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"
#include "core/value/Value.h"

#include <QString>

#include <string>
#include <string_view>

namespace fondant {

/// Reads JSON text as Python's json.loads does: objects keep their key order, integers and
/// floats stay distinct. Syntax errors are located by line and column.
class JsonReader
{
public:
    static Result<Value> parse(std::string_view text, const std::string &fileName);
    static Result<Value> readFile(const QString &path, qint64 maxBytes = 64 * 1024 * 1024);

    static constexpr int maxDepth = 200;
    /// Values (scalars and containers) in one text: bounds the memory a hostile file can take.
    static constexpr std::size_t maxValues = 1'000'000;
};

} // namespace fondant
