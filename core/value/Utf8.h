// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Diagnostic.h"

#include <optional>
#include <string>
#include <string_view>

namespace fondant::utf8 {

/// Decodes the code point at pos of valid UTF-8 text and advances pos past it. Strings read
/// from YAML may also hold UTF-16 surrogates (as Python strings can), encoded like other code
/// points of three bytes; they decode as themselves. Invalid bytes decode as U+FFFD.
char32_t decode(std::string_view text, std::size_t &pos);

/// The place of the first byte that is not valid UTF-8, or nothing when the text is valid.
std::optional<SourceMark> firstInvalid(std::string_view text);

/// Appends the UTF-8 encoding of a code point (surrogates too, see decode).
void encode(std::string &out, char32_t codePoint);

} // namespace fondant::utf8
