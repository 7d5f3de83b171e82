// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/PipelineWriter.h"

#include "core/value/PyJson.h"
#include "core/yaml/YamlWriter.h"

#include <QFileInfo>
#include <QSaveFile>

#include <cmath>
#include <unordered_set>

namespace fondant {

namespace {

// A type's timestamps as the word `timestamp`, which reads back without a time zone: the
// normalised {type: string, format: date-time} reads back as UTC.
Value withTimestampWords(const Value &type)
{
    if (!type.isObject())
        return type;
    if (type.contains("format"))
        return Value("timestamp");
    Value out = type;
    if (Value *items = out.find("items"))
        *items = withTimestampWords(*items);
    if (Value *properties = out.find("properties"))
        for (Member &member : properties->members())
            member.value = withTimestampWords(member.value);
    return out;
}

std::string typeText(const FieldType &type)
{
    const Value value
        = type.hasNaiveTimestamp() ? withTimestampWords(type.toValue()) : type.toValue();
    if (value.isString())
        return YamlWriter::text(value.toString());
    if (value.size() == 1)
        return YamlWriter::text(value.find("type")->toString());
    return YamlWriter::flow(value);
}

std::string mappingLine(const FieldMappingEntry &entry)
{
    std::string line = YamlWriter::key(entry.name) + ": ";
    if (!entry.isRename())
        return line + typeText(*entry.type);
    if (FieldType::isTypeName(entry.rename))
        return line + "{rename: " + YamlWriter::flowText(entry.rename) + "}";
    return line + YamlWriter::text(entry.rename);
}

void appendMapping(std::string &out, const char *name, const std::optional<FieldMapping> &mapping)
{
    if (!mapping)
        return;
    out += std::string("    ") + name + ":";
    if (mapping->empty()) {
        out += " {}\n";
        return;
    }
    out += "\n";
    for (const FieldMappingEntry &entry : *mapping)
        out += "      " + mappingLine(entry) + "\n";
}

void appendResources(std::string &out, const Resources &resources)
{
    if (resources.isEmpty())
        return;
    out += "    resources:\n";
    for (const ResourceField &field : resourceFields())
        if (const std::optional<Value> &value = resources.*(field.member))
            out += std::string("      ") + field.key + ": " + YamlWriter::scalar(*value) + "\n";
}

std::string coordinate(double value)
{
    if (std::isfinite(value) && value == std::round(value) && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    return YamlWriter::scalar(Value(value));
}

void appendStep(std::string &out, const Step &step)
{
    out += "  - id: " + YamlWriter::text(step.id) + "\n";
    out += "    component: " + YamlWriter::text(step.component) + "\n";
    if (!step.input.empty())
        out += "    input: " + YamlWriter::text(step.input) + "\n";
    if (step.arguments.size() > 0)
        YamlWriter::appendMember(out, "arguments", step.arguments, 4);
    appendMapping(out, "consumes", step.consumes);
    appendMapping(out, "produces", step.produces);
    if (step.inputPartitionRows)
        out += "    input_partition_rows: " + YamlWriter::scalar(*step.inputPartitionRows) + "\n";
    if (!step.cache)
        out += "    cache: null\n";
    else if (!*step.cache)
        out += "    cache: false\n";
    appendResources(out, step.resources);
}

} // namespace

std::string PipelineWriter::fieldMappingText(const FieldMapping &mapping)
{
    std::string out;
    for (const FieldMappingEntry &entry : mapping)
        out += mappingLine(entry) + "\n";
    return out;
}

std::string PipelineWriter::toYaml(const Pipeline &pipeline)
{
    std::string out;
    out += "version: " + std::to_string(pipeline.version) + "\n";
    out += "name: " + YamlWriter::text(pipeline.name) + "\n";
    if (!pipeline.description.empty())
        out += "description: " + YamlWriter::text(pipeline.description) + "\n";
    if (!pipeline.workingDirectory.empty())
        out += "working_directory: " + YamlWriter::text(pipeline.workingDirectory) + "\n";
    if (!pipeline.componentDirs.empty()) {
        out += "component_dirs:\n";
        for (const std::string &dir : pipeline.componentDirs)
            out += "  - " + YamlWriter::text(dir) + "\n";
    }
    if (pipeline.steps.empty()) {
        out += "steps: []\n";
    } else {
        out += "steps:\n";
        for (const Step &step : pipeline.steps)
            appendStep(out, step);
    }
    bool wrotePositions = false;
    std::unordered_set<std::string> placed; // a repeated id (an error) keeps one position
    for (const Step &step : pipeline.steps) {
        auto it = pipeline.positions.find(step.id);
        if (it == pipeline.positions.end() || !placed.insert(step.id).second)
            continue;
        if (!wrotePositions) {
            out += "editor:\n  positions:\n";
            wrotePositions = true;
        }
        out += "    " + YamlWriter::key(step.id) + ": [" + coordinate(it->second.x) + ", "
            + coordinate(it->second.y) + "]\n";
    }
    return out;
}

std::optional<Diagnostic> whyNotReplaceable(const QString &path)
{
    // Only regular files are replaced: never a device, pipe or folder, nor one behind a link.
    const QFileInfo target(path);
    if ((target.exists() && !target.isFile()) || (target.isSymLink() && !target.exists()))
        return Diagnostic::error(
            path.toStdString(), {}, "is not a regular file (or a link to one); it is not replaced");
    return std::nullopt;
}

std::optional<Diagnostic> writeFileAtomically(const QString &path, const std::string &bytes)
{
    if (std::optional<Diagnostic> refused = whyNotReplaceable(path))
        return refused;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Diagnostic::error(
            path.toStdString(), {}, "cannot write the file: " + file.errorString().toStdString());
    const auto size = static_cast<qint64>(bytes.size());
    if (file.write(bytes.data(), size) != size) {
        const std::string reason = file.errorString().toStdString();
        file.cancelWriting();
        return Diagnostic::error(path.toStdString(), {}, "cannot write the file: " + reason);
    }
    if (!file.commit())
        return Diagnostic::error(
            path.toStdString(), {}, "cannot save the file: " + file.errorString().toStdString());
    return std::nullopt;
}

std::optional<Diagnostic> PipelineWriter::save(const Pipeline &pipeline, const QString &path)
{
    return writeFileAtomically(path, toYaml(pipeline));
}

} // namespace fondant
