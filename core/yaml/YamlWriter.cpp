// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/yaml/YamlWriter.h"

#include "core/value/PyJson.h"
#include "core/value/Utf8.h"
#include "core/value/Value.h"
#include "core/yaml/YamlReader.h"

#include <cmath>
#include <cstdio>

namespace fondant {

namespace {

bool readsBackAsText(const std::string &text, ScalarRules rules)
{
    Result<Value> value = ScalarResolver::resolvePlain(text, rules);
    return value.ok() && value.value().isString() && value.value().toString() == text;
}

// Characters a YAML file may hold as they are: printable, and not a line break of YAML 1.1
// (NEL, LS, PS), which a reader would fold even inside quotes.
bool isWritableAsIs(char32_t c)
{
    if (c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF)
        return false;
    return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

bool allWritableAsIs(const std::string &text)
{
    std::size_t pos = 0;
    while (pos < text.size())
        if (!isWritableAsIs(utf8::decode(text, pos)))
            return false;
    return true;
}

// A double-quoted YAML scalar: escapes for quotes, backslashes and every character that may not
// stand as it is; the rest stays readable UTF-8.
std::string doubleQuoted(const std::string &text)
{
    std::string out = "\"";
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t c = utf8::decode(text, pos);
        char escape[16];
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (isWritableAsIs(c)) {
            out.append(text, start, pos - start);
        } else if (c <= 0xFFFF) {
            std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(c));
            out += escape;
        } else {
            std::snprintf(escape, sizeof escape, "\\U%08X", static_cast<unsigned>(c));
            out += escape;
        }
    }
    return out + "\"";
}

// Whether text reads back as itself without quotes. Commas and brackets end a plain scalar in
// flow context ([a, b], {k: v}) only.
bool canBePlain(const std::string &text, bool inFlow)
{
    if (text.empty() || text.size() > 200)
        return false;
    const std::string indicators = "-?:,[]{}#&*!|>'\"%@`";
    if (indicators.find(text.front()) != std::string::npos || text.front() == ' '
        || text.back() == ' ' || text.back() == ':')
        return false;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return false;
        if (inFlow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}'))
            return false;
    }
    if (text.find(": ") != std::string::npos || text.find(" #") != std::string::npos
        || !allWritableAsIs(text))
        return false;
    return readsBackAsText(text, ScalarRules::Yaml12Core)
        && readsBackAsText(text, ScalarRules::PyYaml11);
}

std::string floatText(double value)
{
    if (std::isnan(value))
        return ".nan";
    if (std::isinf(value))
        return value > 0 ? ".inf" : "-.inf";
    std::string repr = PyJson::floatRepr(value);
    const std::size_t e = repr.find('e');
    if (e != std::string::npos && repr.find('.') == std::string::npos)
        repr.insert(e, ".0"); // "1e-05" is text to PyYAML; "1.0e-05" is a float everywhere
    return repr;
}

// YAML readers (libyaml, PyYAML) refuse an implicit key longer than 1,024 characters; a longer
// one is written as an explicit key ("? key").
constexpr std::size_t longestImplicitKey = 1000;

std::string keyWithColon(const std::string &key, int indent)
{
    if (key.size() <= longestImplicitKey)
        return key + ":";
    return "? " + key + "\n" + std::string(static_cast<std::size_t>(indent), ' ') + ":";
}

void appendIndent(std::string &out, int indent)
{
    out.append(static_cast<std::size_t>(indent), ' ');
}

bool isBlockContainer(const Value &value)
{
    return (value.isObject() || value.isArray()) && value.size() > 0;
}

void appendBlock(std::string &out, const Value &value, int indent);

void appendItem(std::string &out, const Value &item, int indent)
{
    appendIndent(out, indent);
    out += "-";
    if (item.isObject() && item.size() > 0) {
        // First key on the dash line, the rest aligned under it.
        bool first = true;
        for (const Member &member : item.members()) {
            if (first) {
                std::string nested;
                YamlWriter::appendMember(nested, member, indent + 2);
                out += " " + nested.substr(static_cast<std::size_t>(indent + 2));
                first = false;
            } else {
                YamlWriter::appendMember(out, member, indent + 2);
            }
        }
    } else if (item.isArray() && item.size() > 0) {
        out += "\n";
        appendBlock(out, item, indent + 2);
    } else {
        out += " " + YamlWriter::scalar(item) + "\n";
    }
}

void appendBlock(std::string &out, const Value &value, int indent)
{
    if (value.isObject()) {
        for (const Member &member : value.members())
            YamlWriter::appendMember(out, member, indent);
    } else {
        for (const Value &item : value.items())
            appendItem(out, item, indent);
    }
}

} // namespace

std::string YamlWriter::text(const std::string &text)
{
    return canBePlain(text, false) ? text : doubleQuoted(text);
}

std::string YamlWriter::flowText(const std::string &text)
{
    return canBePlain(text, true) ? text : doubleQuoted(text);
}

std::string YamlWriter::key(const std::string &key)
{
    return text(key);
}

std::string YamlWriter::key(const Member &member)
{
    // A key read as a number, true/false or null is written as one, so it reads back the same.
    if (member.keyKind == Value::Kind::String)
        return text(member.key);
    return scalar(member.keyValue());
}

std::string YamlWriter::scalar(const Value &value)
{
    switch (value.kind()) {
    case Value::Kind::Null:
        return "null";
    case Value::Kind::Bool:
        return value.toBool() ? "true" : "false";
    case Value::Kind::Int:
        return value.intText();
    case Value::Kind::Float:
        return floatText(value.toDouble());
    case Value::Kind::String:
        return text(value.toString());
    case Value::Kind::Array:
    case Value::Kind::Object:
        return flow(value);
    }
    return "null";
}

std::string YamlWriter::flow(const Value &value)
{
    if (value.isArray()) {
        std::string out = "[";
        for (std::size_t i = 0; i < value.items().size(); ++i)
            out += (i ? ", " : "") + flow(value.items()[i]);
        return out + "]";
    }
    if (value.isObject()) {
        std::string out = "{";
        bool first = true;
        for (const Member &member : value.members()) {
            const std::string name = member.keyKind == Value::Kind::String
                ? flowText(member.key)
                : scalar(member.keyValue());
            out += first ? "" : ", ";
            out += name.size() > longestImplicitKey ? "? " : "";
            out += name + ": " + flow(member.value);
            first = false;
        }
        return out + "}";
    }
    return value.isString() ? flowText(value.toString()) : scalar(value);
}

void YamlWriter::appendMember(
    std::string &out, const std::string &name, const Value &value, int indent)
{
    appendMember(out, Member {name, value, {}}, indent);
}

void YamlWriter::appendMember(std::string &out, const Member &member, int indent)
{
    const Value &value = member.value;
    appendIndent(out, indent);
    out += keyWithColon(key(member), indent);
    if (isBlockContainer(value)) {
        out += "\n";
        appendBlock(out, value, value.isArray() ? indent + 2 : indent + 2);
    } else {
        out += " " + scalar(value) + "\n";
    }
}

} // namespace fondant
