// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/spec/FieldType.h"

#include <algorithm>

namespace fondant {

namespace {

std::string joinNames(const std::vector<std::string> &names)
{
    std::string text;
    for (const std::string &name : names) {
        if (!text.empty())
            text += ", ";
        text += name;
    }
    return text;
}

Value typeDict(const std::string &name)
{
    Value dict = Value::object();
    dict.set("type", name);
    return dict;
}

Diagnostic typeError(const std::string &message)
{
    return Diagnostic::error({}, {}, message);
}

} // namespace

const std::vector<std::string> &FieldType::specTypeNames()
{
    static const std::vector<std::string> names {"bool", "int8", "int16", "int32", "int64", "uint8",
        "uint16", "uint32", "uint64", "float16", "float32", "float64", "decimal", "time32",
        "time64", "timestamp", "date32", "date64", "duration", "utf8", "string", "binary", "list",
        "struct", "array", "object"};
    return names;
}

const std::vector<std::string> &FieldType::runtimeTypeNames()
{
    static const std::vector<std::string> names {"null", "bool", "int8", "int16", "int32", "int64",
        "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64", "decimal128",
        "time32", "time64", "timestamp", "date32", "date64", "duration", "string", "struct", "utf8",
        "binary", "large_binary", "large_utf8"};
    return names;
}

bool FieldType::isTypeName(const std::string &name)
{
    const auto &names = runtimeTypeNames();
    return name == "array" || name == "object"
        || std::find(names.begin(), names.end(), name) != names.end();
}

Result<FieldType> FieldType::fromName(const std::string &name)
{
    const auto &names = runtimeTypeNames();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        std::string message = "'" + name + "' is not a field type Fondant knows";
        if (name == "list")
            message += "; use {type: array, items: ...}";
        else if (name == "decimal")
            message += "; use decimal128";
        else if (name == "array" || name == "object")
            message = "type '" + name + "' needs " + (name == "array" ? "'items'" : "'properties'");
        else
            message += " (known: " + joinNames(names) + ", array, object)";
        return typeError(message);
    }
    if (name == "utf8")
        return FieldType(typeDict("string"));
    if (name == "timestamp") {
        Value dict = typeDict("string");
        dict.set("format", "date-time");
        return FieldType(std::move(dict), true);
    }
    if (name == "struct") {
        Value dict = typeDict("object");
        dict.set("properties", Value::object());
        return FieldType(std::move(dict));
    }
    return FieldType(typeDict(name));
}

Result<FieldType> FieldType::fromValue(const Value &definition)
{
    if (definition.isString())
        return fromName(definition.toString());
    if (!definition.isObject())
        return typeError("a field type must be a type name or a mapping with 'type', not "
            + definition.describe());
    const Value *type = definition.find("type");
    if (!type || !type->isString())
        return typeError("a field type mapping needs a 'type' key with a type name");
    const std::string &name = type->toString();
    if (name == "array") {
        const Value *items = definition.find("items");
        if (!items || !(items->isObject() || items->isString()))
            return typeError("an array type needs 'items': the type of its elements");
        Result<FieldType> itemType = fromValue(*items);
        if (!itemType.ok())
            return itemType.takeDiagnostics();
        Value dict = typeDict("array");
        dict.set("items", itemType.value().toValue());
        return FieldType(std::move(dict), itemType.value().hasNaiveTimestamp());
    }
    if (name == "object") {
        const Value *properties = definition.find("properties");
        if (!properties || !properties->isObject())
            return typeError("an object type needs 'properties': a mapping of sub-field types");
        Value normalizedProperties = Value::object();
        bool naiveTimestamp = false;
        for (const Member &member : properties->members()) {
            Result<FieldType> propertyType = fromValue(member.value);
            if (!propertyType.ok())
                return propertyType.takeDiagnostics();
            normalizedProperties.set(member.key, propertyType.value().toValue());
            naiveTimestamp = naiveTimestamp || propertyType.value().hasNaiveTimestamp();
        }
        Value dict = typeDict("object");
        dict.set("properties", std::move(normalizedProperties));
        return FieldType(std::move(dict), naiveTimestamp);
    }
    // Fondant looks at the format before the name: any other type with format date-time is a
    // UTC timestamp too.
    const Value *format = definition.find("format");
    if (format && format->isString() && format->toString() == "date-time")
        return fromName("timestamp").value().stored();
    return fromName(name);
}

std::string FieldType::displayName() const
{
    const std::string &name = m_normalized.find("type")->toString();
    if (name == "array")
        return "array<" + FieldType(*m_normalized.find("items")).displayName() + ">";
    if (name == "object") {
        std::string text = "object{";
        bool first = true;
        for (const Member &member : m_normalized.find("properties")->members()) {
            if (!first)
                text += ", ";
            first = false;
            text += member.key + ": " + FieldType(member.value).displayName();
        }
        return text + "}";
    }
    if (name == "string" && m_normalized.contains("format"))
        return m_naiveTimestamp ? "timestamp" : "timestamp (UTC)";
    return name;
}

const Field *findField(const FieldList &fields, const std::string &name)
{
    auto it = std::find_if(
        fields.begin(), fields.end(), [&](const Field &f) { return f.name == name; });
    return it == fields.end() ? nullptr : &*it;
}

void setField(FieldList &fields, const std::string &name, const FieldType &type)
{
    auto it = std::find_if(
        fields.begin(), fields.end(), [&](const Field &f) { return f.name == name; });
    if (it != fields.end())
        it->type = type;
    else
        fields.push_back(Field {name, type});
}

std::string fieldNames(const FieldList &fields)
{
    std::string text;
    for (const Field &field : fields) {
        if (!text.empty())
            text += ", ";
        text += field.name;
    }
    return text.empty() ? "(none)" : text;
}

} // namespace fondant
