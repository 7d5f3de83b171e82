// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/FondantCommand.h"

#include "core/session/PipelineSession.h"
#include "core/value/PyJson.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace fondant {

namespace {

// A component id becomes a folder in every run: no separators, no dot folders, no controls.
bool isSafeFolderName(const std::string &name)
{
    return !name.empty() && name != "." && name != ".."
        && std::none_of(name.begin(), name.end(), [](char c) {
               return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
           });
}

} // namespace

Diagnostics FondantCommand::runtimeSurprises(
    const Pipeline &pipeline, const PipelineAnalysis &analysis)
{
    Diagnostics warnings;
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        const Step &step = pipeline.steps[i];
        const ComponentSpec &spec = *analysis.steps[i].spec;
        for (const Member &argument : step.arguments.members()) {
            const ArgumentSpec *declared = spec.argument(argument.key);
            if (!declared || declared->type != "bool" || !argument.value.isBool()
                || argument.value.toBool())
                continue;
            warnings.push_back(Diagnostic::warning(pipeline.filePath,
                step.marks.find("arguments." + argument.key, step.mark),
                "step '" + step.id + "': argument '" + argument.key
                    + "' is false, but Fondant 0.12.1's executor reads the text 'False' with "
                      "Python's bool(), which is true for any non-empty text: the component "
                      "will get true"));
        }
    }
    return warnings;
}

std::string FondantCommand::argumentText(const Value &value)
{
    switch (value.kind()) {
    case Value::Kind::Null:
        return "None";
    case Value::Kind::Bool:
        return value.toBool() ? "True" : "False";
    case Value::Kind::Int:
        return value.intText();
    case Value::Kind::Float: {
        // str() of a float, which for the non-finite ones is not JSON's spelling.
        const double number = value.toDouble();
        if (std::isnan(number))
            return "nan";
        if (std::isinf(number))
            return number > 0 ? "inf" : "-inf";
        return PyJson::floatRepr(number);
    }
    case Value::Kind::String:
        return value.toString();
    case Value::Kind::Array:
    case Value::Kind::Object:
        return PyJson::dumps(value, PyJson::KeyOrder::Insertion);
    }
    return {};
}

std::vector<std::string> FondantCommand::commandLine() const
{
    std::vector<std::string> line {"--metadata", metadata, "--output_manifest_path",
        outputManifestPath, "--working_directory", workingDirectory};
    for (const auto &[name, value] : options) {
        line.push_back("--" + name);
        line.push_back(argumentText(value));
    }
    if (inputManifestPath) {
        line.push_back("--input_manifest_path");
        line.push_back(*inputManifestPath);
    }
    return line;
}

Result<std::vector<FondantCommand>> FondantCommand::forSteps(const PipelineSession &session,
    const ExportSettings &settings, const std::string &datasetFolder)
{
    const Pipeline &pipeline = session.pipeline();
    const PipelineAnalysis &analysis = session.analysis();
    if (session.hasErrors())
        return Diagnostic::error(
            pipeline.filePath, {}, "the pipeline has errors: fix them before exporting it");
    if (pipeline.steps.empty())
        return Diagnostic::error(pipeline.filePath, {}, "the pipeline has no steps to export");
    // WORKING_DIRECTORY/FOLDER/RUN_ID/COMPONENT_ID/manifest.json
    const auto manifestOf = [&](const std::string &folder, const std::string &componentId) {
        return settings.workingDirectory + "/" + folder + "/" + settings.runId + "/" + componentId
            + "/manifest.json";
    };
    const bool datasetHasFields = !analysis.steps.back().outputFields.empty();

    Diagnostics problems;
    std::unordered_map<std::string, std::string> stepOfComponent;
    std::vector<FondantCommand> commands;
    const auto names = analysis.componentNames();
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        const Step &step = pipeline.steps[i];
        const StepAnalysis &stepAnalysis = analysis.steps[i];
        const CacheKey *key = session.key(static_cast<int>(i));
        if (!stepAnalysis.spec || !key) {
            problems.push_back(Diagnostic::error(
                pipeline.filePath, step.mark, "step '" + step.id + "' has no cache key to export"));
            continue;
        }
        FondantCommand command;
        command.step = i;
        command.componentId = names[i].id;
        command.specName = names[i].specName;
        if (!isSafeFolderName(command.componentId)) {
            problems.push_back(Diagnostic::error(pipeline.filePath, step.mark,
                "step '" + step.id + "': its component id '"
                    + withVisibleControls(command.componentId)
                    + "' cannot name a folder of the working directory"));
            continue;
        }
        const auto [other, added] = stepOfComponent.try_emplace(command.componentId, step.id);
        if (!added) {
            problems.push_back(Diagnostic::error(pipeline.filePath, step.mark,
                "steps '" + other->second + "' and '" + step.id + "' would both write into the "
                    + "folder '" + command.componentId
                    + "' (Fondant names a step's output after its component): rename one of "
                      "the steps"));
            continue;
        }
        Value metadata = Value::object();
        metadata.set("dataset_name", datasetFolder);
        metadata.set("run_id", settings.runId);
        metadata.set("component_id", command.componentId);
        metadata.set("cache_key", key->key);
        metadata.set("manifest_location", manifestOf(pipeline.name, command.componentId));
        command.metadata = PyJson::dumps(metadata, PyJson::KeyOrder::Insertion);
        command.outputManifestPath = manifestOf(datasetFolder, command.componentId);
        command.workingDirectory = settings.workingDirectory;
        // A second use of a component is keyed under its own name already (PipelineKeys).
        for (const Member &argument : key->arguments.members())
            command.options.emplace_back(argument.key, argument.value);
        if (const int parent = stepAnalysis.parent; parent >= 0) {
            command.inputComponentId = names[static_cast<std::size_t>(parent)].id;
            command.inputManifestPath = manifestOf(datasetFolder, *command.inputComponentId);
        } else if (datasetHasFields) {
            command.inputManifestPath = "None"; // the fresh dataset's manifest_location
        }
        commands.push_back(std::move(command));
    }
    if (!problems.empty())
        return problems;
    return Result<std::vector<FondantCommand>>(
        std::move(commands), runtimeSurprises(pipeline, analysis));
}

} // namespace fondant
