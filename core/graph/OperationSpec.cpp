// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/OperationSpec.h"

#include "core/value/PyJson.h"

#include <algorithm>

namespace fondant {

namespace {

Diagnostic mappingError(
    const std::string &section, const std::string &field, const std::string &message)
{
    Diagnostic diagnostic = Diagnostic::error({}, {}, message);
    diagnostic.fieldPath = section + "." + field;
    return diagnostic;
}

Value mappingValue(const FieldMapping &mapping)
{
    Value value = Value::object();
    for (const FieldMappingEntry &entry : mapping)
        value.set(entry.name, entry.isRename() ? Value(entry.rename) : entry.type->toValue());
    return value;
}

Value fieldsValue(const FieldList &fields)
{
    Value value = Value::object();
    for (const Field &field : fields)
        value.set(field.name, field.type.toValue());
    return value;
}

// §2.2: the operation schema adds typed entries to the spec's fields; the dataset schema then
// applies the renames (renamed fields move to the end).
void deriveSchemas(const std::string &section, const FieldList &specFields, const Value &mapping,
    FieldList &operationSchema, FieldList &datasetSchema, Diagnostics &errors)
{
    operationSchema = specFields;
    for (const Member &entry : mapping.members()) {
        if (entry.value.isString())
            continue;
        Result<FieldType> type = FieldType::fromValue(entry.value);
        if (!type.ok()) {
            errors.push_back(mappingError(section, entry.key, type.errorMessage()));
            continue;
        }
        const Field *existing = findField(operationSchema, entry.key);
        if (!existing) {
            operationSchema.push_back(Field {entry.key, type.value()});
        } else if (!(existing->type == type.value())) {
            errors.push_back(mappingError(section, entry.key,
                "'" + entry.key + "' is typed " + type.value().displayName()
                    + " here, but the component spec declares it as " + existing->type.displayName()
                    + " in '" + section + "'"));
        }
    }
    // Renames apply one after another as Fondant's dict operations do
    // (schema[new] = schema.pop(old)): {a: b, b: a} is not a swap.
    datasetSchema = operationSchema;
    for (const Member &entry : mapping.members()) {
        if (!entry.value.isString())
            continue;
        auto it = std::find_if(datasetSchema.begin(), datasetSchema.end(),
            [&](const Field &f) { return f.name == entry.key; });
        if (!findField(operationSchema, entry.key) || it == datasetSchema.end()) {
            errors.push_back(mappingError(section, entry.key,
                "'" + entry.key + "' is renamed to '" + entry.value.toString()
                    + "', but the component does not declare '" + entry.key + "' in '" + section
                    + "'"));
            continue;
        }
        const FieldType type = it->type;
        datasetSchema.erase(it);
        setField(datasetSchema, entry.value.toString(), type);
    }
}

} // namespace

Result<OperationSpec> OperationSpec::build(std::shared_ptr<const ComponentSpec> spec,
    const std::optional<FieldMapping> &consumes, const std::optional<FieldMapping> &produces,
    const FieldList *datasetFields)
{
    OperationSpec operation;
    operation.m_spec = spec;
    Diagnostics errors;
    const FieldSection &specConsumes = spec->consumes();

    if (!consumes) {
        operation.m_consumesInferred = true;
        if (specConsumes.defined && specConsumes.additionalProperties) {
            if (datasetFields)
                operation.m_consumes = fieldsValue(*datasetFields);
        } else if (specConsumes.defined) {
            operation.m_consumes = fieldsValue(specConsumes.fields);
        }
    } else {
        operation.m_consumes = mappingValue(*consumes);
        if (datasetFields) {
            for (Member &entry : operation.m_consumes.members()) {
                if (!entry.value.isString())
                    continue;
                const std::string column = entry.value.toString();
                if (!findField(*datasetFields, column)) {
                    errors.push_back(mappingError("consumes", entry.key,
                        "the dataset has no column '" + column
                            + "' (it has: " + fieldNames(*datasetFields) + ")"));
                    continue;
                }
                if (findField(specConsumes.fields, entry.key))
                    continue;
                if (!specConsumes.additionalProperties) {
                    errors.push_back(mappingError("consumes", entry.key,
                        "the component does not consume a field '" + entry.key
                            + "', so it cannot be mapped to a column"));
                    continue;
                }
                // Fondant looks the type up under the operation's name, not the mapped column.
                const Field *field = findField(*datasetFields, entry.key);
                if (!field) {
                    errors.push_back(mappingError("consumes", entry.key,
                        "Fondant looks up the type of '" + entry.key
                            + "' under that name, and the dataset has no such "
                              "column; map it by type instead"));
                    continue;
                }
                entry.value = field->type.toValue();
            }
        }
    }
    if (produces)
        operation.m_produces = mappingValue(*produces);

    deriveSchemas("consumes", specConsumes.fields, operation.m_consumes,
        operation.m_operationConsumes, operation.m_datasetConsumes, errors);
    deriveSchemas("produces", spec->produces().fields, operation.m_produces,
        operation.m_operationProduces, operation.m_datasetProduces, errors);
    if (!errors.empty())
        return errors;
    return operation;
}

Value OperationSpec::toValue() const
{
    Value value = Value::object();
    value.set("specification", m_spec->specification());
    value.set("consumes", m_consumes);
    value.set("produces", m_produces);
    return value;
}

std::string OperationSpec::toJson() const
{
    return PyJson::dumps(toValue(), PyJson::KeyOrder::Insertion);
}

FieldList OperationSpec::evolve(const FieldList &input) const
{
    FieldList output = m_spec->previousIndex().empty() ? input : FieldList {};
    for (const Field &field : m_datasetProduces)
        setField(output, field.name, field.type.stored());
    return output;
}

} // namespace fondant
