// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/yaml/YamlWriter.h"

#include "core/value/PyJson.h"
#include "core/value/Value.h"
#include "core/yaml/YamlReader.h"

#include <cmath>

namespace fondant {

namespace {

bool readsBackAsText(const std::string &text, ScalarRules rules)
{
    Result<Value> value = YamlReader::resolvePlainScalar(text, rules);
    return value.ok() && value.value().isString() && value.value().toString() == text;
}

bool canBePlain(const std::string &text)
{
    if (text.empty() || text.size() > 200)
        return false;
    const std::string indicators = "-?:,[]{}#&*!|>'\"%@`";
    if (indicators.find(text.front()) != std::string::npos || text.front() == ' '
        || text.back() == ' ' || text.back() == ':')
        return false;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f || c == ',' || c == '[' || c == ']' || c == '{' || c == '}')
            return false;
    }
    if (text.find(": ") != std::string::npos || text.find(" #") != std::string::npos)
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
                YamlWriter::appendMember(nested, member.key, member.value, indent + 2);
                out += " " + nested.substr(static_cast<std::size_t>(indent + 2));
                first = false;
            } else {
                YamlWriter::appendMember(out, member.key, member.value, indent + 2);
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
            YamlWriter::appendMember(out, member.key, member.value, indent);
    } else {
        for (const Value &item : value.items())
            appendItem(out, item, indent);
    }
}

} // namespace

std::string YamlWriter::text(const std::string &text)
{
    return canBePlain(text) ? text : PyJson::quote(text, PyJson::Ascii::Keep);
}

std::string YamlWriter::key(const std::string &key)
{
    return text(key);
}

std::string YamlWriter::scalar(const Value &value)
{
    switch (value.kind()) {
    case Value::Kind::Null:
        return "null";
    case Value::Kind::Bool:
        return value.toBool() ? "true" : "false";
    case Value::Kind::Int:
        return std::to_string(value.toInt());
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
            out += (first ? "" : ", ") + key(member.key) + ": " + flow(member.value);
            first = false;
        }
        return out + "}";
    }
    return scalar(value);
}

void YamlWriter::appendMember(
    std::string &out, const std::string &name, const Value &value, int indent)
{
    appendIndent(out, indent);
    out += key(name) + ":";
    if (isBlockContainer(value)) {
        out += "\n";
        appendBlock(out, value, value.isArray() ? indent + 2 : indent + 2);
    } else {
        out += " " + scalar(value) + "\n";
    }
}

} // namespace fondant
