// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/value/JsonReader.h"

#include "core/value/Utf8.h"
#include "core/yaml/YamlReader.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <unordered_map>
#include <vector>

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

// Builds Values straight from the parser's events, with no tree in between. A repeated key
// keeps its first place and takes the last value, as Python's json.loads does.
// What NaN and Infinity stand in as while nlohmann's reader reads the text: numbers in a
// spelling Python's json never writes (a five-digit exponent of zero).
constexpr const char *nanStandIn = "2e+00000";
constexpr const char *infinityStandIn = "1e+00000";

class ValueBuilder
{
public:
    bool null() { return add(Value()); }
    bool boolean(bool b) { return add(Value(b)); }
    bool number_integer(Json::number_integer_t i) { return add(Value(std::int64_t {i})); }
    // Python's json keeps integers of any size exactly.
    bool number_unsigned(Json::number_unsigned_t u)
    {
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return add(Value(BigInt {std::to_string(u)}));
        return add(Value(static_cast<std::int64_t>(u)));
    }
    bool number_float(Json::number_float_t d, const Json::string_t &text)
    {
        if (text.find_first_of(".eE") == std::string::npos)
            return add(Value(BigInt {text}));
        if (text == nanStandIn)
            return add(Value(std::nan("")));
        if (text == infinityStandIn || text == std::string("-") + infinityStandIn)
            return add(Value(text[0] == '-' ? -std::numeric_limits<double>::infinity()
                                            : std::numeric_limits<double>::infinity()));
        return add(Value(d));
    }
    bool string(Json::string_t &s) { return add(Value(std::move(s))); }
    bool binary(Json::binary_t &) { return add(Value()); }
    bool start_object(std::size_t)
    {
        m_open.push_back({Value::object(), {}, {}});
        return true;
    }
    bool key(Json::string_t &key)
    {
        m_open.back().key = std::move(key);
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t)
    {
        m_open.push_back({Value::array(), {}, {}});
        return true;
    }
    bool end_array() { return close(); }
    bool parse_error(
        std::size_t byte, const std::string &, const nlohmann::detail::exception &error)
    {
        m_errorByte = byte;
        m_error = error.what();
        return false;
    }

    Value takeRoot() { return std::move(m_root); }
    bool tooManyValues() const { return m_values > JsonReader::maxValues; }
    std::size_t errorByte() const { return m_errorByte; }
    const std::string &error() const { return m_error; }

private:
    // Objects this size and larger find repeated keys through an index, not a scan.
    static constexpr std::size_t indexedMembers = 16;

    struct Container
    {
        Value value;
        std::string key; ///< of the member whose value comes next
        std::unordered_map<std::string, std::size_t> positions; ///< of large objects' keys
    };

    bool add(Value value)
    {
        if (++m_values > JsonReader::maxValues)
            return false;
        if (m_open.empty()) {
            m_root = std::move(value);
            return true;
        }
        Container &open = m_open.back();
        if (open.value.isArray()) {
            open.value.append(std::move(value));
            return true;
        }
        Value::Object &members = open.value.members();
        if (members.size() < indexedMembers) {
            if (Value *existing = open.value.find(open.key)) {
                *existing = std::move(value);
                return true;
            }
        } else {
            if (open.positions.empty())
                for (std::size_t i = 0; i < members.size(); ++i)
                    open.positions.emplace(members[i].key, i);
            const auto [position, added] = open.positions.emplace(open.key, members.size());
            if (!added) {
                members[position->second].value = std::move(value);
                return true;
            }
        }
        members.push_back(Member {std::move(open.key), std::move(value), {}});
        return true;
    }

    bool close()
    {
        Value value = std::move(m_open.back().value);
        m_open.pop_back();
        return add(std::move(value));
    }

    std::vector<Container> m_open;
    Value m_root;
    std::size_t m_values = 0;
    std::size_t m_errorByte = 0;
    std::string m_error;
};

// Python's json reads NaN, Infinity and -Infinity, which JSON has not: outside strings they
// become numbers JSON has, which the builder knows.
std::string withPythonConstantsAsNumbers(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size())
                out += text[++i];
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (text.substr(i, 3) == "NaN") {
            out += nanStandIn;
            i += 2;
        } else if (text.substr(i, 8) == "Infinity") {
            out += infinityStandIn;
            i += 7;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

Result<Value> JsonReader::parse(std::string_view given, const std::string &fileName)
{
    const bool pythonConstants = given.find("NaN") != std::string_view::npos
        || given.find("Infinity") != std::string_view::npos;
    const std::string replaced
        = pythonConstants ? withPythonConstantsAsNumbers(given) : std::string();
    const std::string_view text = pythonConstants ? std::string_view(replaced) : given;
    if (const auto bad = utf8::firstInvalid(text))
        return Diagnostic::error(fileName, *bad, "the file is not valid UTF-8 text");
    // nlohmann's reader would stop at a NUL byte as at the end of the text.
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
        return Diagnostic::error(
            fileName, markOfOffset(text, nul), "a NUL byte, which JSON text never holds");
    if (const auto offset = offsetBeyondDepth(text, maxDepth))
        return Diagnostic::error(fileName, markOfOffset(text, *offset),
            "the JSON nests deeper than " + std::to_string(maxDepth) + " levels");
    try {
        ValueBuilder builder;
        if (Json::sax_parse(text.begin(), text.end(), &builder))
            return builder.takeRoot();
        if (builder.tooManyValues())
            return Diagnostic::error(fileName, {},
                "the JSON holds more than " + std::to_string(maxValues)
                    + " values, more than any file read here needs");
        std::string message = builder.error();
        if (const auto pos = message.find("parse error"); pos != std::string::npos)
            message = message.substr(pos);
        const std::size_t byte = builder.errorByte();
        return Diagnostic::error(
            fileName, markOfOffset(text, byte > 0 ? byte - 1 : 0), "JSON syntax error: " + message);
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
