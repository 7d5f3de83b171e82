// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"

#include <string>
#include <string_view>

namespace fondant {

/// MD5 digests through OpenSSL's EVP interface, as Fondant's hashlib.md5().hexdigest().
class Md5
{
public:
    /// The 32-character lowercase hex digest of the bytes, or an error when OpenSSL refuses MD5
    /// (for example on a system in FIPS mode).
    static Result<std::string> hexDigest(std::string_view bytes);
};

} // namespace fondant
