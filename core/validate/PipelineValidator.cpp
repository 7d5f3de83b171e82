// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/validate/PipelineValidator.h"

#include "core/pipeline/Pipeline.h"
#include "core/spec/ComponentResolver.h"
#include "core/util/Suggest.h"
#include "core/value/PyJson.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

namespace fondant {

namespace {

bool contains(const std::vector<std::string> &list, const std::string &value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string quoted(const std::string &text)
{
    return "'" + text + "'";
}

bool sameFields(const FieldList &a, const FieldList &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
        [](const Field &x, const Field &y) { return x.name == y.name && x.type == y.type; });
}

// The names of the first fields, to suggest one of; none once the budget for suggestions is
// spent.
std::vector<std::string> suggestionCandidates(
    const DatasetFields &fields, const SuggestionBudget &budget)
{
    std::vector<std::string> names;
    if (budget.cells > 0)
        for (const DatasetFields::Entry *entry : fields.entries(1000))
            names.push_back(entry->field.name);
    return names;
}

bool isLowerOrDigit(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isAsciiAlnum(char c)
{
    return isLowerOrDigit(c) || (c >= 'A' && c <= 'Z');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Fondant's dataset name pattern ^[a-z0-9][a-z0-9_-]*$.
bool isDatasetName(const std::string &name)
{
    return !name.empty() && isLowerOrDigit(name.front())
        && std::all_of(name.begin(), name.end(),
            [](char c) { return isLowerOrDigit(c) || c == '_' || c == '-'; });
}

// A step id usable as a folder and service name: [A-Za-z0-9_][A-Za-z0-9_.-]*, not . or ..
bool isSafeId(const std::string &id)
{
    return !id.empty() && (isAsciiAlnum(id.front()) || id.front() == '_') && id != "." && id != ".."
        && std::all_of(id.begin(), id.end(),
            [](char c) { return isAsciiAlnum(c) || c == '_' || c == '.' || c == '-'; });
}

// [0-9]+(\.[0-9]+)? at position pos; returns the position after it, or npos.
std::size_t skipDecimal(const std::string &text, std::size_t pos)
{
    const std::size_t start = pos;
    while (pos < text.size() && isDigit(text[pos]))
        ++pos;
    if (pos == start)
        return std::string::npos;
    if (pos < text.size() && text[pos] == '.') {
        const std::size_t fraction = ++pos;
        while (pos < text.size() && isDigit(text[pos]))
            ++pos;
        if (pos == fraction)
            return std::string::npos;
    }
    return pos;
}

// Kubernetes memory: a decimal with an optional unit E P T G M K (or Ei…Ki) or exponent.
bool isMemoryAmount(const std::string &text)
{
    std::size_t pos = skipDecimal(text, 0);
    if (pos == std::string::npos || pos == text.size())
        return pos == text.size();
    const std::string unit = text.substr(pos);
    if (unit.size() <= 2 && std::string("EPTGMK").find(unit[0]) != std::string::npos)
        return unit.size() == 1 || unit[1] == 'i';
    return (unit[0] == 'e' || unit[0] == 'E') && unit.size() > 1
        && std::all_of(unit.begin() + 1, unit.end(), isDigit);
}

// Kubernetes CPU: cores (2, 0.5) or millicores (500m).
bool isCpuAmount(const std::string &text)
{
    const std::size_t pos = skipDecimal(text, 0);
    return pos == text.size()
        || (pos != std::string::npos && pos + 1 == text.size() && text[pos] == 'm');
}

std::string argumentTypeWords(const std::string &type)
{
    if (type == "str")
        return "text";
    if (type == "int")
        return "a whole number";
    if (type == "float")
        return "a number";
    if (type == "bool")
        return "true or false";
    if (type == "dict")
        return "a mapping";
    return "a list";
}

class Validator
{
public:
    Validator(
        const Pipeline &pipeline, const ComponentResolver &resolver, PipelineAnalysis &analysis)
        : m_pipeline(pipeline), m_resolver(resolver), m_analysis(analysis)
    { }

    void run()
    {
        m_analysis = PipelineAnalysis {};
        m_analysis.graph = StepGraph(m_pipeline);
        checkPipeline();
        for (std::size_t i = 0; i < m_pipeline.steps.size(); ++i)
            analyzeStep(static_cast<int>(i));
        noteBranchChaining();
        m_analysis.collectDiagnostics();
    }

    // Redoes one step. When what it passes on changed (its fields, or the fields Fondant's own
    // check carries along in call order), everything is redone: the steps after it see other
    // fields. Returns the steps redone.
    std::vector<int> rerun(int index)
    {
        m_redoingOneStep = true;
        StepAnalysis &step = m_analysis.steps[static_cast<std::size_t>(index)];
        const StepAnalysis before = step;
        step = StepAnalysis {};
        analyzeStep(index);
        for (const Diagnostic &d : m_analysis.pipelineDiagnostics)
            step.hasErrors = step.hasErrors || (d.isError() && d.stepId == step.id);
        const auto produced = [](const StepAnalysis &analysis) {
            return analysis.operation ? analysis.operation->datasetProduces() : FieldList {};
        };
        const bool passesOnTheSame = before.outputFields == step.outputFields
            && sameFields(produced(before), produced(step))
            && before.operation.has_value() == step.operation.has_value()
            && (!step.operation
                || before.operation->spec().previousIndex()
                    == step.operation->spec().previousIndex());
        if (!passesOnTheSame) {
            m_redoingOneStep = false;
            run();
            std::vector<int> all(m_pipeline.steps.size());
            std::iota(all.begin(), all.end(), 0);
            return all;
        }
        m_analysis.collectDiagnostics();
        return {index};
    }

private:
    void report(
        Severity severity, const Step *step, const std::string &path, const std::string &message)
    {
        Diagnostic diagnostic;
        diagnostic.severity = severity;
        diagnostic.file = m_pipeline.filePath;
        diagnostic.message = message;
        if (step) {
            diagnostic.stepId = step->id;
            diagnostic.fieldPath = path;
            diagnostic.mark = path.empty() ? step->mark : step->marks.find(path, step->mark);
        } else {
            diagnostic.mark = m_pipeline.marks.find(path, SourceMark {1, 1});
        }
        listFor(step).push_back(std::move(diagnostic));
    }
    // Problems of the step being analysed go to its own list; those found in passes over the
    // whole pipeline (ids, branch notes) to the pipeline's, still naming their step.
    Diagnostics &listFor(const Step *step)
    {
        if (step && m_current == step)
            return m_analysis.steps[static_cast<std::size_t>(step - m_pipeline.steps.data())]
                .diagnostics;
        return m_analysis.pipelineDiagnostics;
    }
    void error(const Step *step, const std::string &path, const std::string &message)
    {
        report(Severity::Error, step, path, message);
        if (step)
            markStepError(*step);
    }
    void warning(const Step *step, const std::string &path, const std::string &message)
    {
        report(Severity::Warning, step, path, message);
    }
    // The problem just reported on step offers fix.
    void offerFix(const Step &step, Fix fix) { listFor(&step).back().fix = std::move(fix); }
    void markStepError(const Step &step)
    {
        const auto index = static_cast<std::size_t>(&step - m_pipeline.steps.data());
        if (index < m_analysis.steps.size())
            m_analysis.steps[index].hasErrors = true;
    }

    void checkPipeline()
    {
        if (m_pipeline.name.empty())
            error(nullptr, "name",
                "the pipeline needs a name: the Fondant dataset name, e.g. 'reviews'");
        else if (!isDatasetName(m_pipeline.name))
            error(nullptr, "name",
                "the name " + quoted(m_pipeline.name)
                    + " is not a valid Fondant dataset name: use lowercase letters, digits, "
                      "'-' and '_', starting with a letter or digit");
        if (m_pipeline.steps.empty())
            report(Severity::Note, nullptr, "steps",
                "the pipeline has no steps yet: add one from the component palette");

        m_analysis.steps.resize(m_pipeline.steps.size());
        std::map<std::string, const Step *> byId;
        std::map<std::string, const Step *> byKfpName;
        for (const Step &step : m_pipeline.steps) {
            if (step.id.empty()) {
                error(&step, "id", "this step has no id");
                continue;
            }
            if (!isSafeId(step.id)) {
                error(&step, "id",
                    "the id " + quoted(step.id)
                        + " cannot name a folder and a service: use letters, digits, '_', "
                          "'-' and '.', starting with a letter, digit or '_'");
                continue;
            }
            if (const auto [it, inserted] = byId.emplace(step.id, &step); !inserted) {
                error(&step, "id",
                    "the id " + quoted(step.id)
                        + " is already used by an earlier step; give this step its own 'id'");
                continue;
            }
            const std::string kfpName = ComponentSpec::kfpSafeNameOf(step.id);
            if (const auto [it, inserted] = byKfpName.emplace(kfpName, &step); !inserted)
                error(&step, "id",
                    "the ids " + quoted(it->second->id) + " and " + quoted(step.id)
                        + " both become the Kubeflow task name " + quoted(kfpName)
                        + "; rename one of them");
        }
    }

    void analyzeStep(int index)
    {
        const Step &step = m_pipeline.steps[static_cast<std::size_t>(index)];
        StepAnalysis &analysis = m_analysis.steps[static_cast<std::size_t>(index)];
        analysis.id = step.id;
        m_current = &step;
        analyzeCurrentStep(step, index, analysis);
        m_current = nullptr;
    }

    void analyzeCurrentStep(const Step &step, int index, StepAnalysis &analysis)
    {
        checkInput(step, index, analysis);
        const StepAnalysis *parent = analysis.parent >= 0
            ? &m_analysis.steps[static_cast<std::size_t>(analysis.parent)]
            : nullptr;
        if (parent)
            analysis.inputFields = parent->outputFields;
        analysis.outputFields = analysis.inputFields;

        auto resolved = m_resolver.resolve(step.component);
        reportSpecDiagnostics(step, resolved.diagnostics());
        if (!resolved.ok()) {
            if (fondant::hasErrors(resolved.diagnostics())
                && !resolved.diagnostics().front().file.empty())
                error(&step, "component",
                    "component " + quoted(step.component)
                        + " cannot be used: its spec has errors (see above)");
            return;
        }
        analysis.spec = resolved.value();
        const ComponentSpec &spec = *analysis.spec;

        checkArguments(step, spec);
        checkResources(step);
        checkPartitionRows(step);
        checkCaching(step, spec, analysis);

        Result<OperationSpec> operation = OperationSpec::build(
            analysis.spec, step.consumes, step.produces, parent ? &analysis.inputFields : nullptr);
        if (!operation.ok()) {
            for (const Diagnostic &d : operation.diagnostics()) {
                error(&step, d.fieldPath, "step " + quoted(step.id) + ": " + d.message);
                if (d.fix)
                    offerFix(step, *d.fix);
            }
            return;
        }
        analysis.operation = std::move(operation).value();
        checkProducedNames(step, *analysis.operation);
        // A later step without an input is already reported; its fields cannot be checked.
        if (index == 0 || parent)
            checkConsumedFields(step, *analysis.operation, analysis, index == 0);
        checkCallOrderFields(step, index, analysis);

        analysis.outputFields = analysis.operation->evolve(analysis.inputFields, step.id);
    }

    // Whether no earlier step uses the spec file behind this step's component.
    // Steps are analysed in order, so the first to ask is the first user; a step redone alone
    // looks at the earlier steps' analysis instead.
    bool isFirstUserOfSpec(const Step &step, const std::string &specFile)
    {
        const auto index = static_cast<std::size_t>(&step - m_pipeline.steps.data());
        auto [user, added] = m_firstUserOfSpec.try_emplace(specFile, index);
        if (added && m_redoingOneStep)
            user->second = firstUserOfSpec(specFile, index);
        return user->second == index;
    }

    // The first of the steps before `index` whose analysis uses or reports on specFile, else index.
    std::size_t firstUserOfSpec(const std::string &specFile, std::size_t index) const
    {
        for (std::size_t i = 0; i < index; ++i) {
            const StepAnalysis &earlier = m_analysis.steps[i];
            if (earlier.spec && earlier.spec->filePath() == specFile)
                return i;
            for (const Diagnostic &d : earlier.diagnostics)
                if (d.file == specFile)
                    return i;
        }
        return index;
    }

    // Problems of a spec file are reported once, at their place in that file, on the first
    // step that uses it; a component that cannot be found is reported at the step.
    void reportSpecDiagnostics(const Step &step, const Diagnostics &diagnostics)
    {
        for (const Diagnostic &d : diagnostics) {
            if (d.file.empty()) {
                // The component was not found: a known name it is a likely typo of is offered.
                const std::string suggestion
                    = d.isError() ? nearestComponentName(step.component) : std::string();
                report(d.severity, &step, "component", d.message + didYouMeanText(suggestion));
                if (!suggestion.empty())
                    offerFix(step, Fix {Fix::Part::Value, suggestion});
                if (d.isError())
                    markStepError(step);
                continue;
            }
            if (!isFirstUserOfSpec(step, d.file))
                continue;
            Diagnostic copy = d;
            copy.stepId = step.id;
            copy.fieldPath = "component";
            listFor(&step).push_back(std::move(copy));
        }
    }

    // The component name closest to reference when it is a likely typo, else "".
    std::string nearestComponentName(const std::string &reference)
    {
        if (ComponentResolver::isPathReference(reference))
            return {};
        if (!m_componentNames) {
            // Each folder holding a spec in the folders searched, as the resolver finds them.
            std::set<std::string> names;
            for (const QString &dir : m_resolver.searchDirs())
                for (const QString &name : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                    if (QFileInfo(QDir(dir).filePath(name + QLatin1Char('/')
                                      + QLatin1String(ComponentResolver::specFileName)))
                            .isFile())
                        names.insert(name.toStdString());
            m_componentNames.emplace(names.begin(), names.end());
        }
        return nearestName(reference, *m_componentNames, &m_suggestions);
    }

    // Fondant chains each key on the previous step in call order, which after a branch is not
    // the step's input: say so, since it decides which edits re-run the step.
    void noteBranchChaining()
    {
        for (std::size_t i = 1; i < m_pipeline.steps.size(); ++i) {
            const StepAnalysis &analysis = m_analysis.steps[i];
            if (analysis.parent < 0 || analysis.parent == static_cast<int>(i) - 1)
                continue;
            const Step &step = m_pipeline.steps[i];
            report(Severity::Note, &step, "input",
                "the cache key of step " + quoted(step.id) + " chains on "
                    + quoted(m_pipeline.steps[i - 1].id)
                    + ", the step before it in call order, not on its input " + quoted(step.input)
                    + " (Fondant's rule): changes to " + quoted(m_pipeline.steps[i - 1].id)
                    + " re-run it too");
        }
    }

    void checkInput(const Step &step, int index, StepAnalysis &analysis)
    {
        if (index == 0) {
            if (!step.input.empty())
                error(&step, "input",
                    "the first step starts the dataset and cannot have an 'input'; "
                    "move the step "
                        + quoted(step.input) + " before it");
            return;
        }
        if (step.input.empty()) {
            error(&step, "component",
                "step " + quoted(step.id)
                    + " has no 'input': name the step whose output it reads (only "
                      "the first step starts the dataset)");
            return;
        }
        const int parent = m_analysis.graph.indexOf(step.input);
        if (parent < 0) {
            std::vector<std::string> ids;
            for (int i = 0; i < index; ++i)
                ids.push_back(m_pipeline.steps[static_cast<std::size_t>(i)].id);
            const std::string suggestion = nearestName(step.input, ids, &m_suggestions);
            error(&step, "input",
                "the input " + quoted(step.input) + " is not a step of this pipeline"
                    + didYouMeanText(suggestion));
            if (!suggestion.empty())
                offerFix(step, Fix {Fix::Part::Value, suggestion});
            return;
        }
        if (parent >= index) {
            error(&step, "input",
                parent == index ? "a step cannot read its own output"
                                : "the input " + quoted(step.input)
                        + " comes later in the file; steps must follow the "
                          "step they read");
            return;
        }
        analysis.parent = parent;
    }

    void checkArguments(const Step &step, const ComponentSpec &spec)
    {
        std::vector<std::string> declared;
        for (const ArgumentSpec &argument : spec.arguments())
            declared.push_back(argument.name);
        for (const Member &member : step.arguments.members()) {
            const std::string path = "arguments." + member.key;
            if (contains(PipelineValidator::reservedArgumentNames(), member.key)) {
                error(&step, path,
                    "'" + member.key + "' is set by Fondant itself and cannot be an argument"
                        + (member.key == "cache" || member.key == "input_partition_rows"
                                ? "; use the step's own '" + member.key + "' key"
                                : std::string()));
                continue;
            }
            const ArgumentSpec *argument = spec.argument(member.key);
            if (!argument) {
                const std::string suggestion = nearestName(member.key, declared);
                error(&step, path,
                    "component " + quoted(spec.name()) + " has no argument " + quoted(member.key)
                        + didYouMeanText(suggestion)
                        + (declared.empty() ? std::string(" (it takes no arguments)")
                                            : std::string()));
                if (!suggestion.empty() && !step.arguments.contains(suggestion))
                    offerFix(step, Fix {Fix::Part::KeyName, suggestion});
                continue;
            }
            const Value &value = member.value;
            if (const Value *mapping = PyJson::unsortableMapping(value)) {
                error(&step, path, PyJson::unsortableMessage());
                if (mapping->mark().isValid())
                    listFor(&step).back().mark = mapping->mark();
                continue;
            }
            if (value.isNull()) {
                if (argument->type != "str")
                    warning(&step, path,
                        "null is passed to the container as the text None, which the "
                            + argument->type + " argument " + quoted(member.key)
                            + " cannot read under Docker Compose; leave the argument out instead");
                continue;
            }
            if (!argument->accepts(value)) {
                std::string message = "argument " + quoted(member.key) + " takes "
                    + argumentTypeWords(argument->type) + " (" + argument->type + "), not "
                    + value.pythonTypeName() + " " + value.describe();
                if (value.isString() && argument->type != "str")
                    message += "; write the value without quotes";
                error(&step, path, message);
            }
        }
        for (const ArgumentSpec &argument : spec.arguments()) {
            if (!argument.isRequired() || step.arguments.contains(argument.name))
                continue;
            // Placed at the arguments key (or the step), but naming the argument itself.
            const std::string place = step.arguments.size() > 0 ? "arguments:key" : "component";
            error(&step, place,
                "step " + quoted(step.id) + " misses the required argument " + quoted(argument.name)
                    + " (" + argument.type
                    + (argument.description.empty() ? "" : ": " + argument.description) + ")");
            listFor(&step).back().fieldPath = "arguments." + argument.name;
        }
    }

    void checkResources(const Step &step)
    {
        const Resources &r = step.resources;
        // Fondant's Resources checks truthiness: 0 and "" count as not given.
        const auto given
            = [](const std::optional<Value> &value) { return value && value->isTruthy(); };
        if (given(r.nodePoolLabel) != given(r.nodePoolName))
            error(&step,
                given(r.nodePoolLabel) ? "resources.node_pool_label" : "resources.node_pool_name",
                "give both 'node_pool_label' and 'node_pool_name', or neither");
        if (given(r.acceleratorNumber) != given(r.acceleratorName))
            error(&step,
                given(r.acceleratorNumber) ? "resources.accelerator_number"
                                           : "resources.accelerator_name",
                "give both 'accelerator_number' and 'accelerator_name', or neither");
        for (const ResourceField &field : resourceFields())
            if (const std::optional<Value> &value = r.*(field.member))
                checkResource(step, field, *value);
    }

    void checkResource(const Step &step, const ResourceField &field, const Value &value)
    {
        const std::string path = std::string("resources.") + field.key;
        const std::string text = value.isString() ? value.toString()
            : value.isNumber() ? PyJson::dumps(value, PyJson::KeyOrder::Insertion)
                               : std::string();
        switch (field.kind) {
        case ResourceField::Kind::Count:
            if (!value.isInt() || value.isBigInt() || value.toInt() < 0 || value.toInt() > 1024)
                error(&step, path,
                    "'" + std::string(field.key) + "' must be a whole number of accelerators, not "
                        + value.describe());
            else if (value.toInt() == 0)
                error(&step, path, "'accelerator_number' must be at least 1");
            return;
        case ResourceField::Kind::Accelerator:
            checkAcceleratorName(step, path, value);
            return;
        case ResourceField::Kind::Memory:
            if (text.empty() || !isMemoryAmount(text))
                error(&step, path,
                    value.describe()
                        + " is not a memory size; write a number with an optional unit such as "
                          "512M, 8G or 2Gi");
            return;
        case ResourceField::Kind::Cpu:
            if (text.empty() || !isCpuAmount(text))
                error(&step, path,
                    value.describe()
                        + " is not a CPU amount; write cores such as 2 or 0.5, or millicores such "
                          "as 500m");
            return;
        case ResourceField::Kind::NodePool:
        case ResourceField::Kind::Text:
            if (!value.isString() && !value.isNumber())
                error(&step, path,
                    "'" + std::string(field.key) + "' must be text, not " + value.describe());
            return;
        }
    }

    void checkAcceleratorName(const Step &step, const std::string &path, const Value &value)
    {
        if (!value.isString()) {
            error(&step, path,
                "'accelerator_name' must be text such as 'GPU', not " + value.describe());
            return;
        }
        const std::string &name = value.toString();
        if (contains(PipelineValidator::vertexAcceleratorNames(), name)) {
            warning(&step, path,
                "accelerator " + quoted(name)
                    + " works on Vertex AI only; Kubeflow and Docker Compose take 'GPU' or 'TPU'");
        } else if (!contains(PipelineValidator::acceleratorNames(), name)) {
            std::vector<std::string> all = PipelineValidator::acceleratorNames();
            const auto &vertex = PipelineValidator::vertexAcceleratorNames();
            all.insert(all.end(), vertex.begin(), vertex.end());
            const std::string suggestion = nearestName(name, all);
            error(&step, path,
                "unknown accelerator " + quoted(name)
                    + ": use 'GPU' or 'TPU' (or a Vertex AI type such as 'NVIDIA_TESLA_T4')"
                    + didYouMeanText(suggestion));
            if (!suggestion.empty())
                offerFix(step, Fix {Fix::Part::Value, suggestion});
        }
    }

    void checkPartitionRows(const Step &step)
    {
        if (!step.inputPartitionRows)
            return;
        const Value &value = *step.inputPartitionRows;
        if (value.isInt() && value.toSaturatedInt() <= 0)
            error(&step, "input_partition_rows", "'input_partition_rows' must be at least 1");
        else if (value.isString())
            warning(&step, "input_partition_rows",
                "'input_partition_rows' is text " + value.describe()
                    + "; Fondant expects a number of rows");
    }

    void checkCaching(const Step &step, const ComponentSpec &spec, StepAnalysis &analysis)
    {
        if (!step.cache.has_value()) {
            analysis.cacheEnabled = false;
            analysis.cacheDisabledReason = "cache: null";
        } else if (!*step.cache) {
            analysis.cacheEnabled = false;
            analysis.cacheDisabledReason = "cache: false";
        } else if (spec.hasLatestTag()) {
            analysis.cacheEnabled = false;
            analysis.cacheDisabledReason = "image tag 'latest' (" + spec.image() + ")";
            warning(&step, "component",
                "the image " + quoted(spec.image())
                    + " is tagged 'latest', so Fondant turns caching off for step "
                    + quoted(step.id) + "; pin a version to cache it");
        }
    }

    void checkProducedNames(const Step &step, const OperationSpec &operation)
    {
        if (!findField(operation.datasetProduces(), "index"))
            return;
        std::string path = "produces";
        if (step.produces)
            for (const FieldMappingEntry &entry : *step.produces)
                if (entry.name == "index" || entry.rename == "index")
                    path = "produces." + entry.name;
        error(&step, path,
            "step " + quoted(step.id)
                + " would write a field named 'index', the name Fondant keeps for the dataset's "
                  "index: its manifest refuses it; rename the field");
    }

    // Fondant's validate() does not follow the graph: it carries one set of fields through the
    // steps in call order and checks each step's consumed fields against the fields after the
    // step before it. After a branch that is not the step's input, and Fondant refuses
    // pipelines the input alone would allow.
    void checkCallOrderFields(const Step &step, int index, StepAnalysis &analysis)
    {
        if (index == 0) {
            analysis.callOrderFieldsKnown = true; // a new, empty dataset
            analysis.callOrderSameAsInput = true;
            return;
        }
        const StepAnalysis &previous = m_analysis.steps[static_cast<std::size_t>(index - 1)];
        if (!previous.operation || !previous.callOrderFieldsKnown)
            return;
        analysis.callOrderFieldsKnown = true;
        // Along a chain the fields in call order are the input's: nothing to keep or check.
        if (analysis.parent == index - 1 && previous.callOrderSameAsInput) {
            analysis.callOrderSameAsInput = true;
            return;
        }
        analysis.callOrderFields = previous.operation->evolve(
            previous.callOrderSameAsInput ? previous.inputFields : previous.callOrderFields,
            previous.id);
        if (analysis.callOrderFields.sameFieldsAs(analysis.inputFields)) {
            analysis.callOrderFields = {};
            analysis.callOrderSameAsInput = true;
            return;
        }
        if (analysis.parent < 0 || !analysis.operation)
            return;
        const std::string &before = m_pipeline.steps[static_cast<std::size_t>(index - 1)].id;
        for (const Field &field : analysis.operation->datasetConsumes()) {
            const DatasetFields::Entry *fromInput = analysis.inputFields.find(field.name);
            if (!fromInput || !(fromInput->field.type == field.type))
                continue; // already reported against the input
            const DatasetFields::Entry *inCallOrder = analysis.callOrderFields.find(field.name);
            if (inCallOrder && inCallOrder->field.type == field.type)
                continue;
            error(&step, consumedPath(step, field.name),
                "Fondant refuses this pipeline: it checks step " + quoted(step.id)
                    + " against the fields after " + quoted(before)
                    + ", the step before it in call order, not after its input "
                    + quoted(step.input) + "; there " + quoted(field.name)
                    + (inCallOrder ? " is " + inCallOrder->field.type.displayName() : " is missing")
                    + ". Move the step right after its input, or make " + quoted(before)
                    + " pass the field on");
        }
    }

    static std::string consumedPath(const Step &step, const std::string &field)
    {
        std::string path = "consumes." + field;
        if (step.consumes)
            for (const FieldMappingEntry &entry : *step.consumes)
                if (entry.isRename() ? entry.rename == field : entry.name == field)
                    path = "consumes." + entry.name;
        return path;
    }

    // How the consumes mapping can read column instead of the missing field, if it names the
    // field: a field the component declares is mapped to the column; another one is renamed.
    static std::optional<Fix> consumedFieldFix(const Step &step, const OperationSpec &operation,
        const std::string &field, const std::string &column)
    {
        if (!step.consumes)
            return std::nullopt;
        const FieldMapping &mapping = *step.consumes;
        const auto named = [&](const std::string &name) {
            return std::find_if(mapping.begin(), mapping.end(),
                [&](const FieldMappingEntry &entry) { return entry.name == name; });
        };
        const auto entry = named(field);
        if (entry == mapping.end() || entry->isRename())
            return std::nullopt;
        if (findField(operation.spec().consumes().fields, field))
            return Fix {Fix::Part::Value, column};
        if (named(column) != mapping.end())
            return std::nullopt;
        return Fix {Fix::Part::KeyName, column};
    }

    void checkConsumedFields(const Step &step, const OperationSpec &operation,
        const StepAnalysis &analysis, bool isFirst)
    {
        for (const Field &field : operation.datasetConsumes()) {
            const std::string path = consumedPath(step, field.name);
            const DatasetFields::Entry *column = analysis.inputFields.find(field.name);
            if (isFirst) {
                // Fondant checks no fields for the first step; it will find none at run time.
                warning(&step, path,
                    "step " + quoted(step.id)
                        + " is the first step, so no earlier step produces "
                          "the field "
                        + quoted(field.name) + " it consumes");
                continue;
            }
            if (!column) {
                const std::string suggestion = nearestName(field.name,
                    suggestionCandidates(analysis.inputFields, m_suggestions), &m_suggestions);
                error(&step, path,
                    "step " + quoted(step.id) + " consumes the field " + quoted(field.name)
                        + ", which no earlier step produces (available: "
                        + analysis.inputFields.names() + ")" + didYouMeanText(suggestion));
                if (!suggestion.empty())
                    if (std::optional<Fix> fix
                        = consumedFieldFix(step, operation, field.name, suggestion))
                        offerFix(step, std::move(*fix));
                continue;
            }
            if (!(column->field.type == field.type)) {
                std::string message = "step " + quoted(step.id) + " consumes " + quoted(field.name)
                    + " as " + field.type.displayName() + ", but step " + quoted(column->producer)
                    + " produces it as " + column->field.type.displayName();
                if (field.type.hasNaiveTimestamp())
                    message += ": Fondant stores every timestamp with the UTC time zone; consume "
                               "it as {type: string, format: date-time}";
                error(&step, path, message);
            }
        }
    }

    const Pipeline &m_pipeline;
    const ComponentResolver &m_resolver;
    PipelineAnalysis &m_analysis;
    const Step *m_current = nullptr; ///< the step analyzeStep works on
    SuggestionBudget m_suggestions;
    std::optional<std::vector<std::string>> m_componentNames; ///< read when first needed
    std::unordered_map<std::string, std::size_t> m_firstUserOfSpec; ///< spec file → step index
    bool m_redoingOneStep = false; ///< rerun of one step: the steps before it are not analysed
};

} // namespace

const std::vector<std::string> &PipelineValidator::acceleratorNames()
{
    static const std::vector<std::string> names {"GPU", "TPU"};
    return names;
}

const std::vector<std::string> &PipelineValidator::vertexAcceleratorNames()
{
    static const std::vector<std::string> names {"ACCELERATOR_TYPE_UNSPECIFIED", "NVIDIA_TESLA_K80",
        "NVIDIA_TESLA_P100", "NVIDIA_TESLA_V100", "NVIDIA_TESLA_P4", "NVIDIA_TESLA_T4",
        "NVIDIA_TESLA_A100", "NVIDIA_A100_80GB", "NVIDIA_L4", "TPU_V2", "TPU_V3", "TPU_V4_POD"};
    return names;
}

const std::vector<std::string> &PipelineValidator::reservedArgumentNames()
{
    static const std::vector<std::string> names {"cache", "operation_spec", "input_partition_rows",
        "metadata", "output_manifest_path", "input_manifest_path", "working_directory"};
    return names;
}

PipelineAnalysis PipelineValidator::validate(
    const Pipeline &pipeline, const ComponentResolver &resolver)
{
    PipelineAnalysis analysis;
    Validator(pipeline, resolver, analysis).run();
    return analysis;
}

std::vector<int> PipelineValidator::revalidateStep(const Pipeline &pipeline,
    const ComponentResolver &resolver, PipelineAnalysis &analysis, int index)
{
    return Validator(pipeline, resolver, analysis).rerun(index);
}

} // namespace fondant
