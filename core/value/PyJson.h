// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace fondant {

class Value;

/// Writes values exactly as Python's json.dumps does with its default separators, so that the
/// text (and its MD5) equals what Fondant hashes.
class PyJson
{
public:
    enum class KeyOrder { Insertion, Sorted };
    enum class Ascii { Escape, Keep };

    /// json.dumps(value, sort_keys=(order == Sorted), ensure_ascii=(ascii == Escape)).
    static std::string dumps(const Value &value, KeyOrder order, Ascii ascii = Ascii::Escape);

    /// Python's repr() of a float: shortest round-trip digits, "1.0", "1e-05", "1e+16", "NaN".
    static std::string floatRepr(double value);

    /// A JSON string literal of UTF-8 text, with Python's escapes.
    static std::string quote(const std::string &text, Ascii ascii = Ascii::Escape);
};

} // namespace fondant
