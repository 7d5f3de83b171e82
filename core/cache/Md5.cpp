// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/cache/Md5.h"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>

namespace fondant {

namespace {
struct DigestContextDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextDeleter>;

Diagnostic opensslError(const char *what)
{
    std::string message = std::string("OpenSSL could not compute an MD5 digest (") + what + ")";
    if (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        message += ": ";
        message += buffer;
    }
    ERR_clear_error();
    return Diagnostic::error({}, {}, message);
}
} // namespace

Result<std::string> Md5::hexDigest(std::string_view bytes)
{
    // Fetching the algorithm and allocating a context cost more than hashing a key's few hundred
    // bytes, so each thread keeps one of each.
    static EVP_MD *const md5 = EVP_MD_fetch(nullptr, "MD5", nullptr);
    thread_local DigestContext context(EVP_MD_CTX_new());
    if (!md5)
        return opensslError("EVP_MD_fetch");
    if (!context)
        return opensslError("EVP_MD_CTX_new");
    if (EVP_DigestInit_ex(context.get(), md5, nullptr) != 1)
        return opensslError("EVP_DigestInit_ex");
    if (EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1)
        return opensslError("EVP_DigestUpdate");
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context.get(), digest, &length) != 1)
        return opensslError("EVP_DigestFinal_ex");

    static constexpr char hexDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex += hexDigits[digest[i] >> 4];
        hex += hexDigits[digest[i] & 0x0f];
    }
    return hex;
}

} // namespace fondant
