// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/spec/ComponentSpec.h"

#include "core/value/PyJson.h"

#include "core/util/Suggest.h"
#include "core/yaml/YamlReader.h"

#include <QFileInfo>

#include <algorithm>
#include <cctype>

namespace fondant {

namespace {

const std::vector<std::string> &topLevelKeys()
{
    static const std::vector<std::string> keys {
        "name", "description", "image", "tags", "consumes", "produces", "previous_index", "args"};
    return keys;
}

const std::vector<std::string> &fieldKeys()
{
    static const std::vector<std::string> keys {"type", "format", "properties", "items"};
    return keys;
}

class SpecParser
{
public:
    explicit SpecParser(std::string fileName) : m_file(std::move(fileName)) { }

    void error(SourceMark mark, const std::string &message)
    {
        m_diagnostics.push_back(Diagnostic::error(m_file, mark, message));
    }
    void warning(SourceMark mark, const std::string &message)
    {
        m_diagnostics.push_back(Diagnostic::warning(m_file, mark, message));
    }

    std::optional<std::string> requireString(const Member &member)
    {
        if (!member.value.isString()) {
            error(member.value.mark(),
                "'" + member.key + "' must be text, not "
                    + std::string(member.value.pythonTypeName()) + " " + member.value.describe());
            return std::nullopt;
        }
        return member.value.toString();
    }

    void parseFieldSection(const Member &member, FieldSection &section)
    {
        if (!member.value.isObject()) {
            error(member.value.mark(),
                "'" + member.key + "' must be a mapping of field names to types");
            return;
        }
        section.defined = !member.value.members().empty();
        for (const Member &field : member.value.members()) {
            const std::string where = member.key + "." + field.key;
            if (field.value.isBool()) {
                if (field.key == "additionalProperties")
                    section.additionalProperties = field.value.toBool();
                else
                    warning(field.keyMark,
                        "'" + where
                            + "' is true/false; only 'additionalProperties' "
                              "takes such a value, so Fondant ignores this entry");
                continue;
            }
            if (field.key == "additionalProperties") {
                error(field.value.mark(), "'" + where + "' must be true or false");
                continue;
            }
            if (!field.value.isObject()) {
                error(field.value.mark(),
                    "field '" + where + "' must be a mapping such as {type: string}, not "
                        + field.value.describe());
                continue;
            }
            bool valid = true;
            for (const Member &key : field.value.members()) {
                const auto &allowed = fieldKeys();
                if (std::find(allowed.begin(), allowed.end(), key.key) == allowed.end()) {
                    error(key.keyMark,
                        "unknown key '" + key.key + "' in field '" + where
                            + "' (allowed: type, format, items, properties)"
                            + didYouMean(key.key, allowed));
                    valid = false;
                }
            }
            const Value *type = field.value.find("type");
            if (!type) {
                error(field.keyMark, "field '" + where + "' has no 'type'");
                continue;
            }
            const auto &specNames = FieldType::specTypeNames();
            if (!type->isString()
                || std::find(specNames.begin(), specNames.end(), type->toString())
                    == specNames.end()) {
                const std::string given = type->isString() ? type->toString() : type->describe();
                error(type->mark(),
                    "field '" + where + "' has type '" + given
                        + "', which a component spec cannot use" + didYouMean(given, specNames));
                continue;
            }
            Result<FieldType> parsed = FieldType::fromValue(field.value);
            if (!parsed.ok()) {
                error(type->mark(), "field '" + where + "': " + parsed.errorMessage());
                continue;
            }
            if (valid) {
                section.fields.push_back(Field {field.key, parsed.value()});
                section.fieldMarks.push_back(field.keyMark);
            }
        }
    }

    void parseArguments(const Member &member, std::vector<ArgumentSpec> &arguments)
    {
        if (!member.value.isObject()) {
            error(member.value.mark(),
                "'args' must be a mapping of argument names to {type, description, default}");
            return;
        }
        const auto &types = ComponentSpec::argumentTypes();
        for (const Member &arg : member.value.members()) {
            if (!arg.value.isObject()) {
                error(arg.value.mark(), "argument '" + arg.key + "' must be a mapping with 'type'");
                continue;
            }
            ArgumentSpec spec;
            spec.name = arg.key;
            spec.mark = arg.keyMark;
            const Value *type = arg.value.find("type");
            if (!type) {
                error(arg.keyMark,
                    "argument '" + arg.key
                        + "' has no 'type' (one of str, int, float, bool, dict, list)");
                continue;
            }
            if (!type->isString()
                || std::find(types.begin(), types.end(), type->toString()) == types.end()) {
                const std::string given = type->isString() ? type->toString() : type->describe();
                error(type->mark(),
                    "argument '" + arg.key + "' has type '" + given
                        + "'; use one of str, int, float, bool, dict, list"
                        + didYouMean(given, types));
                continue;
            }
            spec.type = type->toString();
            if (spec.type == "tuple" || spec.type == "set")
                warning(type->mark(),
                    "argument '" + arg.key + "' has type '" + spec.type
                        + "', which Kubeflow pipelines cannot take; prefer 'list'");
            if (const Value *description = arg.value.find("description")) {
                if (description->isString())
                    spec.description = description->toString();
                else
                    error(description->mark(),
                        "the description of argument '" + arg.key + "' must be text");
            }
            if (const Member *defaultMember = arg.value.findMember("default")) {
                spec.defaultValue = defaultMember->value;
                checkDefault(spec, defaultMember->value);
            }
            arguments.push_back(std::move(spec));
        }
    }

    void checkDefault(const ArgumentSpec &spec, const Value &value)
    {
        if (const Value *mapping = PyJson::unsortableMapping(value)) {
            error(mapping->mark().isValid() ? mapping->mark() : value.mark(),
                "the default of argument '" + spec.name + "': " + PyJson::unsortableMessage());
            return;
        }
        if (value.isNull()) {
            warning(value.mark(),
                "argument '" + spec.name
                    + "' has a null default, which Fondant treats as required; write "
                      "'default: None' to make it optional");
            return;
        }
        if (spec.defaultsToNone())
            return;
        if (spec.accepts(value))
            return;
        std::string message = "the default of argument '" + spec.name + "' is "
            + value.pythonTypeName() + " " + value.describe() + " but the argument is declared '"
            + spec.type + "'";
        if (value.isString() && (spec.type == "float" || spec.type == "int")) {
            Result<Value> asCore
                = ScalarResolver::resolvePlain(value.toString(), ScalarRules::Yaml12Core);
            if (asCore.ok() && asCore.value().isNumber())
                message += "; Fondant's YAML reader (and KFP) read '" + value.toString()
                    + "' as text: write the number with a dot and a signed exponent, e.g. 1.0e-5";
        }
        warning(value.mark(), message);
    }

    Diagnostics takeDiagnostics() { return std::move(m_diagnostics); }
    bool hasErrors() const { return fondant::hasErrors(m_diagnostics); }

private:
    std::string m_file;
    Diagnostics m_diagnostics;
};

} // namespace

bool ArgumentSpec::accepts(const Value &value) const
{
    if (type == "str")
        return value.isString();
    if (type == "int")
        return value.isInt();
    if (type == "float")
        return value.isNumber();
    if (type == "bool")
        return value.isBool();
    if (type == "dict")
        return value.isObject();
    return value.isArray();
}

const std::vector<std::string> &ComponentSpec::argumentTypes()
{
    static const std::vector<std::string> types {
        "list", "str", "int", "float", "bool", "dict", "tuple", "set"};
    return types;
}

Result<ComponentSpec> ComponentSpec::fromFile(const QString &path)
{
    Result<Value> root = YamlReader::readFile(path, ScalarRules::PyYaml11);
    if (!root.ok())
        return root.takeDiagnostics();
    Diagnostics readWarnings = root.takeDiagnostics();
    Result<ComponentSpec> spec = fromValue(root.value(), path.toStdString());
    if (spec.ok()) {
        const QFileInfo info(path);
        spec->m_filePath = info.absoluteFilePath().toStdString();
        spec->m_directory = info.absolutePath().toStdString();
    }
    for (Diagnostic &warning : readWarnings)
        spec.addDiagnostic(std::move(warning));
    return spec;
}

Result<ComponentSpec> ComponentSpec::fromValue(const Value &root, const std::string &fileName)
{
    SpecParser parser(fileName);
    if (!root.isObject()) {
        parser.error(root.mark().isValid() ? root.mark() : SourceMark {1, 1},
            root.isNull() ? "the component spec is empty"
                          : "a component spec must be a mapping with name, description and image");
        return parser.takeDiagnostics();
    }

    ComponentSpec spec;
    spec.m_source = root;
    for (const Member &member : root.members()) {
        const auto &known = topLevelKeys();
        if (std::find(known.begin(), known.end(), member.key) == known.end()) {
            parser.error(member.keyMark,
                "unknown key '" + member.key
                    + "' in the component spec (allowed: "
                      "name, description, image, tags, consumes, produces, "
                      "previous_index, args)"
                    + didYouMean(member.key, known));
            continue;
        }
        if (member.key == "name") {
            spec.m_name = parser.requireString(member).value_or("");
        } else if (member.key == "image") {
            spec.m_image = parser.requireString(member).value_or("");
        } else if (member.key == "description") {
            spec.m_description = parser.requireString(member).value_or("");
        } else if (member.key == "previous_index") {
            spec.m_previousIndex = parser.requireString(member).value_or("");
        } else if (member.key == "tags") {
            if (!member.value.isArray()) {
                parser.error(member.value.mark(), "'tags' must be a list of text");
                continue;
            }
            for (const Value &tag : member.value.items()) {
                if (tag.isString())
                    spec.m_tags.push_back(tag.toString());
                else
                    parser.error(tag.mark(), "tag " + tag.describe() + " must be text");
            }
        } else if (member.key == "consumes") {
            parser.parseFieldSection(member, spec.m_consumes);
        } else if (member.key == "produces") {
            parser.parseFieldSection(member, spec.m_produces);
        } else if (member.key == "args") {
            parser.parseArguments(member, spec.m_arguments);
        }
    }
    const SourceMark start = root.mark().isValid() ? root.mark() : SourceMark {1, 1};
    for (const char *required : {"name", "description", "image"})
        if (!root.contains(required))
            parser.error(start, std::string("the component spec has no '") + required + "'");

    if (parser.hasErrors())
        return parser.takeDiagnostics();

    // Fondant's normalised dict: fixed key order, optional sections only when truthy.
    Value specification = Value::object();
    specification.set("name", *root.find("name"));
    specification.set("image", *root.find("image"));
    for (const char *key :
        {"description", "tags", "consumes", "produces", "previous_index", "args"})
        if (const Value *value = root.find(key); value && value->isTruthy())
            specification.set(key, *value);
    spec.m_specification = std::move(specification);
    return Result<ComponentSpec>(std::move(spec), parser.takeDiagnostics());
}

const ArgumentSpec *ComponentSpec::argument(const std::string &name) const
{
    auto it = std::find_if(m_arguments.begin(), m_arguments.end(),
        [&](const ArgumentSpec &a) { return a.name == name; });
    return it == m_arguments.end() ? nullptr : &*it;
}

std::string ComponentSpec::imageTag() const
{
    const std::size_t colon = m_image.rfind(':');
    return colon == std::string::npos ? std::string() : m_image.substr(colon + 1);
}

bool ComponentSpec::hasLatestTag() const
{
    // Fondant: image.rsplit(":")[-1] == "latest", so an untagged image named "latest" matches too.
    const std::size_t colon = m_image.rfind(':');
    return m_image.substr(colon == std::string::npos ? 0 : colon + 1) == "latest";
}

SourceMark ComponentSpec::markOf(const std::string &key) const
{
    if (const Member *member = m_source.findMember(key))
        return member->keyMark;
    return SourceMark {1, 1};
}

namespace {

// Python's str.lower(): Unicode's lowercase mapping, not only ASCII's.
std::string pythonLower(const std::string &text)
{
    if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) {
        std::string lower = text;
        for (char &c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return lower;
    }
    return QString::fromStdString(text).toLower().toStdString();
}

} // namespace

std::string ComponentSpec::safeNameOf(const std::string &name)
{
    std::string safe = pythonLower(name);
    std::replace(safe.begin(), safe.end(), ' ', '_');
    return safe;
}

std::string ComponentSpec::kfpSafeNameOf(const std::string &name)
{
    std::string safe;
    for (const char lower : pythonLower(name)) {
        const bool allowed
            = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '-';
        const char out = allowed ? lower : '-';
        if (out == '-' && !safe.empty() && safe.back() == '-')
            continue;
        safe += out;
    }
    while (!safe.empty() && safe.front() == '-')
        safe.erase(0, 1);
    while (!safe.empty() && safe.back() == '-')
        safe.pop_back();
    return safe;
}

} // namespace fondant
