// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/yaml/ScalarResolver.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <locale.h>
#include <string>
#include <vector>

namespace fondant {

namespace {

// Python refuses to convert integers of more than 4,300 decimal digits to or from text
// (sys.int_info.default_max_str_digits), so Fondant can neither read nor hash them.
constexpr std::size_t maxIntDigits = 4300;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isOneOf(std::string_view text, std::initializer_list<std::string_view> words)
{
    for (std::string_view word : words)
        if (text == word)
            return true;
    return false;
}

/// A left-to-right reader for matching the resolver patterns by hand.
class Cursor
{
public:
    explicit Cursor(std::string_view text) : m_text(text) { }

    bool atEnd() const { return m_pos == m_text.size(); }
    char peek(std::size_t ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
    }
    bool eat(char c)
    {
        if (peek() != c || atEnd())
            return false;
        ++m_pos;
        return true;
    }
    bool eatOneOf(std::string_view chars)
    {
        if (atEnd() || chars.find(peek()) == std::string_view::npos)
            return false;
        ++m_pos;
        return true;
    }
    template<typename Predicate>
    std::size_t eatWhile(Predicate predicate)
    {
        const std::size_t start = m_pos;
        while (!atEnd() && predicate(peek()))
            ++m_pos;
        return m_pos - start;
    }
    bool eatWord(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

// Splits a leading sign off; returns whether it was '-'.
bool takeSign(std::string_view &text)
{
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        const bool negative = text.front() == '-';
        text.remove_prefix(1);
        return negative;
    }
    return false;
}

bool isDigitOrUnderscore(char c)
{
    return isDigit(c) || c == '_';
}

// (?:[eE][-+][0-9]+)? for YAML 1.1, (?:[eE][-+]?[0-9]+)? for YAML 1.2; false if malformed.
bool eatOptionalExponent(Cursor &c, bool signRequired)
{
    if (!c.eatOneOf("eE"))
        return true;
    if (!c.eatOneOf("-+") && signRequired)
        return false;
    return c.eatWhile(isDigit) > 0;
}

// (?::[0-5]?[0-9])+
bool eatSexagesimalParts(Cursor &c)
{
    std::size_t parts = 0;
    while (c.eat(':')) {
        // [0-5]?[0-9]: two digits when the first is 0-5 and a digit follows, else one.
        if (c.peek() >= '0' && c.peek() <= '5' && isDigit(c.peek(1)))
            c.eatOneOf("012345");
        if (!c.eatOneOf("0123456789"))
            return false;
        ++parts;
    }
    return parts > 0;
}

bool matchesInfOrNan(Cursor c, bool signAllowed, std::string_view word)
{
    if (signAllowed)
        c.eatOneOf("-+");
    if (!c.eat('.'))
        return false;
    std::string lower(word);
    std::string title = lower;
    title[0] = static_cast<char>(title[0] - 'a' + 'A');
    if (word == "nan")
        title = "NaN";
    std::string upper = lower;
    for (char &ch : upper)
        ch = static_cast<char>(ch - 'a' + 'A');
    return (c.eatWord(lower) || c.eatWord(title) || c.eatWord(upper)) && c.atEnd();
}

bool isPyFloat(std::string_view text)
{
    {
        Cursor c(text); // [-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?
        c.eatOneOf("-+");
        if (c.eatOneOf("0123456789")) {
            c.eatWhile(isDigitOrUnderscore);
            if (c.eat('.')) {
                c.eatWhile(isDigitOrUnderscore);
                if (eatOptionalExponent(c, true) && c.atEnd())
                    return true;
            }
        }
    }
    {
        Cursor c(text); // \.[0-9_]+(?:[eE][-+][0-9]+)?
        if (c.eat('.') && c.eatWhile(isDigitOrUnderscore) > 0 && eatOptionalExponent(c, true)
            && c.atEnd())
            return true;
    }
    {
        Cursor c(text); // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        c.eatOneOf("-+");
        if (c.eatOneOf("0123456789")) {
            c.eatWhile(isDigitOrUnderscore);
            if (eatSexagesimalParts(c) && c.eat('.')) {
                c.eatWhile(isDigitOrUnderscore);
                if (c.atEnd())
                    return true;
            }
        }
    }
    return matchesInfOrNan(Cursor(text), true, "inf")
        || matchesInfOrNan(Cursor(text), false, "nan");
}

bool allOf(std::string_view text, bool (*predicate)(char))
{
    for (char ch : text)
        if (!predicate(ch))
            return false;
    return true;
}

bool isPyInt(std::string_view text)
{
    std::string_view rest = text;
    takeSign(rest);
    if (rest.starts_with("0b"))
        return rest.size() > 2
            && allOf(rest.substr(2), [](char ch) { return ch == '0' || ch == '1' || ch == '_'; });
    if (rest.starts_with("0x"))
        return rest.size() > 2
            && allOf(rest.substr(2), [](char ch) { return isHexDigit(ch) || ch == '_'; });
    if (rest == "0")
        return true;
    if (rest.size() > 1 && rest[0] == '0')
        return allOf(rest.substr(1), [](char ch) { return (ch >= '0' && ch <= '7') || ch == '_'; });
    if (rest.empty() || rest[0] < '1' || rest[0] > '9')
        return false;
    Cursor c(rest); // [1-9][0-9_]* or [1-9][0-9_]*(?::[0-5]?[0-9])+
    c.eatOneOf("123456789");
    c.eatWhile(isDigitOrUnderscore);
    if (c.atEnd())
        return true;
    return eatSexagesimalParts(c) && c.atEnd();
}

bool eatDigits(Cursor &c, std::size_t least, std::size_t most)
{
    std::size_t count = 0;
    while (count < most && isDigit(c.peek()) && !c.atEnd()) {
        c.eatOneOf("0123456789");
        ++count;
    }
    return count >= least;
}

bool isPyTimestamp(std::string_view text)
{
    {
        Cursor c(text); // [0-9]{4}-[0-9]{2}-[0-9]{2}
        if (eatDigits(c, 4, 4) && c.eat('-') && eatDigits(c, 2, 2) && c.eat('-')
            && eatDigits(c, 2, 2) && c.atEnd())
            return true;
    }
    Cursor c(text);
    if (!(eatDigits(c, 4, 4) && c.eat('-') && eatDigits(c, 1, 2) && c.eat('-')
            && eatDigits(c, 1, 2)))
        return false;
    if (!c.eatOneOf("Tt") && c.eatWhile([](char ch) { return ch == ' ' || ch == '\t'; }) == 0)
        return false;
    if (!(eatDigits(c, 1, 2) && c.eat(':') && eatDigits(c, 2, 2) && c.eat(':')
            && eatDigits(c, 2, 2)))
        return false;
    if (c.eat('.'))
        c.eatWhile(isDigit);
    c.eatWhile([](char ch) { return ch == ' ' || ch == '\t'; });
    if (c.atEnd())
        return true;
    if (c.eat('Z'))
        return c.atEnd();
    if (!c.eatOneOf("-+") || !eatDigits(c, 1, 2))
        return false;
    if (c.eat(':') && !eatDigits(c, 2, 2))
        return false;
    return c.atEnd();
}

bool isCoreInt(std::string_view text)
{
    if (text.starts_with("0o"))
        return text.size() > 2
            && allOf(text.substr(2), [](char ch) { return ch >= '0' && ch <= '7'; });
    if (text.starts_with("0x"))
        return text.size() > 2 && allOf(text.substr(2), isHexDigit);
    Cursor c(text);
    c.eatOneOf("-+");
    return c.eatWhile(isDigit) > 0 && c.atEnd();
}

bool isCoreFloat(std::string_view text)
{
    Cursor c(text); // [-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
    c.eatOneOf("-+");
    bool mantissa = false;
    if (c.eat('.')) {
        mantissa = c.eatWhile(isDigit) > 0;
    } else if (c.eatWhile(isDigit) > 0) {
        mantissa = true;
        if (c.eat('.'))
            c.eatWhile(isDigit);
    }
    if (mantissa && eatOptionalExponent(c, false) && c.atEnd())
        return true;
    return matchesInfOrNan(Cursor(text), true, "inf")
        || matchesInfOrNan(Cursor(text), false, "nan");
}

/// A non-negative integer of any size, in base-10⁹ limbs (least significant first).
class Natural
{
public:
    void multiplyAdd(std::uint32_t factor, std::uint32_t addend)
    {
        std::uint64_t carry = addend;
        for (std::uint32_t &limb : m_limbs) {
            const std::uint64_t product = std::uint64_t {limb} * factor + carry;
            limb = static_cast<std::uint32_t>(product % limbBase);
            carry = product / limbBase;
        }
        while (carry > 0) {
            m_limbs.push_back(static_cast<std::uint32_t>(carry % limbBase));
            carry /= limbBase;
        }
    }

    std::string decimal() const
    {
        if (m_limbs.empty())
            return "0";
        std::string out = std::to_string(m_limbs.back());
        for (std::size_t i = m_limbs.size() - 1; i-- > 0;) {
            const std::string limb = std::to_string(m_limbs[i]);
            out.append(9 - limb.size(), '0');
            out += limb;
        }
        return out;
    }

private:
    static constexpr std::uint64_t limbBase = 1'000'000'000;
    std::vector<std::uint32_t> m_limbs;
};

int digitValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

Result<Value> tooManyDigits()
{
    return Diagnostic::error({}, {},
        "the integer has more than " + std::to_string(maxIntDigits)
            + " digits, more than Python converts to text (Fondant cannot hash it)");
}

/// An int value from its sign and digits in a base (no underscores); an error for no digits.
Result<Value> integerFromDigits(bool negative, std::string_view digits, int base)
{
    if (digits.empty())
        return Diagnostic::error({}, {}, "an integer needs at least one digit");
    while (digits.size() > 1 && digits.front() == '0')
        digits.remove_prefix(1);
    // A decimal text of at most 4,300 digits needs at most 14,286 binary digits.
    if (digits.size() > 4 * maxIntDigits)
        return tooManyDigits();
    std::uint64_t magnitude = 0;
    const auto parsed
        = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
    if (parsed.ec == std::errc() && parsed.ptr == digits.data() + digits.size()) {
        constexpr auto largest
            = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        if (magnitude <= largest)
            return Value(negative ? -static_cast<std::int64_t>(magnitude)
                                  : static_cast<std::int64_t>(magnitude));
        if (negative && magnitude == largest + 1)
            return Value(std::numeric_limits<std::int64_t>::min());
    }
    Natural natural;
    for (char c : digits)
        natural.multiplyAdd(
            static_cast<std::uint32_t>(base), static_cast<std::uint32_t>(digitValue(c)));
    std::string decimal = natural.decimal();
    if (decimal.size() > maxIntDigits)
        return tooManyDigits();
    return Value(BigInt {negative ? "-" + decimal : decimal});
}

std::string withoutUnderscores(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        if (c != '_')
            out += c;
    return out;
}

std::vector<std::string_view> splitColons(std::string_view text)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t colon = text.find(':'); colon != std::string_view::npos;
         colon = text.find(':', start)) {
        parts.push_back(text.substr(start, colon - start));
        start = colon + 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

// PyYAML's construct_yaml_int.
Result<Value> constructPyInt(std::string_view original)
{
    const std::string cleaned = withoutUnderscores(original);
    std::string_view text = cleaned;
    const bool negative = takeSign(text);
    if (text == "0")
        return Value(0);
    if (text.starts_with("0b"))
        return integerFromDigits(negative, text.substr(2), 2);
    if (text.starts_with("0x"))
        return integerFromDigits(negative, text.substr(2), 16);
    if (text.starts_with("0"))
        return integerFromDigits(negative, text, 8);
    if (text.find(':') == std::string_view::npos)
        return integerFromDigits(negative, text, 10);
    // Base 60: the first part may be long, the others are below 60.
    const std::vector<std::string_view> parts = splitColons(text);
    if (parts.front().size() > maxIntDigits)
        return tooManyDigits();
    Natural natural;
    for (char c : parts.front())
        natural.multiplyAdd(10, static_cast<std::uint32_t>(c - '0'));
    for (std::size_t i = 1; i < parts.size(); ++i) {
        std::uint32_t part = 0;
        for (char c : parts[i])
            part = part * 10 + static_cast<std::uint32_t>(c - '0');
        natural.multiplyAdd(60, part);
    }
    const std::string decimal = natural.decimal();
    return integerFromDigits(negative, decimal, 10);
}

Result<Value> notAFloat(std::string_view text)
{
    return Diagnostic::error({}, {}, "cannot read " + std::string(text) + " as a float");
}

// PyYAML's construct_yaml_float (underscores dropped, base 60 allowed) and the YAML 1.2 core
// float(text): lower case, a sign, then .inf, .nan or a number.
Result<Value> constructFloat(std::string_view original, ScalarRules rules)
{
    std::string cleaned
        = rules == ScalarRules::PyYaml11 ? withoutUnderscores(original) : std::string(original);
    for (char &c : cleaned)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view text = cleaned;
    const double sign = takeSign(text) ? -1.0 : 1.0;
    if (text == ".inf")
        return Value(sign * std::numeric_limits<double>::infinity());
    if (text == ".nan")
        return Value(std::numeric_limits<double>::quiet_NaN());
    if (rules == ScalarRules::PyYaml11 && text.find(':') != std::string_view::npos) {
        // Summed from the last part, as PyYAML does: the rounding depends on the order.
        const std::vector<std::string_view> parts = splitColons(text);
        double value = 0.0;
        double base = 1.0;
        for (auto part = parts.rbegin(); part != parts.rend(); ++part) {
            const auto digit = ScalarResolver::parseFloat(*part);
            if (!digit)
                return notAFloat(original);
            value += *digit * base;
            base *= 60;
        }
        return Value(sign * value);
    }
    const auto value = ScalarResolver::parseFloat(text);
    if (!value)
        return notAFloat(original);
    return Value(sign * *value);
}

// The YAML 1.2 core constructors: int(text, 10), int(text[2:], 8 or 16), float(text).
Result<Value> constructCoreInt(std::string_view text)
{
    if (text.starts_with("0o"))
        return integerFromDigits(false, text.substr(2), 8);
    if (text.starts_with("0x"))
        return integerFromDigits(false, text.substr(2), 16);
    const bool negative = takeSign(text);
    return integerFromDigits(negative, text, 10);
}

bool isNullWord(std::string_view text)
{
    return isOneOf(text, {"", "~", "null", "Null", "NULL"});
}

Result<Value> noConstructor(std::string_view tag)
{
    return Diagnostic::error({}, {},
        "PyYAML has no value for the tag '" + std::string(tag) + "' here; put the text in quotes");
}

} // namespace

std::optional<double> ScalarResolver::parseFloat(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ptr != text.data() + text.size())
        return std::nullopt;
    if (result.ec == std::errc::result_out_of_range) {
        // Python gives inf on overflow and the nearest value (0.0 or a subnormal) on underflow:
        // so does strtod in the C locale.
        static const locale_t cLocale = newlocale(LC_ALL_MASK, "C", nullptr);
        const std::string copy(text);
        return strtod_l(copy.c_str(), nullptr, cLocale);
    }
    if (result.ec != std::errc())
        return std::nullopt;
    return value;
}

Result<Value> ScalarResolver::resolvePlain(std::string_view text, ScalarRules rules)
{
    if (isNullWord(text))
        return Value();
    if (rules == ScalarRules::PyYaml11) {
        if (isOneOf(text, {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}))
            return Value(true);
        if (isOneOf(text, {"no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}))
            return Value(false);
        if (isPyFloat(text))
            return constructFloat(text, ScalarRules::PyYaml11);
        if (isPyInt(text))
            return constructPyInt(text);
        if (isPyTimestamp(text))
            return Diagnostic::error({}, {},
                "'" + std::string(text)
                    + "' is read as a date, which Fondant cannot turn into JSON; "
                      "put it in quotes to keep it as text");
        if (text == "=")
            return noConstructor("tag:yaml.org,2002:value");
        if (text == "<<")
            return noConstructor("tag:yaml.org,2002:merge");
        return Value(std::string(text));
    }
    if (isOneOf(text, {"true", "True", "TRUE"}))
        return Value(true);
    if (isOneOf(text, {"false", "False", "FALSE"}))
        return Value(false);
    if (isCoreInt(text))
        return constructCoreInt(text);
    if (isCoreFloat(text))
        return constructFloat(text, ScalarRules::Yaml12Core);
    return Value(std::string(text));
}

Result<Value> ScalarResolver::resolveTagged(
    std::string_view text, std::string_view tag, ScalarRules rules)
{
    const std::string_view prefix = "tag:yaml.org,2002:";
    const std::string_view name = tag.starts_with(prefix) ? tag.substr(prefix.size()) : "";
    if (name == "str")
        return Value(std::string(text));
    if (name == "null")
        return Value();
    if (name == "bool") {
        std::string lower(text);
        for (char &c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (isOneOf(lower, {"yes", "true", "on"}))
            return Value(true);
        if (isOneOf(lower, {"no", "false", "off"}))
            return Value(false);
        return Diagnostic::error({}, {}, "'" + std::string(text) + "' is not a valid bool");
    }
    if (name == "int") {
        const bool valid = rules == ScalarRules::PyYaml11 ? isPyInt(text) : isCoreInt(text);
        if (!valid)
            return Diagnostic::error({}, {}, "'" + std::string(text) + "' is not a valid int");
        return rules == ScalarRules::PyYaml11 ? constructPyInt(text) : constructCoreInt(text);
    }
    if (name == "float") {
        if (rules == ScalarRules::PyYaml11)
            return constructFloat(text, ScalarRules::PyYaml11);
        return constructFloat(text, ScalarRules::Yaml12Core);
    }
    return Diagnostic::error({}, {},
        "unsupported YAML tag '" + std::string(tag)
            + "': Fondant reads only text, numbers, true/false, null, lists and mappings");
}

} // namespace fondant
