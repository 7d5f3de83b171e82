// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/ComposeExport.h"

#include "core/export/FondantCommand.h"
#include "core/session/PipelineSession.h"
#include "core/yaml/YamlWriter.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <map>

namespace fondant {

namespace {

// Compose replaces $VAR and ${VAR} in every value before it runs anything; "$$" is a "$".
std::string escapedForCompose(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        out += c;
        if (c == '$')
            out += '$';
    }
    return out;
}

Value composeText(const std::string &text)
{
    return Value(escapedForCompose(text));
}

// Compose reserves NVIDIA GPUs only; Fondant's compiler refuses other accelerators.
Diagnostics acceleratorProblems(const Pipeline &pipeline)
{
    Diagnostics problems;
    for (const Step &step : pipeline.steps) {
        const std::optional<Value> &name = step.resources.acceleratorName;
        if (!name || name->isNull())
            continue;
        const SourceMark mark = step.marks.find("resources.accelerator_name", step.mark);
        const std::string text = name->isString() ? name->toString() : std::string();
        if (text == "TPU")
            problems.push_back(Diagnostic::error(pipeline.filePath, mark,
                "step '" + step.id
                    + "': Docker Compose cannot give a TPU (Fondant's compiler refuses it too); "
                      "export to Vertex instead"));
        else if (text != "GPU")
            problems.push_back(Diagnostic::error(pipeline.filePath, mark,
                "step '" + step.id + "': Docker Compose gives accelerators 'GPU' only, not '"
                    + withVisibleControls(text) + "'"));
    }
    return problems;
}

// Compose passes a null argument as the text None, which Fondant's executor turns back into
// null only for str arguments; reading it as another type fails the container.
Diagnostics nullArguments(const Pipeline &pipeline, const PipelineAnalysis &analysis)
{
    Diagnostics warnings;
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        const Step &step = pipeline.steps[i];
        for (const Member &argument : step.arguments.members()) {
            const ArgumentSpec *declared = analysis.steps[i].spec->argument(argument.key);
            if (!argument.value.isNull() || !declared || declared->type == "str")
                continue;
            warnings.push_back(Diagnostic::warning(pipeline.filePath,
                step.marks.find("arguments." + argument.key, step.mark),
                "step '" + step.id + "': argument '" + argument.key
                    + "' is null, which Docker Compose passes as the text None: the "
                    + declared->type + " argument cannot be read from it and the container fails; "
                    + "leave the argument out instead"));
        }
    }
    return warnings;
}

} // namespace

Result<std::string> ComposeExport::write(
    const PipelineSession &session, const ExportSettings &settings)
{
    Result<std::vector<FondantCommand>> commands
        = FondantCommand::forSteps(session, settings, session.pipeline().name);
    if (!commands.ok())
        return commands.takeDiagnostics();
    const Pipeline &pipeline = session.pipeline();
    if (Diagnostics problems = acceleratorProblems(pipeline); !problems.empty())
        return problems;
    // Compose names services with letters, digits, '.', '_' and '-' only.
    Diagnostics badNames;
    for (const FondantCommand &command : commands.value())
        if (!std::all_of(command.componentId.begin(), command.componentId.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            })) {
            const Step &step = pipeline.steps[command.step];
            badNames.push_back(Diagnostic::error(pipeline.filePath, step.mark,
                "step '" + step.id + "': its component id '"
                    + withVisibleControls(command.componentId)
                    + "' cannot name a Docker Compose service (letters, digits, '.', '_' and '-' "
                      "only); give the component a plainer name"));
        }
    if (!badNames.empty())
        return badNames;
    Diagnostics warnings = commands.takeDiagnostics();
    append(warnings, nullArguments(pipeline, session.analysis()));
    const std::string &path = settings.workingDirectory;

    std::map<std::string, Value> services;
    for (const FondantCommand &command : commands.value()) {
        const StepAnalysis &analysis = session.analysis().steps[command.step];
        const Step &step = pipeline.steps[command.step];
        std::map<std::string, Value> service;
        Value line = Value::array();
        for (const std::string &argument : command.commandLine())
            line.append(composeText(argument));
        service["command"] = std::move(line);
        Value dependsOn = Value::object();
        if (command.inputComponentId)
            dependsOn.set(*command.inputComponentId,
                Value::object({{"condition", Value("service_completed_successfully")}}));
        service["depends_on"] = std::move(dependsOn);
        service["entrypoint"]
            = Value(Value::Array {Value("fondant"), Value("execute"), Value("main")});
        service["labels"] = Value::object({{"dataset_description", Value()}});
        service["ports"] = Value(Value::Array {Value("8787:8787")});
        Value volumes = Value::array();
        if (!settings.remote)
            volumes.append(Value::object({{"source", composeText(path)},
                {"target", composeText(path)}, {"type", Value("bind")}}));
        service["volumes"] = std::move(volumes);
        const std::string &directory = analysis.spec->directory();
        if (!directory.empty()
            && QFileInfo(
                QDir(QString::fromStdString(directory)).filePath(QStringLiteral("Dockerfile")))
                   .isFile())
            service["build"] = Value::object({{"args", Value::array()},
                {"context",
                    composeText(QFileInfo(QString::fromStdString(directory))
                                    .absoluteFilePath()
                                    .toStdString())}});
        else
            service["image"] = composeText(analysis.spec->image());
        if (step.resources.acceleratorName && step.resources.acceleratorName->isString()
            && step.resources.acceleratorName->toString() == "GPU")
            service["deploy"] = Value::object({{"resources",
                Value::object({{"reservations",
                    Value::object({{"devices",
                        Value(Value::Array {Value::object({
                            {"capabilities", Value(Value::Array {Value("gpu")})},
                            {"count", step.resources.acceleratorNumber.value_or(Value())},
                            {"driver", Value("nvidia")},
                        })})}})}})}});
        services[command.componentId] = Value::object(std::move(service));
    }

    Value root = Value::object();
    root.set("name", Value(pipeline.name));
    root.set("services", Value::object(std::move(services)));
    root.set("version", Value("3.8"));
    std::string text;
    for (const Member &member : root.members())
        YamlWriter::appendMember(text, member, 0);
    return Result<std::string>(std::move(text), std::move(warnings));
}

} // namespace fondant
