// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Diagnostic.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace fondant {

struct Member;

/// An integer outside the 64-bit range, kept exactly as Python keeps it: its decimal text.
struct BigInt
{
    std::string decimal; ///< e.g. "-18446744073709551616"; never fits in 64 bits
    friend bool operator==(const BigInt &, const BigInt &) = default;
};

/// A JSON-like value as Python sees it after yaml.safe_load or json.loads: null, bool, int,
/// float, string, list or dict (insertion ordered), with the place it was read from.
class Value
{
public:
    enum class Kind { Null, Bool, Int, Float, String, Array, Object };
    using Array = std::vector<Value>;
    using Object = std::vector<Member>;

    Value();
    Value(std::nullptr_t);
    Value(bool b);
    Value(int i);
    Value(std::int64_t i);
    Value(BigInt i);
    Value(double d);
    Value(const char *s);
    Value(std::string s);
    Value(std::string_view s);
    Value(Array items);
    Value(Object members);

    static Value object();
    /// An object of these members, in the map's order (keys sorted by their bytes, as Python
    /// sorts text keys).
    static Value object(std::map<std::string, Value> members);
    static Value array();

    Kind kind() const;
    bool isNull() const { return kind() == Kind::Null; }
    bool isBool() const { return kind() == Kind::Bool; }
    bool isInt() const { return kind() == Kind::Int; }
    /// An int outside the 64-bit range (kept as decimal text); toInt() is not available for it.
    bool isBigInt() const { return std::holds_alternative<BigInt>(m_data); }
    bool isFloat() const { return kind() == Kind::Float; }
    bool isNumber() const { return isInt() || isFloat(); }
    bool isString() const { return kind() == Kind::String; }
    bool isArray() const { return kind() == Kind::Array; }
    bool isObject() const { return kind() == Kind::Object; }

    bool toBool() const { return std::get<bool>(m_data); }
    /// The value of an int within 64 bits (not for big ints).
    std::int64_t toInt() const { return std::get<std::int64_t>(m_data); }
    /// The decimal text of any int, as Python's str() writes it.
    std::string intText() const;
    /// Any int as 64 bits, big ones saturated to the nearest end of the range (for editors).
    std::int64_t toSaturatedInt() const;
    double toDouble() const;
    const std::string &toString() const { return std::get<std::string>(m_data); }
    const Array &items() const { return std::get<Array>(m_data); }
    Array &items() { return std::get<Array>(m_data); }
    const Object &members() const { return std::get<Object>(m_data); }
    Object &members() { return std::get<Object>(m_data); }

    /// Python truthiness: null, false, 0, 0.0, "" and empty containers are false.
    bool isTruthy() const;
    /// Number of items or members; 0 for scalars.
    std::size_t size() const;

    /// The member with this key, or nullptr (objects only; null for other kinds).
    const Value *find(std::string_view key) const;
    Value *find(std::string_view key);
    const Member *findMember(std::string_view key) const;
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    /// Sets a member like a Python dict: an existing key keeps its place, a new key goes last.
    void set(std::string key, Value value, SourceMark keyMark = {});
    /// Appends a member whose key the caller knows to be new (no lookup).
    void appendMember(Member member);
    bool remove(std::string_view key);
    void append(Value item);

    SourceMark mark() const { return m_mark; }
    void setMark(SourceMark mark) { m_mark = mark; }
    /// Whether the value was read from a YAML alias (*name): in Python it is the very object
    /// the anchor names, not a copy.
    bool isAlias() const { return m_alias; }
    void setAlias(bool alias) { m_alias = alias; }

    /// Python equality: 1 == 1.0 and True == 1, dicts compare without order, marks ignored.
    bool equals(const Value &other) const;
    /// Python type name of the value: NoneType, bool, int, float, str, list, dict.
    const char *pythonTypeName() const;
    /// Short text for messages: strings quoted, containers as compact JSON.
    std::string describe() const;

    friend bool operator==(const Value &a, const Value &b) { return a.equals(b); }

private:
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Array, Object, BigInt>
        m_data;
    SourceMark m_mark;
    bool m_alias = false;
};

/// One key of an object, with the place of the key itself. A YAML key need not be text
/// (`9:`, `true:`, `1.5:`, `null:`): key holds the text json.dumps writes for it and keyKind the
/// Python type it had, which decides how Python sorts it.
struct Member
{
    std::string key;
    Value value;
    SourceMark keyMark;
    Value::Kind keyKind = Value::Kind::String; ///< String, Int, Float, Bool or Null

    /// The key as the value it was written as (9, true, 1.5, null or the text).
    Value keyValue() const;
};

// The constructors build the variant, which needs Member complete: they are defined here.
inline Value::Value() = default;
inline Value::Value(std::nullptr_t) { }
inline Value::Value(bool b) : m_data(b) { }
inline Value::Value(int i) : m_data(std::int64_t {i}) { }
inline Value::Value(std::int64_t i) : m_data(i) { }
inline Value::Value(BigInt i) : m_data(std::move(i)) { }
inline Value::Value(double d) : m_data(d) { }
inline Value::Value(const char *s) : m_data(std::string(s)) { }
inline Value::Value(std::string s) : m_data(std::move(s)) { }
inline Value::Value(std::string_view s) : m_data(std::string(s)) { }
inline Value::Value(Array items) : m_data(std::move(items)) { }
inline Value::Value(Object members) : m_data(std::move(members)) { }

inline Value Value::object()
{
    return Value(Object {});
}

inline Value Value::object(std::map<std::string, Value> members)
{
    Object object;
    object.reserve(members.size());
    for (auto &[key, value] : members)
        object.push_back(Member {key, std::move(value), {}});
    return Value(std::move(object));
}

inline Value Value::array()
{
    return Value(Array {});
}

inline void Value::append(Value item)
{
    items().push_back(std::move(item));
}

} // namespace fondant
