// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Diagnostic.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace fondant {

/// The comments a user wrote around one element of a YAML text, each the text after its '#'.
struct ElementComments
{
    std::string above; ///< the comment lines above the element, each followed by '\n'
    std::optional<std::string> after; ///< the comment at the end of the element's line

    bool isEmpty() const { return above.empty() && !after; }
    friend bool operator==(const ElementComments &, const ElementComments &) = default;
};

/// The comments of a YAML text, by the place of the mapping key or sequence item they belong
/// to: the lines above it, and the comment ending a line on which its key or value ends.
class YamlComments
{
public:
    /// What a comment belongs to: a mapping key or a sequence item (a step's first key and
    /// the step itself start at one place).
    enum class Owner { Key, Item };

    /// Appends comment lines (each followed by '\n') above the element starting at mark.
    void addAbove(SourceMark mark, Owner owner, std::string_view lines);
    /// Sets the comment at the end of the element's line; a second one goes above it.
    void addAfter(SourceMark mark, Owner owner, std::string_view text);
    void setTail(std::string lines) { m_tail = std::move(lines); }

    /// Takes the comments of the element starting at mark (empty when it has none), so that
    /// each is handed on once, without a copy.
    ElementComments take(SourceMark mark, Owner owner);
    /// Takes the comment lines after the document's last element.
    std::string takeTail() { return std::move(m_tail); }

private:
    static std::uint64_t slot(SourceMark mark, Owner owner);

    std::unordered_map<std::uint64_t, ElementComments> m_comments;
    std::string m_tail;
};

} // namespace fondant
