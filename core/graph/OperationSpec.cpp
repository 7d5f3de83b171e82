// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/OperationSpec.h"

#include "core/util/Suggest.h"
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

// An entry naming a field the component does not have: the error suggests the declared field
// its name is a likely typo of, and offers to rename the entry when no other entry has that name.
Diagnostic undeclaredFieldError(const std::string &section, const std::string &field,
    const std::string &message, const FieldList &declared, const FieldMapping &mapping)
{
    std::vector<std::string> names;
    for (const Field &candidate : declared)
        names.push_back(candidate.name);
    const std::string suggestion = nearestName(field, names);
    Diagnostic diagnostic = mappingError(section, field, message + didYouMeanText(suggestion));
    const bool nameIsFree = std::none_of(mapping.begin(), mapping.end(),
        [&](const FieldMappingEntry &entry) { return entry.name == suggestion; });
    if (!suggestion.empty() && nameIsFree)
        diagnostic.fix = Fix {Fix::Part::KeyName, suggestion};
    return diagnostic;
}

Value mappingValue(const FieldMapping &mapping)
{
    Value value = Value::object();
    for (const FieldMappingEntry &entry : mapping)
        value.set(entry.name, entry.isRename() ? Value(entry.rename) : entry.type->toValue());
    return value;
}

FieldMapping typedMapping(const FieldList &fields)
{
    FieldMapping mapping;
    for (const Field &field : fields)
        mapping.push_back(FieldMappingEntry {field.name, field.type, {}});
    return mapping;
}

// Fondant's _dataset_schema_to_operation_schema and _operation_schema_to_dataset_schema. The
// mapping keeps its FieldTypes (not their normalised dicts): Arrow tells a time-zone-less
// timestamp from a UTC one, which normalise alike.
void deriveSchemas(const std::string &section, const FieldList &specFields,
    const FieldMapping &mapping, FieldList &operationSchema, FieldList &datasetSchema,
    Diagnostics &errors)
{
    operationSchema = specFields;
    for (const FieldMappingEntry &entry : mapping) {
        if (entry.isRename())
            continue;
        const Field *existing = findField(operationSchema, entry.name);
        if (!existing) {
            operationSchema.push_back(Field {entry.name, *entry.type});
        } else if (!(existing->type == *entry.type)) {
            std::string message = "'" + entry.name + "' is typed " + entry.type->displayName()
                + " here, but the component spec declares it as " + existing->type.displayName()
                + " in '" + section + "'";
            if (entry.type->hasNaiveTimestamp() != existing->type.hasNaiveTimestamp())
                message += " (one has no time zone, the other is UTC: "
                           "{type: string, format: date-time})";
            errors.push_back(mappingError(section, entry.name, message));
        }
    }
    // Renames apply one after another as Fondant's dict operations do
    // (schema[new] = schema.pop(old)): {a: b, b: a} is not a swap.
    datasetSchema = operationSchema;
    for (const FieldMappingEntry &entry : mapping) {
        if (!entry.isRename())
            continue;
        auto it = std::find_if(datasetSchema.begin(), datasetSchema.end(),
            [&](const Field &f) { return f.name == entry.name; });
        if (!findField(operationSchema, entry.name) || it == datasetSchema.end()) {
            errors.push_back(undeclaredFieldError(section, entry.name,
                "'" + entry.name + "' is renamed to '" + entry.rename
                    + "', but the component does not declare '" + entry.name + "' in '" + section
                    + "'",
                specFields, mapping));
            continue;
        }
        const FieldType type = it->type;
        datasetSchema.erase(it);
        setField(datasetSchema, entry.rename, type);
    }
}

// A consumes entry reading a column the dataset lacks: the error suggests the column its name
// is a likely typo of, and offers to read that column instead.
Diagnostic missingColumnError(const FieldMappingEntry &entry, const DatasetFields &datasetFields)
{
    std::vector<std::string> columns;
    for (const DatasetFields::Entry *column : datasetFields.entries(1000))
        columns.push_back(column->field.name);
    const std::string suggestion = nearestName(entry.rename, columns);
    Diagnostic diagnostic = mappingError("consumes", entry.name,
        "the dataset has no column '" + entry.rename + "' (it has: " + datasetFields.names() + ")"
            + didYouMeanText(suggestion));
    if (!suggestion.empty())
        diagnostic.fix = Fix {Fix::Part::Value, suggestion};
    return diagnostic;
}

} // namespace

Result<OperationSpec> OperationSpec::build(std::shared_ptr<const ComponentSpec> spec,
    const std::optional<FieldMapping> &consumes, const std::optional<FieldMapping> &produces,
    const DatasetFields *datasetFields)
{
    OperationSpec operation;
    operation.m_spec = spec;
    Diagnostics errors;
    const FieldSection &specConsumes = spec->consumes();

    FieldMapping consumesMapping;
    if (!consumes) {
        operation.m_consumesInferred = true;
        if (specConsumes.defined && specConsumes.additionalProperties) {
            if (datasetFields)
                consumesMapping = typedMapping(datasetFields->fields());
        } else if (specConsumes.defined) {
            consumesMapping = typedMapping(specConsumes.fields);
        }
    } else {
        consumesMapping = *consumes;
        if (datasetFields) {
            for (FieldMappingEntry &entry : consumesMapping) {
                if (!entry.isRename())
                    continue;
                if (!datasetFields->find(entry.rename)) {
                    errors.push_back(missingColumnError(entry, *datasetFields));
                    continue;
                }
                if (findField(specConsumes.fields, entry.name))
                    continue;
                if (!specConsumes.additionalProperties) {
                    errors.push_back(undeclaredFieldError("consumes", entry.name,
                        "the component does not consume a field '" + entry.name
                            + "', so it cannot be mapped to a column",
                        specConsumes.fields, *consumes));
                    continue;
                }
                // Fondant looks the type up under the operation's name, not the mapped column.
                const DatasetFields::Entry *column = datasetFields->find(entry.name);
                if (!column) {
                    errors.push_back(mappingError("consumes", entry.name,
                        "Fondant looks up the type of '" + entry.name
                            + "' under that name, and the dataset has no such "
                              "column; map it by type instead"));
                    continue;
                }
                entry = FieldMappingEntry {entry.name, column->field.type, {}};
            }
        }
    }
    const FieldMapping producesMapping = produces.value_or(FieldMapping {});
    operation.m_consumes = mappingValue(consumesMapping);
    operation.m_produces = mappingValue(producesMapping);

    deriveSchemas("consumes", specConsumes.fields, consumesMapping, operation.m_operationConsumes,
        operation.m_datasetConsumes, errors);
    deriveSchemas("produces", spec->produces().fields, producesMapping,
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

DatasetFields OperationSpec::evolve(const DatasetFields &input, const std::string &stepId) const
{
    DatasetFields output = m_spec->previousIndex().empty() ? input : DatasetFields {};
    for (const Field &field : m_datasetProduces)
        output.set(field.name, field.type.stored(), stepId);
    return output;
}

} // namespace fondant
