// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/PipelineWriter.h"

#include "core/value/PyJson.h"
#include "core/value/Utf8.h"
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

// Comment text as a reader reads it back: a character a comment cannot hold (a line break or a
// control character, which only a program could have put there) is written as U+FFFD.
void appendCommentText(std::string &out, std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = utf8::decode(text, pos);
        const bool keeps = c == '\t' || (c >= 0x20 && c <= 0x7E)
            || (c >= 0xA0 && c <= 0xFFFD && c != 0x2028 && c != 0x2029
                && (c < 0xD800 || c > 0xDFFF))
            || (c >= 0x10000 && c <= 0x10FFFF);
        utf8::encode(out, keeps ? c : 0xFFFD);
    }
}

// Comment lines (each followed by '\n'), each written as "#TEXT" at indent.
void appendCommentLines(std::string &out, std::string_view lines, int indent)
{
    while (!lines.empty()) {
        const std::size_t end = lines.find('\n');
        out.append(static_cast<std::size_t>(indent), ' ');
        out += '#';
        appendCommentText(out, lines.substr(0, end));
        out += '\n';
        if (end == std::string_view::npos)
            break;
        lines.remove_prefix(end + 1);
    }
}

// Ends a line with the element's comment, if it has one.
void appendLineEnd(std::string &out, const ElementComments *comments)
{
    if (comments && comments->after) {
        out += "  #";
        appendCommentText(out, *comments->after);
    }
    out += '\n';
}

// One line of the document with the comments of its element: the lines above it, and the one
// after it.
void appendLine(
    std::string &out, const ElementComments *comments, int indent, std::string_view text)
{
    if (comments)
        appendCommentLines(out, comments->above, indent);
    out.append(static_cast<std::size_t>(indent), ' ');
    out += text;
    appendLineEnd(out, comments);
}

// The comments of an entry in a section of a step ("arguments", "min_width"), or nullptr.
const ElementComments *entryComments(
    const Comments &comments, std::string_view section, const std::string &key)
{
    if (comments.isEmpty())
        return nullptr;
    std::string path(section);
    path += '.';
    path += key;
    return comments.find(path);
}

void appendArguments(std::string &out, const Step &step)
{
    const ElementComments *own = step.comments.find("arguments");
    if (step.arguments.size() == 0) {
        // Written only to keep its comments: no arguments reads back as {}.
        if (own)
            appendLine(out, own, 4, "arguments: {}");
        return;
    }
    appendLine(out, own, 4, "arguments:");
    for (const Member &argument : step.arguments.members()) {
        const ElementComments *comments = entryComments(step.comments, "arguments", argument.key);
        if (!comments) {
            YamlWriter::appendMember(out, argument, 6);
            continue;
        }
        appendCommentLines(out, comments->above, 6);
        std::string lines;
        YamlWriter::appendMember(lines, argument, 6);
        const std::size_t firstLineEnd = lines.find('\n');
        out.append(lines, 0, firstLineEnd);
        appendLineEnd(out, comments);
        out.append(lines, firstLineEnd + 1);
    }
}

void appendMapping(std::string &out, const Step &step, const char *name,
    const std::optional<FieldMapping> &mapping)
{
    const ElementComments *own = step.comments.find(name);
    if (!mapping) {
        if (own)
            appendLine(out, own, 4, std::string(name) + ": null");
        return;
    }
    if (mapping->empty()) {
        appendLine(out, own, 4, std::string(name) + ": {}");
        return;
    }
    appendLine(out, own, 4, std::string(name) + ":");
    for (const FieldMappingEntry &entry : *mapping)
        appendLine(out, entryComments(step.comments, name, entry.name), 6, mappingLine(entry));
}

void appendResources(std::string &out, const Step &step)
{
    std::string fields;
    for (const ResourceField &field : resourceFields()) {
        const std::optional<Value> &value = step.resources.*(field.member);
        const ElementComments *comments = entryComments(step.comments, "resources", field.key);
        // An unset field is written only to keep its comments: null reads back as unset.
        if (value || comments)
            appendLine(fields, comments, 6,
                std::string(field.key) + ": " + (value ? YamlWriter::scalar(*value) : "null"));
    }
    const ElementComments *own = step.comments.find("resources");
    if (!fields.empty()) {
        appendLine(out, own, 4, "resources:");
        out += fields;
    } else if (own) {
        appendLine(out, own, 4, "resources: {}");
    }
}

std::string coordinate(double value)
{
    if (std::isfinite(value) && value == std::round(value) && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    return YamlWriter::scalar(Value(value));
}

void appendStep(std::string &out, const Step &step)
{
    const Comments &comments = step.comments;
    if (const ElementComments *own = comments.find(""))
        appendCommentLines(out, own->above, 2);
    const ElementComments *id = comments.find("id");
    if (id)
        appendCommentLines(out, id->above, 2); // the id opens the step
    out += "  - id: " + YamlWriter::text(step.id);
    appendLineEnd(out, id);
    appendLine(
        out, comments.find("component"), 4, "component: " + YamlWriter::text(step.component));
    if (const ElementComments *input = comments.find("input"); input || !step.input.empty())
        appendLine(out, input, 4, "input: " + YamlWriter::text(step.input));
    appendArguments(out, step);
    appendMapping(out, step, "consumes", step.consumes);
    appendMapping(out, step, "produces", step.produces);
    // Keys holding their default are written only to keep their comments.
    const ElementComments *rows = comments.find("input_partition_rows");
    if (step.inputPartitionRows || rows)
        appendLine(out, rows, 4,
            "input_partition_rows: "
                + (step.inputPartitionRows ? YamlWriter::scalar(*step.inputPartitionRows)
                                           : std::string("null")));
    const ElementComments *cache = comments.find("cache");
    if (!step.cache)
        appendLine(out, cache, 4, "cache: null");
    else if (!*step.cache || cache)
        appendLine(out, cache, 4, *step.cache ? "cache: true" : "cache: false");
    appendResources(out, step);
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
    const Comments &comments = pipeline.comments;
    std::string out;
    appendLine(out, comments.find("version"), 0, "version: " + std::to_string(pipeline.version));
    appendLine(out, comments.find("name"), 0, "name: " + YamlWriter::text(pipeline.name));
    // Empty keys are left out, unless they hold comments.
    if (const ElementComments *description = comments.find("description");
        description || !pipeline.description.empty())
        appendLine(out, description, 0, "description: " + YamlWriter::text(pipeline.description));
    if (const ElementComments *directory = comments.find("working_directory");
        directory || !pipeline.workingDirectory.empty())
        appendLine(
            out, directory, 0, "working_directory: " + YamlWriter::text(pipeline.workingDirectory));
    const ElementComments *componentDirs = comments.find("component_dirs");
    if (!pipeline.componentDirs.empty()) {
        appendLine(out, componentDirs, 0, "component_dirs:");
        for (const std::string &dir : pipeline.componentDirs)
            out += "  - " + YamlWriter::text(dir) + "\n";
    } else if (componentDirs) {
        appendLine(out, componentDirs, 0, "component_dirs: []");
    }
    const ElementComments *steps = comments.find("steps");
    appendLine(out, steps, 0, pipeline.steps.empty() ? "steps: []" : "steps:");
    for (const Step &step : pipeline.steps)
        appendStep(out, step);
    std::string positions;
    std::unordered_set<std::string> placed; // a repeated id (an error) keeps one position
    for (const Step &step : pipeline.steps) {
        auto it = pipeline.positions.find(step.id);
        if (it == pipeline.positions.end() || !placed.insert(step.id).second)
            continue;
        positions += "    " + YamlWriter::key(step.id) + ": [" + coordinate(it->second.x) + ", "
            + coordinate(it->second.y) + "]\n";
    }
    const ElementComments *editor = comments.find("editor");
    if (!positions.empty()) {
        appendLine(out, editor, 0, "editor:");
        out += "  positions:\n" + positions;
    } else if (editor) {
        appendLine(out, editor, 0, "editor: {}");
    }
    appendCommentLines(out, pipeline.endComments, 0);
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
