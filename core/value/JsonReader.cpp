// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/value/JsonReader.h"

#include "core/value/Utf8.h"
#include "core/yaml/YamlReader.h"

#include <nlohmann/json.hpp>

#include <limits>

namespace fondant {

namespace {

using Json = nlohmann::ordered_json;

SourceMark markOfOffset(std::string_view text, std::size_t offset)
{
    SourceMark mark {1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++mark.line;
            mark.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) {
            ++mark.column;
        }
    }
    return mark;
}

// Checks nesting before building the tree, so conversion below cannot recurse too deeply.
std::optional<std::size_t> offsetBeyondDepth(std::string_view text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

Value toValue(const Json &json)
{
    switch (json.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
        return Value();
    case Json::value_t::boolean:
        return Value(json.get<bool>());
    case Json::value_t::number_integer:
        return Value(json.get<std::int64_t>());
    case Json::value_t::number_unsigned: {
        const auto u = json.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return Value(static_cast<double>(u));
        return Value(static_cast<std::int64_t>(u));
    }
    case Json::value_t::number_float:
        return Value(json.get<double>());
    case Json::value_t::string:
        return Value(json.get<std::string>());
    case Json::value_t::array: {
        Value array = Value::array();
        for (const Json &item : json)
            array.append(toValue(item));
        return array;
    }
    case Json::value_t::object: {
        Value object = Value::object();
        for (auto it = json.begin(); it != json.end(); ++it)
            object.set(it.key(), toValue(it.value()));
        return object;
    }
    case Json::value_t::binary:
        break;
    }
    return Value();
}

} // namespace

Result<Value> JsonReader::parse(std::string_view text, const std::string &fileName)
{
    if (const auto bad = utf8::firstInvalid(text))
        return Diagnostic::error(fileName, *bad, "the file is not valid UTF-8 text");
    if (const auto offset = offsetBeyondDepth(text, maxDepth))
        return Diagnostic::error(fileName, markOfOffset(text, *offset),
            "the JSON nests deeper than " + std::to_string(maxDepth) + " levels");
    try {
        const Json json = Json::parse(text.begin(), text.end());
        return toValue(json);
    } catch (const Json::parse_error &error) {
        std::string message = error.what();
        if (const auto pos = message.find("parse error"); pos != std::string::npos)
            message = message.substr(pos);
        return Diagnostic::error(fileName, markOfOffset(text, error.byte > 0 ? error.byte - 1 : 0),
            "JSON syntax error: " + message);
    } catch (const std::exception &error) {
        return Diagnostic::error(
            fileName, {}, std::string("cannot read the JSON text: ") + error.what());
    }
}

Result<Value> JsonReader::readFile(const QString &path, qint64 maxBytes)
{
    Result<std::string> text = readTextFile(path, maxBytes);
    if (!text.ok())
        return text.takeDiagnostics();
    return parse(text.value(), path.toStdString());
}

} // namespace fondant
