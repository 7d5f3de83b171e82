// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/PipelineReader.h"

#include "core/util/Suggest.h"
#include "core/yaml/YamlReader.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <utility>

namespace fondant {

namespace {

const std::vector<std::string> &topLevelKeys()
{
    static const std::vector<std::string> keys {
        "version", "name", "description", "working_directory", "component_dirs", "steps", "editor"};
    return keys;
}

bool isOneOf(const std::string &key, const std::vector<std::string> &keys)
{
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

class DocumentParser
{
public:
    /// comments, when given, are handed on to the elements they belong to.
    explicit DocumentParser(std::string fileName, YamlComments *comments = nullptr)
        : m_file(std::move(fileName)), m_comments(comments)
    { }

    Diagnostics diagnostics;

    void error(SourceMark mark, const std::string &message)
    {
        diagnostics.push_back(Diagnostic::error(m_file, mark, message));
    }
    void warning(SourceMark mark, const std::string &message)
    {
        diagnostics.push_back(Diagnostic::warning(m_file, mark, message));
    }

    std::optional<std::string> text(const Member &member, const std::string &where)
    {
        if (member.value.isString())
            return member.value.toString();
        error(member.value.mark(),
            "'" + where + "' must be text, not " + member.value.describe()
                + (member.value.isNull() ? "" : "; put it in quotes"));
        return std::nullopt;
    }

    Pipeline parseDocument(const Value &root)
    {
        Pipeline pipeline;
        if (!root.isObject()) {
            error(root.mark().isValid() ? root.mark() : SourceMark {1, 1},
                root.isNull() ? "the pipeline file is empty"
                              : "a pipeline file must be a mapping with version, name and steps");
            return pipeline;
        }
        // The lines above the first key open the file, as they do above 'version' when written.
        ElementComments versionComments;
        std::string openingLines;
        for (const Member &member : root.members()) {
            ElementComments comments = takeComments(member.keyMark, YamlComments::Owner::Key);
            if (&member == &root.members().front() || member.key == "version")
                openingLines += std::exchange(comments.above, {});
            if (member.key == "version")
                versionComments = std::move(comments);
            else
                pipeline.comments.set(member.key, std::move(comments));
            pipeline.marks.set(
                member.key, member.value.mark().isValid() ? member.value.mark() : member.keyMark);
            if (!isOneOf(member.key, topLevelKeys())) {
                error(member.keyMark,
                    "unknown key '" + member.key + "' in the pipeline"
                        + didYouMean(member.key, topLevelKeys()));
                continue;
            }
            if (member.key == "version") {
                if (!member.value.isInt() || member.value.toSaturatedInt() != 1)
                    error(member.value.mark(),
                        "unsupported format version " + member.value.describe()
                            + "; this version of the tool reads version 1");
            } else if (member.key == "name") {
                pipeline.name = text(member, "name").value_or("");
            } else if (member.key == "description") {
                pipeline.description = text(member, "description").value_or("");
            } else if (member.key == "working_directory") {
                pipeline.workingDirectory = text(member, "working_directory").value_or("");
            } else if (member.key == "component_dirs") {
                pipeline.componentDirs = textList(member);
            } else if (member.key == "steps") {
                if (!member.value.isArray()) {
                    error(member.value.mark(), "'steps' must be a list of steps");
                    continue;
                }
                for (const Value &stepValue : member.value.items())
                    if (auto step = parseStep(stepValue))
                        pipeline.steps.push_back(std::move(*step));
            }
        }
        versionComments.above = std::move(openingLines);
        pipeline.comments.set("version", std::move(versionComments));
        const SourceMark start = root.mark().isValid() ? root.mark() : SourceMark {1, 1};
        if (!root.contains("version"))
            error(start, "the pipeline has no 'version' (write 'version: 1')");
        if (!root.contains("name"))
            error(start, "the pipeline has no 'name' (the Fondant dataset name)");
        if (!root.contains("steps"))
            error(start, "the pipeline has no 'steps'");
        if (const Value *editor = root.find("editor"))
            parseEditor(*editor, pipeline);
        return pipeline;
    }

    std::optional<FieldMapping> parseMapping(
        const Member &member, SourceMap &marks, Comments &comments)
    {
        if (member.value.isNull())
            return std::nullopt;
        if (!member.value.isObject()) {
            error(member.value.mark(),
                "'" + member.key
                    + "' must be a mapping of field names to types or "
                      "column names");
            return std::nullopt;
        }
        FieldMapping mapping;
        for (const Member &entry : member.value.members()) {
            const std::string where = member.key + "." + entry.key;
            marks.set(where, entry.keyMark);
            keepComments(comments, where, entry.keyMark);
            FieldMappingEntry parsed {entry.key, std::nullopt, {}};
            const Value &target = entry.value;
            if (target.isString() && !FieldType::isTypeName(target.toString())) {
                parsed.rename = target.toString();
            } else if (target.isObject() && target.contains("rename")) {
                const Value *rename = target.find("rename");
                if (target.size() != 1 || !rename->isString()) {
                    error(
                        target.mark(), "'" + where + "': write a rename as {rename: column_name}");
                    continue;
                }
                parsed.rename = rename->toString();
            } else if (target.isString() || target.isObject()) {
                Result<FieldType> type = FieldType::fromValue(target);
                if (!type.ok()) {
                    error(target.mark(), "'" + where + "': " + type.errorMessage());
                    continue;
                }
                parsed.type = type.value();
            } else {
                error(target.mark(),
                    "'" + where + "' must be a field type (e.g. string) or a column name, not "
                        + target.describe());
                continue;
            }
            mapping.push_back(std::move(parsed));
        }
        return mapping;
    }

private:
    ElementComments takeComments(SourceMark mark, YamlComments::Owner owner)
    {
        return m_comments ? m_comments->take(mark, owner) : ElementComments {};
    }

    void keepComments(Comments &comments, const std::string &path, SourceMark keyMark)
    {
        if (ElementComments taken = takeComments(keyMark, YamlComments::Owner::Key);
            !taken.isEmpty())
            comments.set(path, std::move(taken));
    }

    std::vector<std::string> textList(const Member &member)
    {
        std::vector<std::string> values;
        if (!member.value.isArray()) {
            error(member.value.mark(), "'" + member.key + "' must be a list of folders");
            return values;
        }
        for (const Value &item : member.value.items()) {
            if (item.isString())
                values.push_back(item.toString());
            else
                error(item.mark(),
                    "'" + member.key + "' entries must be text, not " + item.describe());
        }
        return values;
    }

    std::optional<Step> parseStep(const Value &value)
    {
        if (!value.isObject()) {
            error(value.mark(), "a step must be a mapping with at least 'component'");
            return std::nullopt;
        }
        Step step;
        step.mark = value.mark();
        // The lines above the step and above its id, which is written first, belong to the step;
        // so does a comment after a step written on one line ({id: a, component: c}).
        ElementComments stepComments = takeComments(step.mark, YamlComments::Owner::Item);
        std::string linesAbove = std::move(stepComments.above);
        for (const Member &member : value.members()) {
            ElementComments comments = takeComments(member.keyMark, YamlComments::Owner::Key);
            if (member.key == "id")
                linesAbove += std::exchange(comments.above, {});
            step.comments.set(member.key, std::move(comments));
            step.marks.set(
                member.key, member.value.mark().isValid() ? member.value.mark() : member.keyMark);
            step.marks.set(member.key + ":key", member.keyMark);
            if (!isOneOf(member.key, PipelineReader::stepKeys())) {
                error(member.keyMark,
                    "unknown key '" + member.key + "' in a step"
                        + didYouMean(member.key, PipelineReader::stepKeys()));
                continue;
            }
            if (member.key == "id") {
                step.id = text(member, "id").value_or("");
            } else if (member.key == "component") {
                step.component = text(member, "component").value_or("");
            } else if (member.key == "input") {
                step.input = text(member, "input").value_or("");
            } else if (member.key == "arguments") {
                if (member.value.isAlias() && member.value.size() > 0) {
                    // Fondant adds cache, input_partition_rows and operation_spec to the very
                    // dict it is given, so steps sharing one would all hash the last one's.
                    error(member.value.mark(),
                        "these arguments are an alias of another step's: Fondant would change "
                        "that one mapping for every step using it and hash them all alike; "
                        "write the arguments out for each step");
                } else if (member.value.isObject() || member.value.isNull()) {
                    step.arguments = member.value.isNull() ? Value::object() : member.value;
                    for (const Member &arg : step.arguments.members()) {
                        const std::string path = "arguments." + arg.key;
                        step.marks.set(path, arg.keyMark);
                        keepComments(step.comments, path, arg.keyMark);
                    }
                } else {
                    error(member.value.mark(),
                        "'arguments' must be a mapping of argument names to values");
                }
            } else if (member.key == "consumes" || member.key == "produces") {
                auto mapping = parseMapping(member, step.marks, step.comments);
                if (member.key == "consumes")
                    step.consumes = std::move(mapping);
                else
                    step.produces = std::move(mapping);
            } else if (member.key == "input_partition_rows") {
                if (member.value.isInt() || member.value.isString())
                    step.inputPartitionRows = member.value;
                else if (!member.value.isNull())
                    error(member.value.mark(),
                        "'input_partition_rows' must be a whole number, not "
                            + member.value.describe());
            } else if (member.key == "cache") {
                if (member.value.isBool())
                    step.cache = member.value.toBool();
                else if (member.value.isNull())
                    step.cache = std::nullopt;
                else
                    error(member.value.mark(),
                        "'cache' must be true, false or null, not " + member.value.describe());
            } else if (member.key == "resources") {
                parseResources(member, step);
            }
        }
        if (stepComments.after)
            linesAbove += *stepComments.after + "\n";
        step.comments.set("", ElementComments {std::move(linesAbove), std::nullopt});
        if (!value.contains("component"))
            error(step.mark, "this step has no 'component'");
        return step;
    }

    void parseResources(const Member &member, Step &step)
    {
        if (member.value.isNull())
            return; // "resources:" with nothing is no resources, as Resources() in Python
        if (!member.value.isObject()) {
            error(member.value.mark(), "'resources' must be a mapping");
            return;
        }
        for (const Member &entry : member.value.members()) {
            const std::string path = "resources." + entry.key;
            step.marks.set(path, entry.value.mark());
            keepComments(step.comments, path, entry.keyMark);
            const ResourceField *field = findResourceField(entry.key);
            if (!field) {
                error(entry.keyMark,
                    "unknown resource '" + entry.key + "'"
                        + didYouMean(entry.key, PipelineReader::resourceKeys()));
                continue;
            }
            if (entry.value.isNull())
                continue;
            if (entry.value.isArray() || entry.value.isObject()) {
                error(entry.value.mark(),
                    "'resources." + entry.key + "' must be a single value, e.g. \"2\" or \"8G\"");
                continue;
            }
            step.resources.*(field->member) = entry.value;
        }
    }

    void parseEditor(const Value &editor, Pipeline &pipeline)
    {
        if (!editor.isObject()) {
            warning(editor.mark(), "'editor' must be a mapping; the layout is ignored");
            return;
        }
        const Value *positions = editor.find("positions");
        if (!positions)
            return;
        if (!positions->isObject()) {
            warning(positions->mark(),
                "'editor.positions' must map step ids to [x, y]; the layout is ignored");
            return;
        }
        for (const Member &entry : positions->members()) {
            const Value &point = entry.value;
            // A drawable place: finite, and within a hundred million pixels of the origin (a
            // laid-out chain of 10,000 steps spans a few million).
            const auto drawable = [](const Value &coordinate) {
                return coordinate.isNumber() && std::isfinite(coordinate.toDouble())
                    && std::fabs(coordinate.toDouble()) <= 1e8;
            };
            const bool valid = point.isArray() && point.size() == 2 && drawable(point.items()[0])
                && drawable(point.items()[1]);
            if (!valid) {
                warning(point.mark(),
                    "the position of '" + entry.key
                        + "' must be [x, y] with numbers within a hundred million of 0; it is "
                          "ignored");
                continue;
            }
            pipeline.positions[entry.key]
                = Point {point.items()[0].toDouble(), point.items()[1].toDouble()};
        }
    }

    std::string m_file;
    YamlComments *m_comments = nullptr;
};

} // namespace

const std::vector<std::string> &PipelineReader::stepKeys()
{
    static const std::vector<std::string> keys {"id", "component", "input", "arguments", "consumes",
        "produces", "input_partition_rows", "cache", "resources"};
    return keys;
}

const std::vector<std::string> &PipelineReader::resourceKeys()
{
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> names;
        for (const ResourceField &field : resourceFields())
            names.emplace_back(field.key);
        return names;
    }();
    return keys;
}

Result<Pipeline> PipelineReader::parse(std::string_view text, const std::string &fileName)
{
    Result<CommentedValue> root
        = YamlReader::parseWithComments(text, fileName, ScalarRules::Yaml12Core);
    if (!root.ok())
        return root.takeDiagnostics();
    DocumentParser parser(fileName, &root->comments);
    parser.diagnostics = root.takeDiagnostics();
    Pipeline pipeline = parser.parseDocument(root->value);
    pipeline.endComments = root->comments.takeTail();
    pipeline.filePath = fileName;
    if (hasErrors(parser.diagnostics))
        return std::move(parser.diagnostics);
    return Result<Pipeline>(std::move(pipeline), std::move(parser.diagnostics));
}

Result<FieldMapping> PipelineReader::parseFieldMapping(
    std::string_view text, const std::string &section)
{
    Result<Value> root = YamlReader::parse(text, section, ScalarRules::Yaml12Core);
    if (!root.ok())
        return root.takeDiagnostics();
    if (root.value().isNull())
        return FieldMapping {};
    DocumentParser parser(section);
    SourceMap marks;
    Comments comments;
    std::optional<FieldMapping> mapping
        = parser.parseMapping(Member {section, root.value(), {}}, marks, comments);
    if (hasErrors(parser.diagnostics))
        return std::move(parser.diagnostics);
    return mapping ? std::move(*mapping) : FieldMapping {};
}

Result<Pipeline> PipelineReader::readFile(const QString &path)
{
    Result<std::string> text = readTextFile(path, YamlLimits {}.maxFileBytes);
    if (!text.ok())
        return text.takeDiagnostics();
    Result<Pipeline> pipeline = parse(text.value(), path.toStdString());
    if (pipeline.ok())
        pipeline->filePath = QFileInfo(path).absoluteFilePath().toStdString();
    return pipeline;
}

} // namespace fondant
