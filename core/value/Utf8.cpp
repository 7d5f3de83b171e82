// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/value/Utf8.h"

namespace fondant::utf8 {

namespace {
// Length of the valid sequence starting at pos, or 0 when it is not valid UTF-8.
// The length of the UTF-8 sequence at pos, or 0 when it is not valid. With allowSurrogates, the
// three-byte forms of U+D800..U+DFFF count as valid (generalised UTF-8), as Python strings may
// hold such code points.
std::size_t sequenceLength(std::string_view text, std::size_t pos, bool allowSurrogates)
{
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = at(pos);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    char32_t minimum = 0;
    if ((lead & 0xe0) == 0xc0) {
        length = 2;
        minimum = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
        length = 3;
        minimum = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
        length = 4;
        minimum = 0x10000;
    } else {
        return 0;
    }
    if (pos + length > text.size())
        return 0;
    char32_t codePoint = lead & (0x7f >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if ((at(pos + i) & 0xc0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (at(pos + i) & 0x3f);
    }
    const bool surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    if (codePoint < minimum || codePoint > 0x10ffff || (surrogate && !allowSurrogates))
        return 0;
    return length;
}
} // namespace

char32_t decode(std::string_view text, std::size_t &pos)
{
    const std::size_t length = sequenceLength(text, pos, true);
    if (length == 0) {
        ++pos;
        return 0xfffd;
    }
    const auto lead = static_cast<unsigned char>(text[pos]);
    char32_t codePoint
        = length == 1 ? char32_t {lead} : static_cast<char32_t>(lead & (0x7fu >> length));
    for (std::size_t i = 1; i < length; ++i)
        codePoint = (codePoint << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3f);
    pos += length;
    return codePoint;
}

std::optional<SourceMark> firstInvalid(std::string_view text)
{
    int line = 1;
    int column = 1;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t length = sequenceLength(text, pos, false);
        if (length == 0)
            return SourceMark {line, column};
        if (text[pos] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        pos += length;
    }
    return std::nullopt;
}

void encode(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

} // namespace fondant::utf8
