// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/value/Value.h"

#include "core/value/PyJson.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

namespace fondant {

namespace {

// Locale-independent text → double (a big int's decimal text, a float key's repr).
double parseDouble(const std::string &text)
{
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

} // namespace

Value::Kind Value::kind() const
{
    if (isBigInt())
        return Kind::Int;
    return static_cast<Kind>(m_data.index());
}

std::string Value::intText() const
{
    if (isBigInt())
        return std::get<BigInt>(m_data).decimal;
    return std::to_string(toInt());
}

std::int64_t Value::toSaturatedInt() const
{
    if (!isBigInt())
        return toInt();
    return intText().front() == '-' ? std::numeric_limits<std::int64_t>::min()
                                    : std::numeric_limits<std::int64_t>::max();
}

double Value::toDouble() const
{
    if (isBigInt())
        return parseDouble(std::get<BigInt>(m_data).decimal);
    if (isInt())
        return static_cast<double>(toInt());
    if (isBool())
        return toBool() ? 1.0 : 0.0;
    return std::get<double>(m_data);
}

bool Value::isTruthy() const
{
    switch (kind()) {
    case Kind::Null:
        return false;
    case Kind::Bool:
        return toBool();
    case Kind::Int:
        return isBigInt() || toInt() != 0;
    case Kind::Float:
        return toDouble() != 0.0;
    case Kind::String:
        return !toString().empty();
    case Kind::Array:
        return !items().empty();
    case Kind::Object:
        return !members().empty();
    }
    return false;
}

std::size_t Value::size() const
{
    if (isArray())
        return items().size();
    if (isObject())
        return members().size();
    return 0;
}

const Member *Value::findMember(std::string_view key) const
{
    if (!isObject())
        return nullptr;
    const Object &object = members();
    auto it
        = std::find_if(object.begin(), object.end(), [&](const Member &m) { return m.key == key; });
    return it == object.end() ? nullptr : &*it;
}

const Value *Value::find(std::string_view key) const
{
    const Member *member = findMember(key);
    return member ? &member->value : nullptr;
}

Value *Value::find(std::string_view key)
{
    return const_cast<Value *>(std::as_const(*this).find(key));
}

void Value::set(std::string key, Value value, SourceMark keyMark)
{
    if (!isObject())
        m_data = Object {};
    if (Value *existing = find(key)) {
        *existing = std::move(value);
        return;
    }
    members().push_back(Member {std::move(key), std::move(value), keyMark});
}

void Value::appendMember(Member member)
{
    if (!isObject())
        m_data = Object {};
    members().push_back(std::move(member));
}

bool Value::remove(std::string_view key)
{
    if (!isObject())
        return false;
    Object &object = members();
    auto it
        = std::find_if(object.begin(), object.end(), [&](const Member &m) { return m.key == key; });
    if (it == object.end())
        return false;
    object.erase(it);
    return true;
}

bool Value::equals(const Value &other) const
{
    const bool numeric = (isNumber() || isBool()) && (other.isNumber() || other.isBool());
    if (numeric) {
        if (isBigInt() || other.isBigInt()) {
            if (isBigInt() && other.isBigInt())
                return intText() == other.intText();
            // A big int equals no 64-bit int, and a float only when the float is that integer.
            const Value &big = isBigInt() ? *this : other;
            const Value &small = isBigInt() ? other : *this;
            return small.isFloat() && big.toDouble() == small.toDouble()
                && std::fabs(small.toDouble()) >= 9.2e18;
        }
        if ((isInt() || isBool()) && (other.isInt() || other.isBool())) {
            const std::int64_t a = isBool() ? std::int64_t {toBool()} : toInt();
            const std::int64_t b = other.isBool() ? std::int64_t {other.toBool()} : other.toInt();
            return a == b;
        }
        return toDouble() == other.toDouble();
    }
    if (kind() != other.kind())
        return false;
    switch (kind()) {
    case Kind::Null:
        return true;
    case Kind::String:
        return toString() == other.toString();
    case Kind::Array:
        return std::equal(items().begin(), items().end(), other.items().begin(),
            other.items().end(), [](const Value &a, const Value &b) { return a.equals(b); });
    case Kind::Object: {
        if (members().size() != other.members().size())
            return false;
        return std::all_of(members().begin(), members().end(), [&](const Member &m) {
            const Value *theirs = other.find(m.key);
            return theirs && m.value.equals(*theirs);
        });
    }
    default:
        return false;
    }
}

const char *Value::pythonTypeName() const
{
    switch (kind()) {
    case Kind::Null:
        return "NoneType";
    case Kind::Bool:
        return "bool";
    case Kind::Int:
        return "int";
    case Kind::Float:
        return "float";
    case Kind::String:
        return "str";
    case Kind::Array:
        return "list";
    case Kind::Object:
        return "dict";
    }
    return "object";
}

Value Member::keyValue() const
{
    switch (keyKind) {
    case Value::Kind::Null:
        return Value();
    case Value::Kind::Bool:
        return Value(key == "true");
    case Value::Kind::Int: {
        std::int64_t number = 0;
        const auto result = std::from_chars(key.data(), key.data() + key.size(), number);
        if (result.ec == std::errc() && result.ptr == key.data() + key.size())
            return Value(number);
        return Value(BigInt {key});
    }
    case Value::Kind::Float:
        if (key == "Infinity" || key == "-Infinity")
            return Value(key.front() == '-' ? -std::numeric_limits<double>::infinity()
                                            : std::numeric_limits<double>::infinity());
        if (key == "NaN")
            return Value(std::numeric_limits<double>::quiet_NaN());
        return Value(parseDouble(key));
    default:
        return Value(key);
    }
}

std::string Value::describe() const
{
    return PyJson::dumps(*this, PyJson::KeyOrder::Insertion, PyJson::Ascii::Keep);
}

} // namespace fondant
