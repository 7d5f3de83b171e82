// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/Diagnostic.h"

#include "core/value/Utf8.h"

#include <algorithm>
#include <cstdio>

namespace fondant {

const char *severityName(Severity severity)
{
    switch (severity) {
    case Severity::Warning:
        return "warning";
    case Severity::Note:
        return "note";
    case Severity::Error:
        break;
    }
    return "error";
}

std::string Diagnostic::toString() const
{
    std::string text;
    if (!file.empty()) {
        text += file;
        if (mark.isValid())
            text += ':' + std::to_string(mark.line) + ':' + std::to_string(mark.column);
        text += ": ";
    }
    text += severityName(severity);
    text += ": ";
    text += message;
    return withVisibleControls(text);
}

std::string withVisibleControls(std::string_view text)
{
    // C0 controls, DEL and the C1 controls (U+0080 to U+009F, two bytes in UTF-8) could move the
    // cursor or recolour a terminal when echoed from a hostile file: show them as escapes, and
    // bytes that are not UTF-8 too.
    std::string out;
    out.reserve(text.size());
    char escape[8];
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            if (byte < 0x20 || byte == 0x7f) {
                std::snprintf(escape, sizeof escape, "\\x%02x", byte);
                out += escape;
            } else {
                out += static_cast<char>(byte);
            }
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char32_t codePoint = utf8::decode(text, i);
        if (codePoint >= 0x80 && codePoint <= 0x9f) {
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(codePoint));
            out += escape;
        } else if (codePoint == 0xfffd && text.substr(start, i - start) != "\xef\xbf\xbd") {
            std::snprintf(escape, sizeof escape, "\\x%02x", byte);
            out += escape;
        } else {
            out.append(text, start, i - start);
        }
    }
    return out;
}

Diagnostic Diagnostic::error(std::string file, SourceMark mark, std::string message)
{
    return Diagnostic {Severity::Error, std::move(file), mark, std::move(message), {}, {}, {}};
}

Diagnostic Diagnostic::warning(std::string file, SourceMark mark, std::string message)
{
    return Diagnostic {Severity::Warning, std::move(file), mark, std::move(message), {}, {}, {}};
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(
        diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) { return d.isError(); });
}

void append(Diagnostics &to, const Diagnostics &from)
{
    to.insert(to.end(), from.begin(), from.end());
}

} // namespace fondant
