// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/yaml/YamlComments.h"

namespace fondant {

std::uint64_t YamlComments::slot(SourceMark mark, Owner owner)
{
    // Lines and columns of a text this tool reads (32 MiB at most) fit in 31 bits each.
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(mark.line)) << 32)
        | (static_cast<std::uint64_t>(static_cast<std::uint32_t>(mark.column)) << 1)
        | (owner == Owner::Item ? 1U : 0U);
}

void YamlComments::addAbove(SourceMark mark, Owner owner, std::string_view lines)
{
    m_comments[slot(mark, owner)].above += lines;
}

void YamlComments::addAfter(SourceMark mark, Owner owner, std::string_view text)
{
    ElementComments &comments = m_comments[slot(mark, owner)];
    if (!comments.after) {
        comments.after = std::string(text);
        return;
    }
    comments.above += text;
    comments.above += '\n';
}

ElementComments YamlComments::take(SourceMark mark, Owner owner)
{
    auto node = m_comments.extract(slot(mark, owner));
    return node ? std::move(node.mapped()) : ElementComments {};
}

} // namespace fondant
