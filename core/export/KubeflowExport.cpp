// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/KubeflowExport.h"

#include "core/export/FondantCommand.h"
#include "core/session/PipelineSession.h"
#include "core/validate/PipelineValidator.h"
#include "core/value/PyJson.h"
#include "core/yaml/YamlWriter.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

namespace fondant {

namespace {

using Members = std::map<std::string, Value>;

// A value as a protobuf Value holds it: every number a double, mappings sorted (as the KFP SDK
// dumps them).
Value protobufValue(const Value &value)
{
    switch (value.kind()) {
    case Value::Kind::Int:
        return Value(
            value.isBigInt() ? std::stod(value.intText()) : static_cast<double>(value.toInt()));
    case Value::Kind::Array: {
        Value::Array items;
        for (const Value &item : value.items())
            items.push_back(protobufValue(item));
        return Value(std::move(items));
    }
    case Value::Kind::Object: {
        Members members;
        for (const Member &member : value.members())
            members[member.key] = protobufValue(member.value);
        return Value::object(std::move(members));
    }
    default:
        return value;
    }
}

// KFP's parameter type of a Fondant argument type, "" for types KFP has none for.
std::string parameterTypeOf(const std::string &type)
{
    static const std::map<std::string, std::string> types
        = {{"str", "STRING"}, {"int", "NUMBER_INTEGER"}, {"float", "NUMBER_DOUBLE"},
            {"bool", "BOOLEAN"}, {"dict", "STRUCT"}, {"list", "LIST"}};
    const auto found = types.find(type);
    return found == types.end() ? std::string() : found->second;
}

// The parameter type of a constant: KFP's type check asks for exactly the input's type.
std::string parameterTypeOfConstant(const Value &value)
{
    switch (value.kind()) {
    case Value::Kind::String:
        return "STRING";
    case Value::Kind::Int:
        return "NUMBER_INTEGER";
    case Value::Kind::Float:
        return "NUMBER_DOUBLE";
    case Value::Kind::Bool:
        return "BOOLEAN";
    case Value::Kind::Object:
        return "STRUCT";
    case Value::Kind::Array:
        return "LIST";
    case Value::Kind::Null:
        break;
    }
    return {};
}

// Why a protobuf Value cannot hold a value the KFP SDK converts (its to_protobuf_value): a null
// inside a list or mapping, a key that is not text, a number that is not finite. "" when it can.
std::string protobufProblem(const Value &value, bool nested = false)
{
    // Strings read from YAML may hold lone surrogates (as Python's can): UTF-8 has none.
    const auto hasSurrogate = [](const std::string &text) {
        for (std::size_t i = 0; i + 1 < text.size(); ++i)
            if (static_cast<unsigned char>(text[i]) == 0xed
                && static_cast<unsigned char>(text[i + 1]) >= 0xa0)
                return true;
        return false;
    };
    switch (value.kind()) {
    case Value::Kind::String:
        return hasSurrogate(value.toString())
            ? std::string("holds a lone UTF-16 surrogate, which KFP's protobuf cannot encode")
            : std::string();
    case Value::Kind::Null:
        return nested ? "holds a null, which KFP cannot pass" : std::string();
    case Value::Kind::Float:
        return std::isfinite(value.toDouble())
            ? std::string()
            : std::string("holds an infinite or NaN number, which KFP cannot pass");
    case Value::Kind::Array:
        for (const Value &item : value.items())
            if (std::string problem = protobufProblem(item, true); !problem.empty())
                return problem;
        return {};
    case Value::Kind::Object:
        for (const Member &member : value.members()) {
            if (member.keyKind != Value::Kind::String)
                return "has the key " + FondantCommand::argumentText(member.keyValue())
                    + ", which is not text: KFP's mappings have text keys only";
            if (hasSurrogate(member.key))
                return "has a key with a lone UTF-16 surrogate, which KFP's protobuf cannot "
                       "encode";
            if (std::string problem = protobufProblem(member.value, true); !problem.empty())
                return problem;
        }
        return {};
    default:
        return {};
    }
}

// Whether a text holds a character beyond the Basic Multilingual Plane (4 bytes in UTF-8).
bool beyondBmp(const std::string &text)
{
    return std::any_of(
        text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xf0; });
}

bool holdsBeyondBmp(const Value &value)
{
    if (value.isString())
        return beyondBmp(value.toString());
    if (value.isArray())
        return std::any_of(value.items().begin(), value.items().end(), holdsBeyondBmp);
    if (value.isObject())
        return std::any_of(
            value.members().begin(), value.members().end(), [](const Member &member) {
                return beyondBmp(member.key) || holdsBeyondBmp(member.value);
            });
    return false;
}

// A spec default as the KFP SDK stores it for an input of a parameter type (its
// _fill_in_component_input_default_value), or why it cannot. Fondant hands the SDK the
// component as YAML, which turns characters beyond U+FFFF into surrogate pairs protobuf refuses.
Result<Value> defaultFor(const std::string &type, const Value &value)
{
    const auto refused
        = [&](const std::string &why) { return Result<Value>(Diagnostic::error({}, {}, why)); };
    if (holdsBeyondBmp(value))
        return refused("holds a character beyond U+FFFF, which the KFP SDK mangles");
    if (type == "NUMBER_INTEGER" || type == "NUMBER_DOUBLE") {
        if (value.isBool())
            return Value(value.toBool() ? 1.0 : 0.0);
        if ((value.isInt() || value.isFloat()) && protobufProblem(value).empty())
            return protobufValue(value);
        return refused("is not a finite number, which KFP needs for a " + type + " input");
    }
    if (type == "STRING") {
        if (!value.isString())
            return refused("is not text, which KFP needs for a STRING input");
        if (std::string problem = protobufProblem(value); !problem.empty())
            return refused(problem);
        return value;
    }
    if (type == "BOOLEAN") {
        if (value.isBool())
            return value;
        if (value.isInt() && !value.isBigInt())
            return Value(value.toInt() != 0);
        return refused("is neither true nor false, which KFP needs for a BOOLEAN input");
    }
    if (std::string problem = protobufProblem(value, true); !problem.empty())
        return refused(problem);
    return protobufValue(value);
}

struct Parameter
{
    std::string type;
    bool optional = false;
    std::optional<Value> defaultValue;
};

// Fondant 0.12.1 hands the KFP SDK a number default in YAML that reads back as text when
// Python writes it without a dot (1e-05, inf), and the SDK then fails to compile.
bool readsBackAsText(const Value &value)
{
    if (!value.isFloat())
        return false;
    const std::string repr = PyJson::floatRepr(value.toDouble());
    return repr.find('.') == std::string::npos;
}

// The inputs Fondant declares for a component: its own arguments, then the spec's. Problems
// and warnings name the spec's argument.
std::map<std::string, Parameter> parametersOf(
    const ComponentSpec &spec, Diagnostics &problems, Diagnostics &warnings)
{
    std::map<std::string, Parameter> parameters = {
        {"input_manifest_path", {"STRING", true, {}}},
        {"working_directory", {"STRING", true, {}}},
        {"operation_spec", {"STRING", false, {}}},
        {"input_partition_rows", {"NUMBER_INTEGER", true, {}}},
        {"cache", {"BOOLEAN", true, Value(true)}},
        {"metadata", {"STRING", false, {}}},
        {"output_manifest_path", {"STRING", false, {}}},
    };
    for (const ArgumentSpec &argument : spec.arguments()) {
        if (beyondBmp(argument.name))
            problems.push_back(Diagnostic::error(spec.filePath(), argument.mark,
                "argument '" + argument.name
                    + "': its name holds a character beyond U+FFFF, which the KFP SDK mangles"));
        Parameter parameter;
        parameter.type = parameterTypeOf(argument.type);
        if (parameter.type.empty())
            problems.push_back(Diagnostic::error(spec.filePath(), argument.mark,
                "argument '" + argument.name + "' is of type " + argument.type
                    + ", which Kubeflow has no parameter type for"));
        if (argument.defaultsToNone()) {
            parameter.optional = true;
        } else if (argument.defaultValue && !argument.defaultValue->isNull()) {
            parameter.optional = true; // KFP makes every input with a default optional
            Result<Value> stored = defaultFor(parameter.type, *argument.defaultValue);
            if (stored.ok() && parameter.type.rfind("NUMBER_", 0) == 0
                && readsBackAsText(*argument.defaultValue))
                warnings.push_back(Diagnostic::warning(spec.filePath(), argument.mark,
                    "the default of argument '" + argument.name + "' is "
                        + PyJson::floatRepr(argument.defaultValue->toDouble())
                        + ", which Fondant 0.12.1's own Kubeflow and Vertex compilers cannot "
                          "compile (the KFP SDK reads it back as text); this file holds the "
                          "number, but 'fondant compile' of the same pipeline fails"));
            if (stored.ok())
                parameter.defaultValue = std::move(stored).value();
            else if (!parameter.type.empty())
                problems.push_back(Diagnostic::error(spec.filePath(), argument.mark,
                    "the default of argument '" + argument.name + "' " + stored.errorMessage()));
        }
        parameters[argument.name] = std::move(parameter);
    }
    return parameters;
}

Value inputDefinitions(const std::map<std::string, Parameter> &parameters)
{
    Members definitions;
    for (const auto &[name, parameter] : parameters) {
        Members definition {{"parameterType", Value(parameter.type)}};
        if (parameter.optional)
            definition["isOptional"] = Value(true);
        if (parameter.defaultValue)
            definition["defaultValue"] = *parameter.defaultValue;
        definitions[name] = Value::object(std::move(definition));
    }
    return Value::object({{"parameters", Value::object(std::move(definitions))}});
}

Value placeholder(const std::string &name)
{
    return Value("{{$.inputs.parameters['" + name + "']}}");
}

Value constant(const Value &value)
{
    return Value::object({{"runtimeValue", Value::object({{"constant", protobufValue(value)}})}});
}

// KFP's memory text in GB, as its set_memory_request/limit convert it; nullopt when KFP refuses it.
std::optional<double> memoryInGigabytes(const std::string &text)
{
    static const std::regex pattern("^([0-9]+)(E|Ei|P|Pi|T|Ti|G|Gi|M|Mi|K|Ki)?$");
    std::smatch match;
    if (!std::regex_match(text, match, pattern))
        return std::nullopt;
    const double number = std::stod(match[1].str());
    const std::string unit = match[2].str();
    // Python: float(n) * unit / G, except G itself (float(n)) and plain bytes (float(n) / G).
    if (unit.empty())
        return number / 1e9;
    if (unit == "G")
        return number;
    static const std::map<std::string, double> bytes
        = {{"E", 1e18}, {"Ei", std::pow(2.0, 60)}, {"P", 1e15}, {"Pi", std::pow(2.0, 50)},
            {"T", 1e12}, {"Ti", std::pow(2.0, 40)}, {"Gi", std::pow(2.0, 30)}, {"M", 1e6},
            {"Mi", std::pow(2.0, 20)}, {"K", 1e3}, {"Ki", std::pow(2.0, 10)}};
    return number * bytes.at(unit) / 1e9;
}

// KFP's CPU text in cores: a number, or an integer of millicores ("500m").
std::optional<double> cpuInCores(const std::string &text)
{
    static const std::regex pattern("^([0-9]*[.])?[0-9]+m?$");
    if (!std::regex_match(text, pattern))
        return std::nullopt;
    return text.ends_with('m') ? std::stod(text.substr(0, text.size() - 1)) / 1000
                               : std::stod(text);
}

std::string textOf(const std::optional<Value> &value)
{
    if (!value || value->isNull())
        return {};
    return value->isString() ? value->toString() : FondantCommand::argumentText(*value);
}

// The container resources of one step; problems name the step and the resource.
Value resourcesOf(const Pipeline &pipeline, const Step &step, KubeflowExport::Flavour flavour,
    Diagnostics &problems)
{
    using Flavour = KubeflowExport::Flavour;
    const Resources &resources = step.resources;
    Members out;
    const auto fail = [&](const std::string &key, const std::string &message) {
        problems.push_back(
            Diagnostic::error(pipeline.filePath, step.marks.find("resources." + key, step.mark),
                "step '" + step.id + "': resources." + key + " " + message));
    };
    const auto set = [&](const std::string &key, const std::optional<Value> &value,
                         const char *field, bool memory) {
        if (!value || value->isNull())
            return;
        if (!value->isString()) {
            fail(key, "must be text such as '2' or '512M': KFP reads only text");
            return;
        }
        const std::string &text = value->toString();
        const std::optional<double> amount = memory ? memoryInGigabytes(text) : cpuInCores(text);
        if (!amount)
            fail(key,
                "'" + withVisibleControls(text) + "' is no "
                    + (memory ? "memory size KFP reads (a number of bytes, or one followed by "
                                "E, P, T, G, M, K or Ei, Pi, Ti, Gi, Mi, Ki)"
                              : "CPU amount KFP reads (a number, or millicores as 500m)"));
        else
            out[field] = Value(*amount);
    };
    if (flavour == Flavour::Kubeflow) {
        set("cpu_request", resources.cpuRequest, "cpuRequest", false);
        set("memory_request", resources.memoryRequest, "memoryRequest", true);
    }
    set("cpu_limit", resources.cpuLimit, "cpuLimit", false);
    set("memory_limit", resources.memoryLimit, "memoryLimit", true);

    const std::string name = textOf(resources.acceleratorName);
    const std::optional<Value> &number = resources.acceleratorNumber;
    const bool hasNumber = number && !number->isNull();
    if (!name.empty() || (flavour == Flavour::Vertex && hasNumber)) {
        std::string type;
        if (flavour == Flavour::Kubeflow) {
            if (name == "GPU")
                type = "nvidia.com/gpu";
            else if (name == "TPU")
                type = "cloud-tpus.google.com/v3";
            else
                fail("accelerator_name",
                    "'" + withVisibleControls(name)
                        + "' is no accelerator Kubeflow gives: GPU or TPU");
        } else if (const auto &vertex = PipelineValidator::vertexAcceleratorNames();
                   std::find(vertex.begin(), vertex.end(), name) == vertex.end()) {
            fail("accelerator_name",
                "'" + withVisibleControls(name)
                    + "' is no accelerator Vertex AI knows (e.g. NVIDIA_TESLA_T4, TPU_V3)");
        } else {
            type = name;
        }
        const bool positive
            = hasNumber && number->isInt() && !number->isBigInt() && number->toInt() > 0;
        if (!positive)
            fail("accelerator_number", "must be a positive whole number with an accelerator");
        else if (!type.empty())
            out["accelerator"] = Value::object(
                {{"count", Value(std::to_string(number->toInt()))}, {"type", Value(type)}});
    }
    return out.empty() ? Value() : Value::object(std::move(out));
}

// Constants KFP's type check refuses: their Python type must be the input's type.
void checkConstantTypes(const Pipeline &pipeline, const Step &step,
    const std::map<std::string, Parameter> &parameters,
    const std::vector<std::pair<std::string, Value>> &options, Diagnostics &problems)
{
    for (const auto &[name, value] : options) {
        const auto parameter = parameters.find(name);
        if (parameter == parameters.end())
            continue;
        if (parameter->second.type.empty())
            continue; // refused with the component's argument
        if (std::string problem = protobufProblem(value); !problem.empty()) {
            problems.push_back(Diagnostic::error(pipeline.filePath,
                step.marks.find("arguments." + name, step.mark),
                "step '" + step.id + "': argument '" + name + "' " + problem));
            continue;
        }
        const std::string given = parameterTypeOfConstant(value);
        if (given != parameter->second.type)
            problems.push_back(Diagnostic::error(pipeline.filePath,
                step.marks.find("arguments." + name, step.mark),
                "step '" + step.id + "': argument '" + name + "' is a " + given
                    + " value, and KFP's type check accepts only " + parameter->second.type
                    + " for it (write 1.0 for a float, not 1)"));
    }
}

} // namespace

Result<std::string> KubeflowExport::write(
    const PipelineSession &session, const ExportSettings &settings, Flavour flavour)
{
    Result<std::vector<FondantCommand>> commands
        = FondantCommand::forSteps(session, settings, "dataset");
    if (!commands.ok())
        return commands.takeDiagnostics();
    const Pipeline &pipeline = session.pipeline();
    Diagnostics problems;
    Members components;
    Members executors;
    Members tasks;
    Members nodeSelectors;
    Diagnostics specWarnings;
    std::set<std::string> names;
    std::string previousTask;
    for (const FondantCommand &command : commands.value()) {
        const Step &step = pipeline.steps[command.step];
        const ComponentSpec &spec = *session.analysis().steps[command.step].spec;
        const std::string name = ComponentSpec::kfpSafeNameOf(command.specName);
        if (name.empty() || !names.insert(name).second) {
            problems.push_back(Diagnostic::error(pipeline.filePath, step.mark,
                "step '" + step.id + "': its component's name '" + withVisibleControls(spec.name())
                    + "' gives the Kubeflow task name '" + name
                    + "', which another step has or which is empty"));
            continue;
        }
        const std::map<std::string, Parameter> parameters
            = parametersOf(spec, problems, specWarnings);
        std::vector<std::pair<std::string, Value>> passed;
        for (const auto &[option, value] : command.options) {
            if (!value.isNull()) {
                passed.emplace_back(option, value);
                continue;
            }
            // KFP drops None arguments: a required one is then missing.
            const auto parameter = parameters.find(option);
            if (parameter != parameters.end() && !parameter->second.optional)
                problems.push_back(Diagnostic::error(pipeline.filePath,
                    step.marks.find("arguments." + option, step.mark),
                    "step '" + step.id + "': argument '" + option
                        + "' is null, which KFP leaves out, and the component requires it"));
        }
        checkConstantTypes(pipeline, step, parameters, passed, problems);
        passed.emplace_back("output_manifest_path", Value(command.outputManifestPath));
        passed.emplace_back("metadata", Value(command.metadata));
        passed.emplace_back("working_directory", Value(command.workingDirectory));
        if (command.inputComponentId)
            passed.emplace_back("input_manifest_path", Value(*command.inputManifestPath));

        Value args = Value::array();
        Members inputs;
        for (const auto &[option, value] : passed) {
            args.append(Value("--" + option));
            args.append(placeholder(option));
            inputs[option] = constant(value);
        }
        Members container {{"args", std::move(args)},
            {"command", Value(Value::Array {Value("fondant"), Value("execute"), Value("main")})},
            {"image", Value(spec.image())}};
        if (Value resources = resourcesOf(pipeline, step, flavour, problems); !resources.isNull())
            container["resources"] = std::move(resources);
        executors["exec-" + name]
            = Value::object({{"container", Value::object(std::move(container))}});
        components["comp-" + name] = Value::object({{"executorLabel", Value("exec-" + name)},
            {"inputDefinitions", inputDefinitions(parameters)}});

        Members task {{"cachingOptions", Value::object()},
            {"componentRef", Value::object({{"name", Value("comp-" + name)}})},
            {"inputs", Value::object({{"parameters", Value::object(std::move(inputs))}})},
            {"taskInfo", Value::object({{"name", Value(name)}})}};
        // Fondant runs each step after the one before it in call order, not after its input.
        if (command.inputComponentId && !previousTask.empty())
            task["dependentTasks"] = Value(Value::Array {Value(previousTask)});
        tasks[name] = Value::object(std::move(task));
        previousTask = name;

        const std::optional<Value> &labelValue = step.resources.nodePoolLabel;
        const std::optional<Value> &poolValue = step.resources.nodePoolName;
        const bool hasPool
            = labelValue && !labelValue->isNull() && poolValue && !poolValue->isNull();
        const bool textPool = hasPool && labelValue->isString() && poolValue->isString();
        if (flavour == Flavour::Kubeflow && hasPool && !textPool)
            problems.push_back(Diagnostic::error(pipeline.filePath,
                step.marks.find("resources.node_pool_name", step.mark),
                "step '" + step.id
                    + "': node_pool_label and node_pool_name must be text for Kubernetes' node "
                      "selector"));
        if (flavour == Flavour::Kubeflow && textPool)
            nodeSelectors["exec-" + name] = Value::object({{"nodeSelector",
                Value::object(
                    {{"labels", Value::object({{labelValue->toString(), *poolValue}})}})}});
    }
    if (!problems.empty())
        return problems;

    const std::string pipelineName = ComponentSpec::kfpSafeNameOf(pipeline.name);
    Value root = Value::object({
        {"components", Value::object(std::move(components))},
        {"deploymentSpec", Value::object({{"executors", Value::object(std::move(executors))}})},
        {"pipelineInfo", Value::object({{"name", Value(pipelineName)}})},
        {"root",
            Value::object({{"dag", Value::object({{"tasks", Value::object(std::move(tasks))}})}})},
        {"schemaVersion", Value("2.1.0")},
        {"sdkVersion", Value("kfp-2.6.0")},
    });
    std::string text = "# PIPELINE DEFINITION\n# Name: " + pipelineName + "\n";
    for (const Member &member : root.members())
        YamlWriter::appendMember(text, member, 0);
    if (!nodeSelectors.empty()) {
        text += "---\n";
        YamlWriter::appendMember(text, "platforms",
            Value::object({{"kubernetes",
                Value::object({{"deploymentSpec",
                    Value::object({{"executors", Value::object(std::move(nodeSelectors))}})}})}}),
            0);
    }
    Diagnostics warnings = commands.takeDiagnostics();
    append(warnings, specWarnings);
    if (!settings.remote)
        warnings.push_back(
            Diagnostic::warning(pipeline.filePath, pipeline.marks.find("working_directory"),
                "the working directory " + withVisibleControls(settings.workingDirectory)
                    + " is a local folder, which the pipeline's pods cannot reach; give a bucket "
                      "(gs://…, s3://…) that the cluster can write to"));
    return Result<std::string>(std::move(text), std::move(warnings));
}

} // namespace fondant
