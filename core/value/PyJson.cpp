// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/value/PyJson.h"

#include "core/value/Utf8.h"
#include "core/value/Value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace fondant {

namespace {

void appendHex4(std::string &out, unsigned unit)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "\\u%04x", unit & 0xffffu);
    out += buffer;
}

void appendQuoted(std::string &out, const std::string &text, PyJson::Ascii ascii)
{
    out += '"';
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) {
            ++pos;
            switch (byte) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (byte < 0x20)
                    appendHex4(out, byte);
                else
                    out += static_cast<char>(byte);
            }
            continue;
        }
        const std::size_t start = pos;
        const char32_t codePoint = utf8::decode(text, pos);
        if (ascii == PyJson::Ascii::Keep) {
            out.append(text, start, pos - start);
        } else if (codePoint > 0xffff) {
            const char32_t v = codePoint - 0x10000;
            appendHex4(out, 0xd800u + static_cast<unsigned>(v >> 10));
            appendHex4(out, 0xdc00u + static_cast<unsigned>(v & 0x3ff));
        } else {
            appendHex4(out, static_cast<unsigned>(codePoint));
        }
    }
    out += '"';
}

void appendValue(std::string &out, const Value &value, PyJson::KeyOrder order, PyJson::Ascii ascii)
{
    switch (value.kind()) {
    case Value::Kind::Null:
        out += "null";
        return;
    case Value::Kind::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case Value::Kind::Int:
        out += std::to_string(value.toInt());
        return;
    case Value::Kind::Float:
        out += PyJson::floatRepr(value.toDouble());
        return;
    case Value::Kind::String:
        appendQuoted(out, value.toString(), ascii);
        return;
    case Value::Kind::Array: {
        out += '[';
        bool first = true;
        for (const Value &item : value.items()) {
            if (!first)
                out += ", ";
            first = false;
            appendValue(out, item, order, ascii);
        }
        out += ']';
        return;
    }
    case Value::Kind::Object: {
        std::vector<const Member *> members;
        members.reserve(value.members().size());
        for (const Member &m : value.members())
            members.push_back(&m);
        if (order == PyJson::KeyOrder::Sorted)
            std::stable_sort(members.begin(), members.end(),
                [](const Member *a, const Member *b) { return a->key < b->key; });
        out += '{';
        bool first = true;
        for (const Member *m : members) {
            if (!first)
                out += ", ";
            first = false;
            appendQuoted(out, m->key, ascii);
            out += ": ";
            appendValue(out, m->value, order, ascii);
        }
        out += '}';
        return;
    }
    }
}

} // namespace

std::string PyJson::dumps(const Value &value, KeyOrder order, Ascii ascii)
{
    std::string out;
    appendValue(out, value, order, ascii);
    return out;
}

std::string PyJson::quote(const std::string &text, Ascii ascii)
{
    std::string out;
    appendQuoted(out, text, ascii);
    return out;
}

std::string PyJson::floatRepr(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    if (value == 0.0)
        return std::signbit(value) ? "-0.0" : "0.0";

    // Shortest round-trip digits in scientific form, e.g. "1.2345e+02".
    char buffer[64];
    const auto result
        = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const std::string scientific(buffer, result.ptr);
    const std::size_t ePos = scientific.find('e');
    std::string mantissa = scientific.substr(0, ePos);
    const int exponent = std::stoi(scientific.substr(ePos + 1));

    std::string sign;
    if (mantissa.front() == '-') {
        sign = "-";
        mantissa.erase(0, 1);
    }
    std::string digits;
    std::copy_if(mantissa.begin(), mantissa.end(), std::back_inserter(digits),
        [](char c) { return c != '.'; });

    // Python's repr switches to exponent notation when the exponent is < -4 or >= 16.
    if (exponent < -4 || exponent >= 16) {
        std::string text = sign + digits.substr(0, 1);
        if (digits.size() > 1)
            text += "." + digits.substr(1);
        char expText[16];
        std::snprintf(
            expText, sizeof expText, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        return text + expText;
    }
    const int pointPosition = exponent + 1; // digits before the decimal point
    std::string text;
    if (pointPosition <= 0) {
        text = "0." + std::string(static_cast<std::size_t>(-pointPosition), '0') + digits;
    } else if (static_cast<std::size_t>(pointPosition) >= digits.size()) {
        text = digits + std::string(static_cast<std::size_t>(pointPosition) - digits.size(), '0')
            + ".0";
    } else {
        const auto split = static_cast<std::size_t>(pointPosition);
        text = digits.substr(0, split) + "." + digits.substr(split);
    }
    return sign + text;
}

} // namespace fondant
