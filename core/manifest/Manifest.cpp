// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/manifest/Manifest.h"

#include "core/graph/OperationSpec.h"
#include "core/value/JsonReader.h"
#include "core/value/PyJson.h"

namespace fondant {

namespace {

bool isTextOrNull(const Value &value)
{
    return value.isString() || value.isNull();
}

} // namespace

Result<Manifest> Manifest::fromFile(const QString &path)
{
    Result<Value> root = JsonReader::readFile(path);
    if (!root.ok())
        return root.takeDiagnostics();
    return fromValue(root.value(), path.toStdString());
}

Result<Manifest> Manifest::fromValue(const Value &root, const std::string &fileName)
{
    Diagnostics errors;
    const auto error = [&](const std::string &message) {
        errors.push_back(Diagnostic::error(fileName, {}, "invalid manifest: " + message));
    };
    if (!root.isObject()) {
        error("the top level must be an object");
        return errors;
    }
    const Value *metadata = root.find("metadata");
    if (!metadata) {
        error("'metadata' is a required property");
    } else if (!metadata->isObject()) {
        error("'metadata' must be an object");
    } else {
        for (const char *key : {"dataset_name", "run_id"})
            if (!metadata->contains(key))
                error(std::string("'") + key + "' is a required property of 'metadata'");
        for (const char *key : {"dataset_name", "run_id", "component_id", "manifest_location"})
            if (const Value *value = metadata->find(key); value && !isTextOrNull(*value))
                error(std::string("metadata.") + key + " must be text or null");
    }
    if (const Value *index = root.find("index")) {
        const Value *location = index->isObject() ? index->find("location") : nullptr;
        if (!index->isObject() || (location && !location->isString()))
            error("'index' must be an object whose 'location' is text");
    }
    const Value *fields = root.find("fields");
    if (!fields) {
        error("'fields' is a required property");
    } else if (!fields->isObject()) {
        error("'fields' must be an object");
    } else {
        for (const Member &field : fields->members()) {
            if (!field.value.isObject() || !field.value.contains("type")) {
                error("field '" + field.key + "' must be an object with a 'type'");
                continue;
            }
            if (const Value *location = field.value.find("location")) {
                if (!isTextOrNull(*location)
                    || (location->isString()
                        && location->toString().find('/') == std::string::npos))
                    error(
                        "the location of field '" + field.key + "' must be a path containing '/'");
            }
            if (Result<FieldType> type = FieldType::fromValue(field.value); !type.ok())
                error("field '" + field.key + "': " + type.errorMessage());
        }
    }
    if (!errors.empty())
        return errors;
    Manifest manifest;
    manifest.m_root = root;
    return manifest;
}

Manifest Manifest::create(const std::string &datasetName, const std::string &runId,
    const std::string &componentId, const std::string &cacheKey)
{
    Value metadata = Value::object();
    metadata.set("dataset_name", datasetName);
    metadata.set("run_id", runId);
    metadata.set("component_id", componentId);
    metadata.set("cache_key", cacheKey);
    metadata.set("manifest_location", Value());
    Manifest manifest;
    manifest.m_root = Value::object();
    manifest.m_root.set("metadata", std::move(metadata));
    manifest.m_root.set("index", Value::object());
    manifest.m_root.set("fields", Value::object());
    return manifest;
}

std::optional<std::string> Manifest::metadataText(const char *key) const
{
    const Value *metadata = m_root.find("metadata");
    const Value *value = metadata ? metadata->find(key) : nullptr;
    if (!value || !value->isString())
        return std::nullopt;
    return value->toString();
}

std::optional<std::string> Manifest::indexLocation() const
{
    const Value *index = m_root.find("index");
    const Value *location = index ? index->find("location") : nullptr;
    if (!location || !location->isString())
        return std::nullopt;
    return location->toString();
}

FieldList Manifest::fields() const
{
    FieldList list;
    if (const Value *fields = m_root.find("fields"))
        for (const Member &field : fields->members())
            if (Result<FieldType> type = FieldType::fromValue(field.value); type.ok())
                list.push_back(Field {field.key, type.value()});
    return list;
}

std::optional<std::string> Manifest::fieldLocation(const std::string &name) const
{
    const Value *fields = m_root.find("fields");
    const Value *field = fields ? fields->find(name) : nullptr;
    const Value *location = field ? field->find("location") : nullptr;
    if (!location || !location->isString())
        return std::nullopt;
    return location->toString();
}

Manifest Manifest::evolve(const OperationSpec &operation, const std::string &runId,
    const std::optional<std::string> &workingDirectory) const
{
    Manifest evolved = *this;
    const std::string componentId = operation.spec().safeName();
    Value &metadata = *evolved.m_root.find("metadata");
    metadata.set("component_id", componentId);
    metadata.set("run_id", runId);

    std::optional<std::string> location;
    if (workingDirectory)
        location = *workingDirectory + "/" + datasetName().value_or("None") + "/" + runId + "/"
            + componentId;

    Value index = Value::object();
    if (location)
        index.set("location", *location);
    evolved.m_root.set("index", std::move(index));

    Value *fields = evolved.m_root.find("fields");
    if (!operation.spec().previousIndex().empty())
        *fields = Value::object();
    for (const Field &field : operation.datasetProduces()) {
        Value entry = Value::object();
        if (location)
            entry.set("location", *location);
        for (const Member &member : field.type.toValue().members())
            entry.set(member.key, member.value);
        fields->set(field.name, std::move(entry));
    }
    return evolved;
}

void Manifest::setManifestLocation(const std::string &location)
{
    m_root.find("metadata")->set("manifest_location", location);
}

std::string Manifest::toJson() const
{
    return PyJson::dumps(m_root, PyJson::KeyOrder::Insertion);
}

} // namespace fondant
