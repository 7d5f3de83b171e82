// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CliApplication.h"

#include "core/cache/PipelineKeys.h"
#include "core/graph/PipelineAnalysis.h"
#include "core/pipeline/Pipeline.h"
#include "core/pipeline/PipelineReader.h"
#include "core/spec/ComponentResolver.h"
#include "core/validate/PipelineValidator.h"
#include "core/value/PyJson.h"
#include "views/document/PipelineDocument.h"
#include "views/scene/GraphScene.h"
#include "views/scene/SceneRenderer.h"
#include "views/scene/StepItem.h"

#include <algorithm>
#include <iomanip>
#include <ostream>

namespace fondant {

namespace {

const char *helpText = R"(Usage: fondant-studio-cli COMMAND PIPELINE [OPTIONS]

Checks Fondant pipelines and computes the cache keys Fondant 0.12.1 gives their steps.

Commands:
  validate PIPELINE [--components DIR]... [--json]
      Check the pipeline file, its components and the fields flowing between steps.
  keys PIPELINE [--components DIR]... [--json] [--preimages]
      Print every step's cache key (with --preimages, the exact texts that are hashed).
  render PIPELINE -o FILE.png|FILE.svg [--components DIR]...
      Draw the pipeline as the designer shows it, into a picture.

Options:
  --components DIR   Also look for components in DIR (after the pipeline's component_dirs,
                     before the bundled library). May be repeated.
  --json             Print one JSON document on standard output.
  --preimages        With keys --json: include the hashed texts of every key.
  -o, --output FILE  With render: the picture to write (.png or .svg).
  -h, --help         Show this help.
  --version          Show the version.

Exit codes: 0 success, 1 invalid input, 2 wrong usage.
Diagnostics go to standard error as FILE:LINE:COLUMN: error|warning: MESSAGE.
)";

Value diagnosticValue(const Diagnostic &d)
{
    Value value = Value::object();
    value.set("severity",
        d.isError()                           ? "error"
            : d.severity == Severity::Warning ? "warning"
                                              : "note");
    value.set("file", d.file);
    value.set("line", d.mark.isValid() ? Value(d.mark.line) : Value());
    value.set("column", d.mark.isValid() ? Value(d.mark.column) : Value());
    value.set("message", d.message);
    value.set("step", d.stepId.empty() ? Value() : Value(d.stepId));
    value.set("field", d.fieldPath.empty() ? Value() : Value(d.fieldPath));
    return value;
}

Value keyValue(const CacheKey &key, bool preimages)
{
    Value value = Value::object();
    value.set("arguments_hash", key.argumentsHash);
    value.set("operation_spec_hash", key.operationSpecHash);
    value.set("image_hash", key.imageHash);
    value.set("previous_key", key.inputs.previousKey ? Value(*key.inputs.previousKey) : Value());
    if (preimages) {
        value.set("arguments_text", key.argumentsText);
        value.set("operation_spec_text", key.operationSpecText);
        value.set("image_text", key.imageText);
        value.set("final_text", key.finalText);
    }
    return value;
}

} // namespace

CliApplication::CliApplication(std::ostream &out, std::ostream &err) : m_out(out), m_err(err) { }

int CliApplication::usageError(const QString &message)
{
    m_err << "fondant-studio-cli: " << message.toStdString() << "\n"
          << "Try 'fondant-studio-cli --help'.\n";
    return UsageError;
}

void CliApplication::printHelp()
{
    m_out << helpText;
}

void CliApplication::printDiagnostics(const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        m_err << d.toString() << "\n";
}

int CliApplication::run(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return usageError(QStringLiteral("no command given"));
    Options options;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("-h") || argument == QLatin1String("--help")) {
            printHelp();
            return Success;
        }
        if (argument == QLatin1String("--version")) {
            m_out << "fondant-studio-cli " << FONDANT_STUDIO_VERSION
                  << " (cache keys of Fondant 0.12.1)\n";
            return Success;
        }
        if (argument == QLatin1String("--json")) {
            options.json = true;
        } else if (argument == QLatin1String("--preimages")) {
            options.preimages = true;
        } else if (argument == QLatin1String("--components")) {
            if (i + 1 >= arguments.size())
                return usageError(QStringLiteral("--components needs a folder"));
            options.componentDirs << arguments.at(++i);
        } else if (argument == QLatin1String("-o") || argument == QLatin1String("--output")) {
            if (i + 1 >= arguments.size())
                return usageError(QStringLiteral("%1 needs a file").arg(argument));
            options.outputPath = arguments.at(++i);
        } else if (argument.startsWith(QLatin1String("--components="))) {
            options.componentDirs << argument.mid(13);
        } else if (argument.startsWith(QLatin1Char('-')) && argument.size() > 1) {
            return usageError(QStringLiteral("unknown option '%1'").arg(argument));
        } else if (options.command.isEmpty()) {
            options.command = argument;
        } else if (options.pipelinePath.isEmpty()) {
            options.pipelinePath = argument;
        } else {
            return usageError(QStringLiteral("unexpected argument '%1'").arg(argument));
        }
    }
    const QStringList commands {
        QStringLiteral("validate"), QStringLiteral("keys"), QStringLiteral("render")};
    if (!commands.contains(options.command))
        return usageError(QStringLiteral("unknown command '%1'").arg(options.command));
    if (options.pipelinePath.isEmpty())
        return usageError(QStringLiteral("'%1' needs a pipeline file").arg(options.command));
    if (options.preimages && options.command != QLatin1String("keys"))
        return usageError(QStringLiteral("--preimages goes with 'keys'"));
    if (options.command == QLatin1String("render")) {
        if (options.outputPath.isEmpty())
            return usageError(QStringLiteral("render needs -o FILE.png or -o FILE.svg"));
        if (!options.outputPath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)
            && !options.outputPath.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
            return usageError(QStringLiteral("the picture must end in .png or .svg"));
        return render(options);
    }
    if (!options.outputPath.isEmpty())
        return usageError(QStringLiteral("-o goes with 'render'"));
    return options.command == QLatin1String("validate") ? validate(options) : keys(options);
}

bool CliApplication::needsGui(const QStringList &arguments)
{
    return arguments.contains(QLatin1String("render"));
}

int CliApplication::render(const Options &options)
{
    PipelineDocument document;
    document.setExtraComponentDirs(options.componentDirs);
    const Diagnostics problems = document.load(options.pipelinePath);
    if (hasErrors(problems)) {
        printDiagnostics(problems);
        return InvalidInput;
    }
    printDiagnostics(document.diagnostics());
    GraphScene scene(document);
    // Steps the file gives no place get one from the layered layout.
    const QHash<QString, QPointF> layout = scene.layeredLayout();
    for (const Step &step : document.pipeline().steps)
        if (!document.pipeline().positions.contains(step.id))
            scene.stepItem(QString::fromStdString(step.id))
                ->setPos(layout.value(QString::fromStdString(step.id)));
    const QString error = SceneRenderer::render(scene, options.outputPath);
    if (!error.isEmpty()) {
        m_err << error.toStdString() << "\n";
        return InvalidInput;
    }
    m_out << "wrote " << options.outputPath.toStdString() << "\n";
    return Success;
}

bool CliApplication::loadAndValidate(
    const Options &options, Pipeline &pipeline, PipelineAnalysis &analysis)
{
    Result<Pipeline> read = PipelineReader::readFile(options.pipelinePath);
    if (!read.ok()) {
        printDiagnostics(read.diagnostics());
        return false;
    }
    pipeline = std::move(read).value();
    const ComponentResolver resolver
        = ComponentResolver::forPipeline(pipeline, options.componentDirs);
    resolver.assignDefaultIds(pipeline);
    analysis = PipelineValidator::validate(pipeline, resolver);
    analysis.diagnostics.insert(
        analysis.diagnostics.begin(), read.diagnostics().begin(), read.diagnostics().end());
    return true;
}

int CliApplication::validate(const Options &options)
{
    Pipeline pipeline;
    PipelineAnalysis analysis;
    if (!loadAndValidate(options, pipeline, analysis)) {
        if (options.json) {
            Value document = Value::object();
            document.set("pipeline", Value());
            document.set("valid", false);
            m_out << PyJson::dumps(document, PyJson::KeyOrder::Insertion, PyJson::Ascii::Keep)
                  << "\n";
        }
        return InvalidInput;
    }
    printDiagnostics(analysis.diagnostics);
    const auto count = [&](Severity severity) {
        return std::count_if(analysis.diagnostics.begin(), analysis.diagnostics.end(),
            [&](const Diagnostic &d) { return d.severity == severity; });
    };
    const auto errors = count(Severity::Error);
    const auto warnings = count(Severity::Warning);
    const auto notes = count(Severity::Note);
    if (options.json) {
        Value document = Value::object();
        document.set("pipeline", pipeline.name);
        document.set("valid", errors == 0);
        Value list = Value::array();
        for (const Diagnostic &d : analysis.diagnostics)
            list.append(diagnosticValue(d));
        document.set("diagnostics", std::move(list));
        m_out << PyJson::dumps(document, PyJson::KeyOrder::Insertion, PyJson::Ascii::Keep) << "\n";
    } else {
        m_out << options.pipelinePath.toStdString() << ": " << pipeline.steps.size()
              << (pipeline.steps.size() == 1 ? " step, " : " steps, ") << errors
              << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning" : " warnings");
        if (notes > 0)
            m_out << ", " << notes << (notes == 1 ? " note" : " notes");
        m_out << "\n";
    }
    return errors > 0 ? InvalidInput : Success;
}

int CliApplication::keys(const Options &options)
{
    Pipeline pipeline;
    PipelineAnalysis analysis;
    if (!loadAndValidate(options, pipeline, analysis))
        return InvalidInput;
    printDiagnostics(analysis.diagnostics);
    if (analysis.hasErrors())
        return InvalidInput;
    const PipelineKeys keys = PipelineKeys::compute(pipeline, analysis);
    printDiagnostics(keys.diagnostics);
    if (hasErrors(keys.diagnostics))
        return InvalidInput;

    if (options.json) {
        Value steps = Value::array();
        for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
            const Step &step = pipeline.steps[i];
            const StepAnalysis &stepAnalysis = analysis.steps[i];
            Value entry = Value::object();
            entry.set("id", step.id);
            entry.set("component", step.component);
            entry.set("cache_key", keys.keys[i] ? Value(keys.keys[i]->key) : Value());
            entry.set("cache", stepAnalysis.cacheEnabled);
            entry.set("cache_disabled_reason",
                stepAnalysis.cacheEnabled ? Value() : Value(stepAnalysis.cacheDisabledReason));
            if (keys.keys[i])
                entry.set("preimage", keyValue(*keys.keys[i], options.preimages));
            steps.append(std::move(entry));
        }
        Value document = Value::object();
        document.set("pipeline", pipeline.name);
        document.set("steps", std::move(steps));
        m_out << PyJson::dumps(document, PyJson::KeyOrder::Insertion, PyJson::Ascii::Keep) << "\n";
        return Success;
    }
    std::size_t idWidth = 4;
    for (const Step &step : pipeline.steps)
        idWidth = std::max(idWidth, step.id.size());
    m_out << std::left << std::setw(static_cast<int>(idWidth)) << "STEP"
          << "  CACHE KEY                         NOTE\n";
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        const StepAnalysis &stepAnalysis = analysis.steps[i];
        m_out << std::left << std::setw(static_cast<int>(idWidth)) << pipeline.steps[i].id << "  "
              << (keys.keys[i] ? keys.keys[i]->key : std::string(32, '?')) << "  "
              << (stepAnalysis.cacheEnabled ? ""
                                            : "caching off: " + stepAnalysis.cacheDisabledReason)
              << "\n";
    }
    return Success;
}

} // namespace fondant
