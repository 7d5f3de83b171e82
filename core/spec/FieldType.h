// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"
#include "core/value/Value.h"

#include <string>
#include <vector>

namespace fondant {

/// The type of one dataset field, kept in Fondant's normalised form (what Type.to_dict()
/// writes to manifests and operation specs): utf8 becomes string, timestamp becomes
/// {type: string, format: date-time}, struct becomes an object without properties.
class FieldType
{
public:
    /// Reads a type as Fondant's runtime accepts it: a type name or a mapping with "type"
    /// (and "items" / "properties" / "format"). The error explains what is accepted.
    static Result<FieldType> fromValue(const Value &definition);
    static Result<FieldType> fromName(const std::string &name);

    /// The normalised mapping, e.g. {"type": "array", "items": {"type": "float32"}}.
    const Value &toValue() const { return m_normalized; }
    /// Short text for people: "string", "array<float32>", "object{id: string}", "timestamp".
    std::string displayName() const;

    /// Type names a component spec may write (Fondant's JSON schema enum).
    static const std::vector<std::string> &specTypeNames();
    /// Type names Fondant's runtime accepts.
    static const std::vector<std::string> &runtimeTypeNames();
    static bool isTypeName(const std::string &name);

    /// Whether the type is or holds a time-zone-less timestamp (the type word `timestamp`).
    /// It normalises like {type: string, format: date-time}, which stands for a UTC timestamp,
    /// but Fondant (through Arrow) tells the two apart when it compares types.
    bool hasNaiveTimestamp() const { return m_naiveTimestamp; }
    /// The type as a manifest gives it back: written normalised, read again, so every
    /// timestamp in it has the UTC time zone.
    FieldType stored() const { return FieldType(m_normalized); }

    /// Arrow's type equality, as Fondant compares field types.
    friend bool operator==(const FieldType &a, const FieldType &b)
    {
        return a.m_naiveTimestamp == b.m_naiveTimestamp && a.m_normalized.equals(b.m_normalized);
    }

private:
    explicit FieldType(Value normalized, bool naiveTimestamp = false)
        : m_normalized(std::move(normalized)), m_naiveTimestamp(naiveTimestamp)
    { }
    Value m_normalized;
    bool m_naiveTimestamp = false;
};

/// One named field of a dataset schema, in order.
struct Field
{
    std::string name;
    FieldType type;
};
using FieldList = std::vector<Field>;

const Field *findField(const FieldList &fields, const std::string &name);
/// Sets a field like a Python dict: replaced in place when present, appended otherwise.
void setField(FieldList &fields, const std::string &name, const FieldType &type);
std::string fieldNames(const FieldList &fields);

} // namespace fondant
