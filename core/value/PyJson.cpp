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
                if (byte < 0x20 || byte == 0x7f)
                    appendHex4(out, byte);
                else
                    out += static_cast<char>(byte);
            }
            continue;
        }
        const std::size_t start = pos;
        const char32_t codePoint = utf8::decode(text, pos);
        const bool surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
        if (ascii == PyJson::Ascii::Keep && !surrogate) {
            // Bytes that are not UTF-8 (names read from disk) are written as U+FFFD, so the
            // output stays valid JSON.
            const bool replaced
                = codePoint == 0xfffd && text.compare(start, pos - start, "\xef\xbf\xbd") != 0;
            if (replaced)
                out += "\xef\xbf\xbd";
            else
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

bool isNanKey(const Member *member)
{
    return member->keyKind == Value::Kind::Float && member->key == "NaN";
}

// CPython's list.sort for fewer than 64 items: the run at the start (reversed when strictly
// descending), then binary insertion of the rest. With a NaN key, whose comparisons are all
// false, the order depends on these exact steps.
void binaryInsertionSortLikePython(std::vector<const Member *> &items)
{
    const auto less = [](const Member *a, const Member *b) { return PyJson::keyLess(*a, *b); };
    const std::size_t count = items.size();
    if (count < 2)
        return;
    std::size_t run = 2;
    if (less(items[1], items[0])) {
        while (run < count && less(items[run], items[run - 1]))
            ++run;
        std::reverse(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(run));
    } else {
        while (run < count && !less(items[run], items[run - 1]))
            ++run;
    }
    for (std::size_t start = run; start < count; ++start) {
        const Member *pivot = items[start];
        std::size_t low = 0;
        std::size_t high = start;
        while (low < high) {
            const std::size_t middle = low + (high - low) / 2;
            if (less(pivot, items[middle]))
                high = middle;
            else
                low = middle + 1;
        }
        std::rotate(items.begin() + static_cast<std::ptrdiff_t>(low),
            items.begin() + static_cast<std::ptrdiff_t>(start),
            items.begin() + static_cast<std::ptrdiff_t>(start) + 1);
    }
}

// sorted(dict.items()) as json.dumps(sort_keys=True) does it. Keys are unique, so any sort
// gives Python's order, unless a key is NaN.
void sortLikePython(std::vector<const Member *> &items)
{
    if (items.size() < 64 && std::any_of(items.begin(), items.end(), isNanKey)) {
        binaryInsertionSortLikePython(items);
        return;
    }
    std::stable_sort(items.begin(), items.end(),
        [](const Member *a, const Member *b) { return PyJson::keyLess(*a, *b); });
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
        out += value.intText();
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
            sortLikePython(members);
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

// A number key as Python compares it: bools are 0 and 1, ints exact, floats as they are.
struct NumberKey
{
    bool isFloat = false;
    bool isBig = false;
    long double number = 0; ///< exact for 64-bit ints (x87 extended precision) and doubles
    std::string decimal; ///< for ints and bools: the decimal text
};

NumberKey numberKey(const Member &member)
{
    const Value key = member.keyValue();
    NumberKey n;
    if (key.isBool()) {
        n.number = key.toBool() ? 1 : 0;
        n.decimal = key.toBool() ? "1" : "0";
    } else if (key.isBigInt()) {
        n.isBig = true;
        n.decimal = key.intText();
        n.number = static_cast<long double>(key.toDouble());
    } else if (key.isInt()) {
        n.number = static_cast<long double>(key.toInt());
        n.decimal = key.intText();
    } else {
        n.isFloat = true;
        n.number = static_cast<long double>(key.toDouble());
    }
    return n;
}

// Orders two decimal integer texts ("-12", "340282366920938463463374607431768211456").
bool decimalLess(const std::string &a, const std::string &b)
{
    const bool aNegative = a.front() == '-';
    const bool bNegative = b.front() == '-';
    if (aNegative != bNegative)
        return aNegative;
    const bool magnitudeLess
        = a.size() != b.size() ? a.size() < b.size() : a < b; // same sign: compare magnitudes
    const bool magnitudeEqual = a == b;
    return aNegative ? !magnitudeLess && !magnitudeEqual : magnitudeLess;
}

} // namespace

bool PyJson::keyLess(const Member &a, const Member &b)
{
    if (a.keyKind == Value::Kind::String || b.keyKind == Value::Kind::String)
        return a.key < b.key; // Python's str order is UTF-8 byte order
    const NumberKey x = numberKey(a);
    const NumberKey y = numberKey(b);
    if (!x.isFloat && !y.isFloat && (x.isBig || y.isBig))
        return decimalLess(x.decimal, y.decimal);
    return x.number < y.number;
}

const Value *PyJson::unsortableMapping(const Value &value)
{
    if (value.isArray()) {
        for (const Value &item : value.items())
            if (const Value *found = unsortableMapping(item))
                return found;
        return nullptr;
    }
    if (!value.isObject())
        return nullptr;
    bool anyText = false;
    bool anyOther = false;
    bool anyNull = false;
    for (const Member &member : value.members()) {
        anyText = anyText || member.keyKind == Value::Kind::String;
        anyOther = anyOther || member.keyKind != Value::Kind::String;
        anyNull = anyNull || member.keyKind == Value::Kind::Null;
    }
    // Sorting compares every key with a neighbour: None, or text beside a number, fails.
    if (value.members().size() > 1 && (anyNull || (anyText && anyOther)))
        return &value;
    for (const Member &member : value.members())
        if (const Value *found = unsortableMapping(member.value))
            return found;
    return nullptr;
}

std::string PyJson::unsortableMessage()
{
    return "this mapping mixes text keys with number, true/false or null keys (or has a null key "
           "beside others); Python cannot sort such keys, so Fondant fails (TypeError) when it "
           "computes the cache key: quote the keys";
}

std::string PyJson::dumps(const Value &value, KeyOrder order, Ascii ascii)
{
    std::string out;
    appendValue(out, value, order, ascii);
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
