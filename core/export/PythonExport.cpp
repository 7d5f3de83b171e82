// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/PythonExport.h"

#include "core/export/FondantCommand.h"
#include "core/session/PipelineSession.h"
#include "core/value/Utf8.h"

#include <QDir>
#include <QFileInfo>

#include <array>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace fondant {

namespace {

// Characters a reader could not see or that reorder the text around them.
bool isHidden(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xad || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || c == 0xfeff
        || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xfff9 && c <= 0xfffb) || c == 0xfffe
        || c == 0xffff;
}

std::string hex(char32_t c, int digits)
{
    static constexpr char digitsOf[] = "0123456789abcdef";
    std::string text(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, c >>= 4)
        text[static_cast<std::size_t>(i)] = digitsOf[c & 0xf];
    return text;
}

// Text between quotes: escapes keep every character visible and the quotes closed.
std::string escaped(std::string_view text, bool keepNewlines)
{
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t c = utf8::decode(text, pos);
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n')
            out += keepNewlines ? "\n" : "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (isHidden(c))
            out += c <= 0xff ? "\\x" + hex(c, 2) : "\\u" + hex(c, 4);
        else
            out.append(text.substr(start, pos - start));
    }
    return out;
}

std::string stringLiteral(std::string_view text)
{
    return "\"" + escaped(text, false) + "\"";
}

// Text for the program's docstring, on lines of its own.
std::string docstringText(std::string_view text)
{
    return escaped(text, true);
}

// Python's reserved words, which cannot name a variable.
bool isKeyword(const std::string &word)
{
    static const std::unordered_set<std::string> keywords = {"False", "None", "True", "and", "as",
        "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
    return keywords.count(word) > 0;
}

// A variable name for each step, from its id: letters, digits and '_', never a keyword or a
// name the program imports, each one different.
std::vector<std::string> variableNames(const Pipeline &pipeline)
{
    std::unordered_set<std::string> used = {"pa", "Dataset", "Resources"};
    std::vector<std::string> names;
    names.reserve(pipeline.steps.size());
    for (const Step &step : pipeline.steps) {
        std::string name;
        for (const char c : step.id) {
            const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || c == '_';
            if (plain || name.empty() || name.back() != '_')
                name += plain ? c : '_';
        }
        if (name.empty() || (name[0] >= '0' && name[0] <= '9') || name == "_")
            name = "step_" + name;
        if (isKeyword(name))
            name += '_';
        std::string unique = name;
        for (int n = 2; !used.insert(unique).second; ++n)
            unique = name + "_" + std::to_string(n);
        names.push_back(std::move(unique));
    }
    return names;
}

// The pyarrow expression for a field type (Fondant's _TYPES and Type.from_dict).
std::string arrowType(const Value &type, bool naiveTimestamp)
{
    const std::string &name = type.find("type")->toString();
    if (name == "array")
        return "pa.list_(" + arrowType(*type.find("items"), naiveTimestamp) + ")";
    if (name == "object") {
        std::string fields;
        for (const Member &member : type.find("properties")->members())
            fields += (fields.empty() ? "" : ", ") + std::string("(") + stringLiteral(member.key)
                + ", " + arrowType(member.value, naiveTimestamp) + ")";
        return "pa.struct([" + fields + "])";
    }
    if (type.contains("format"))
        return naiveTimestamp ? "pa.timestamp(\"us\")" : "pa.timestamp(\"us\", tz=\"UTC\")";
    static const std::unordered_map<std::string, std::string> special = {{"bool", "pa.bool_()"},
        {"decimal128", "pa.decimal128(38)"}, {"time32", "pa.time32(\"s\")"},
        {"time64", "pa.time64(\"us\")"}, {"duration", "pa.duration(\"us\")"}};
    const auto it = special.find(name);
    return it != special.end() ? it->second : "pa." + name + "()";
}

std::string mappingLiteral(const FieldMapping &mapping, const std::string &indent)
{
    std::string out = "{\n";
    for (const FieldMappingEntry &entry : mapping)
        out += indent + "    " + stringLiteral(entry.name) + ": "
            + (entry.isRename() ? stringLiteral(entry.rename)
                                : arrowType(entry.type->toValue(), entry.type->hasNaiveTimestamp()))
            + ",\n";
    return out + indent + "}";
}

// A mapping of arguments, one per line so that changes read well in a diff.
std::string argumentsLiteral(const Value &arguments, const std::string &indent)
{
    std::string out = "{\n";
    for (const Member &member : arguments.members())
        out += indent + "    " + PythonExport::literal(member.keyValue()) + ": "
            + PythonExport::literal(member.value) + ",\n";
    return out + indent + "}";
}

// Resources(...) on one line, or one keyword per line when that would be long.
std::string resourcesLiteral(const Resources &resources, const std::string &indent)
{
    std::vector<std::string> keywords;
    std::size_t length = 0;
    for (const ResourceField &field : resourceFields())
        if (const std::optional<Value> &value = resources.*field.member) {
            keywords.push_back(std::string(field.key) + "=" + PythonExport::literal(*value));
            length += keywords.back().size() + 2;
        }
    std::string out = "Resources(";
    const bool wrap = indent.size() + length + 20 > 99;
    for (std::size_t i = 0; i < keywords.size(); ++i)
        out += wrap ? "\n" + indent + "    " + keywords[i] + ","
                    : (i > 0 ? ", " : "") + keywords[i];
    return out + (wrap ? "\n" + indent + ")" : ")");
}

// Where the program finds a step's component: its folder, relative to the program when inside.
std::string componentReference(const ComponentSpec &spec, const QDir &programFolder)
{
    const QString folder
        = QDir::cleanPath(QFileInfo(QString::fromStdString(spec.directory())).absoluteFilePath());
    const QString relative = programFolder.relativeFilePath(folder);
    const bool inside = !relative.startsWith(QStringLiteral("../"))
        && relative != QStringLiteral("..") && !QDir::isAbsolutePath(relative);
    return stringLiteral((inside ? relative : folder).toStdString());
}

// A component that only writes data out: called with Dataset.write, which takes no produces.
bool producesNothing(const ComponentSpec &spec)
{
    return spec.produces().fields.empty() && !spec.produces().additionalProperties;
}

// What Fondant's Python API cannot say of this pipeline.
Diagnostics inexpressible(const Pipeline &pipeline, const PipelineAnalysis &analysis)
{
    Diagnostics problems;
    std::unordered_map<std::string, const Step *> stepOfComponent;
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        const Step &step = pipeline.steps[i];
        const std::string &id = analysis.steps[i].spec->safeName();
        const auto [other, added] = stepOfComponent.try_emplace(id, &step);
        if (!added)
            problems.push_back(Diagnostic::error(pipeline.filePath, step.mark,
                "steps '" + other->second->id + "' and '" + step.id + "' both use the component '"
                    + withVisibleControls(id)
                    + "': a Fondant program keeps one step per component (its graph is keyed "
                      "by component id and the second call silently replaces the first); give "
                      "one step a copy of the component under another name, or export to "
                      "compose, kfp or vertex, which keep both"));
    }
    if (!pipeline.steps.empty() && pipeline.steps.front().consumes)
        problems.push_back(Diagnostic::error(pipeline.filePath,
            pipeline.steps.front().marks.find("consumes", pipeline.steps.front().mark),
            "step '" + pipeline.steps.front().id
                + "' starts the dataset, and Dataset.create takes no consumes mapping, yet it "
                  "enters this step's cache key; remove it"));
    return problems;
}

} // namespace

std::string PythonExport::literal(const Value &value)
{
    switch (value.kind()) {
    case Value::Kind::Null:
    case Value::Kind::Bool:
    case Value::Kind::Int:
        return FondantCommand::argumentText(value); // Python's str() and repr() agree on these
    case Value::Kind::Float: {
        const double number = value.toDouble();
        if (std::isnan(number))
            return "float(\"nan\")";
        if (std::isinf(number))
            return number > 0 ? "float(\"inf\")" : "-float(\"inf\")";
        return FondantCommand::argumentText(value);
    }
    case Value::Kind::String:
        return stringLiteral(value.toString());
    case Value::Kind::Array: {
        std::string out = "[";
        for (const Value &item : value.items())
            out += (out.size() > 1 ? ", " : "") + literal(item);
        return out + "]";
    }
    case Value::Kind::Object: {
        std::string out = "{";
        for (const Member &member : value.members())
            out += (out.size() > 1 ? ", " : "") + literal(member.keyValue()) + ": "
                + literal(member.value);
        return out + "}";
    }
    }
    return "None";
}

Result<std::string> PythonExport::write(const PipelineSession &session, const QString &programPath)
{
    const Pipeline &pipeline = session.pipeline();
    const PipelineAnalysis &analysis = session.analysis();
    if (session.hasErrors())
        return Diagnostic::error(
            pipeline.filePath, {}, "the pipeline has errors: fix them before exporting it");
    if (pipeline.steps.empty())
        return Diagnostic::error(pipeline.filePath, {}, "the pipeline has no steps to export");
    if (Diagnostics problems = inexpressible(pipeline, analysis); !problems.empty())
        return problems;

    const QFileInfo program(programPath);
    const QDir folder = program.absoluteDir();
    const std::vector<std::string> names = variableNames(pipeline);
    std::string text = "\"\"\"" + docstringText(pipeline.name);
    if (!pipeline.description.empty())
        text += ": " + docstringText(pipeline.description);
    text += "\n\nA Fondant 0.12.1 pipeline. Run it from this folder, for example with\n    fondant "
            "run local "
        + docstringText(program.fileName().toStdString())
        + " --working-directory ./fondant-wd\n\"\"\"\n"
          "import pyarrow as pa\n\n"
          "from fondant.dataset import Dataset, Resources\n\n\n"
          "def build() -> Dataset:\n"
          "    \"\"\"The steps in call order, which decides how cache keys chain.\"\"\"\n";
    // Inside build(), each call's keywords are indented twice.
    const std::string in = "        ";
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        const Step &step = pipeline.steps[i];
        const StepAnalysis &stepAnalysis = analysis.steps[i];
        const ComponentSpec &spec = *stepAnalysis.spec;
        const std::string call = stepAnalysis.parent < 0
            ? "Dataset.create("
            : names[static_cast<std::size_t>(stepAnalysis.parent)]
                + (producesNothing(spec) && !step.produces ? ".write(" : ".apply(");
        text += (i > 0 ? "\n    " : "    ") + names[i] + " = " + call + "\n" + in
            + componentReference(spec, folder) + ",\n";
        if (step.consumes && stepAnalysis.parent >= 0)
            text += in + "consumes=" + mappingLiteral(*step.consumes, in) + ",\n";
        if (step.produces)
            text += in + "produces=" + mappingLiteral(*step.produces, in) + ",\n";
        if (step.arguments.size() > 0)
            text += in + "arguments=" + argumentsLiteral(step.arguments, in) + ",\n";
        if (step.inputPartitionRows)
            text += in + "input_partition_rows=" + literal(*step.inputPartitionRows) + ",\n";
        if (!step.resources.isEmpty())
            text += in + "resources=" + resourcesLiteral(step.resources, in) + ",\n";
        if (step.cache != std::optional<bool>(true))
            text
                += in + "cache=" + (step.cache ? (*step.cache ? "True" : "False") : "None") + ",\n";
        if (stepAnalysis.parent < 0)
            text += in + "dataset_name=" + stringLiteral(pipeline.name) + ",\n";
        text += "    )\n";
    }
    text += "    return " + names.back()
        + "\n\n\n# `fondant run` and `fondant compile` take the module's first Dataset: the last "
          "step's.\ndataset = build()\n";
    return Result<std::string>(
        std::move(text), FondantCommand::runtimeSurprises(pipeline, analysis));
}

} // namespace fondant
