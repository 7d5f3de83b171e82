// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace fondant {

class Value;
struct Member;

/// Writes values exactly as Python's json.dumps does with its default separators, so that the
/// text (and its MD5) equals what Fondant hashes.
class PyJson
{
public:
    enum class KeyOrder { Insertion, Sorted };
    enum class Ascii { Escape, Keep };

    /// json.dumps(value, sort_keys=(order == Sorted), ensure_ascii=(ascii == Escape)).
    /// With Sorted, the value must have no unsortableMapping().
    static std::string dumps(const Value &value, KeyOrder order, Ascii ascii = Ascii::Escape);

    /// Python's order of two dict keys for sort_keys: text by code point, numbers (bools as
    /// 0 and 1) by value. Only for keys Python can compare (see unsortableMapping).
    static bool keyLess(const Member &a, const Member &b);

    /// The first mapping (depth first) whose keys Python cannot sort, so that
    /// json.dumps(sort_keys=True) raises TypeError: text keys beside number keys, or a null key
    /// beside any other. nullptr when every mapping can be sorted.
    static const Value *unsortableMapping(const Value &value);
    /// Why such a mapping cannot be hashed, for diagnostics.
    static std::string unsortableMessage();

    /// Python's repr() of a float: shortest round-trip digits, "1.0", "1e-05", "1e+16", "NaN".
    static std::string floatRepr(double value);
};

} // namespace fondant
