// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/PipelineImport.h"

#include "core/cache/CacheKey.h"
#include "core/pipeline/PipelineReader.h"
#include "core/pipeline/PipelineWriter.h"
#include "core/session/PipelineSession.h"
#include "core/value/JsonReader.h"
#include "core/value/PyJson.h"
#include "core/yaml/YamlReader.h"
#include "core/yaml/YamlWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace fondant {

namespace {

/// One step as a compiled file gives it, before it becomes a document's step.
struct CompiledStep
{
    std::string componentId; ///< the metadata's component_id
    std::string carriedKey; ///< the metadata's cache_key
    Value specification; ///< the operation spec's normalised component spec
    Value consumes; ///< the operation spec's mappings
    Value produces;
    std::vector<std::pair<std::string, Value>> arguments; ///< the user's, as the file holds them
    std::optional<Value> cache;
    std::optional<Value> inputPartitionRows;
    std::string inputComponentId; ///< from the input manifest's path; empty for the first step
    std::string previousTask; ///< Kubeflow: the task it runs after (the previous call)
    std::string task; ///< Kubeflow: its task name
    Resources resources;
    QString buildContext; ///< Compose: the folder its image is built from
    bool lightweight = false; ///< its container writes its Python code before running it
    SourceMark mark;
};

struct Compiled
{
    std::string runId;
    std::string workingDirectory;
    bool callOrderKnown = false; ///< Kubeflow chains its tasks in call order; Compose does not
    std::vector<CompiledStep> steps;
};

class Importer
{
public:
    /// A compiled step holds some 30 values and 3 KB: room for 10,000 steps of Kubeflow.
    static YamlLimits limits()
    {
        YamlLimits limits;
        limits.maxFileBytes = 96 * 1024 * 1024;
        limits.maxNodes = 4'000'000;
        limits.maxTextBytes = 2 * static_cast<std::size_t>(limits.maxFileBytes);
        return limits;
    }

    explicit Importer(std::string file) : m_file(std::move(file)) { }

    Result<Compiled> read(const std::string &text)
    {
        // A Kubeflow file may hold a second document: the kubernetes platform's settings, read
        // with as many blank lines before it as the first document has lines.
        std::string first = text;
        std::string platform;
        int secondLine = 0;
        if (const std::size_t split = text.find("\n---\n"); split != std::string::npos) {
            first = text.substr(0, split + 1);
            secondLine = static_cast<int>(std::count(first.begin(), first.end(), '\n')) + 1;
            platform
                = std::string(static_cast<std::size_t>(secondLine), '\n') + text.substr(split + 5);
        }
        Result<Value> root = YamlReader::parse(first, m_file, ScalarRules::PyYaml11, limits());
        if (!root.ok())
            return root.takeDiagnostics();
        Compiled compiled;
        if (root->isObject() && root->find("services")) {
            if (!platform.empty())
                fail(SourceMark {secondLine, 1},
                    "a docker-compose file holds one YAML document, not several");
            readCompose(root.value(), compiled);
        } else if (root->isObject() && root->find("deploymentSpec") && root->find("root"))
            readKubeflow(root.value(), platform, compiled);
        else
            fail(root->mark(),
                "is neither a docker-compose file nor a Kubeflow or Vertex pipeline that "
                "Fondant compiled (no 'services', no 'deploymentSpec')");
        if (!m_problems.empty())
            return m_problems;
        if (compiled.steps.empty())
            return Diagnostic::error(m_file, root->mark(), "holds no step Fondant compiled");
        return compiled;
    }

private:
    void fail(SourceMark mark, const std::string &message)
    {
        m_problems.push_back(Diagnostic::error(m_file, mark, message));
    }

    const Value *member(const Value &object, std::string_view key)
    {
        return object.isObject() ? object.find(key) : nullptr;
    }

    // The metadata and operation spec every Fondant command carries, and the input manifest.
    bool readCommandParts(CompiledStep &step, const std::map<std::string, Value> &options,
        SourceMark mark, const std::string &name, Compiled &compiled)
    {
        const auto json = [&](const char *option) -> std::optional<Value> {
            const auto it = options.find(option);
            if (it == options.end() || !it->second.isString()) {
                fail(mark, "'" + name + "' passes no --" + option + ": it is no Fondant step");
                return std::nullopt;
            }
            Result<Value> value = JsonReader::parse(it->second.toString(), m_file);
            if (!value.ok() || !value->isObject()) {
                fail(it->second.mark().isValid() ? it->second.mark() : mark,
                    "'" + name + "': its " + option + " is no JSON object"
                        + (value.ok() ? std::string() : " (" + value.errorMessage() + ")"));
                return std::nullopt;
            }
            return std::move(value).value();
        };
        const std::optional<Value> metadata = json("metadata");
        const std::optional<Value> operation = json("operation_spec");
        if (!metadata || !operation)
            return false;
        const Value *componentId = member(*metadata, "component_id");
        const Value *key = member(*metadata, "cache_key");
        const Value *runId = member(*metadata, "run_id");
        const Value *specification = member(*operation, "specification");
        if (!componentId || !componentId->isString() || !key || !key->isString() || !runId
            || !runId->isString() || !specification || !specification->isObject()) {
            fail(mark,
                "'" + name
                    + "': its metadata or operation spec lacks component_id, cache_key, run_id "
                      "or specification");
            return false;
        }
        step.componentId = componentId->toString();
        step.carriedKey = key->toString();
        compiled.runId = runId->toString();
        step.specification = *specification;
        step.consumes = member(*operation, "consumes") ? *operation->find("consumes") : Value();
        step.produces = member(*operation, "produces") ? *operation->find("produces") : Value();
        if (const auto it = options.find("input_manifest_path");
            it != options.end() && it->second.isString() && it->second.toString() != "None") {
            // …/RUN_ID/COMPONENT_ID/manifest.json
            const std::string &path = it->second.toString();
            const std::size_t end = path.rfind('/');
            const std::size_t start = end == std::string::npos ? end : path.rfind('/', end - 1);
            if (start != std::string::npos)
                step.inputComponentId = path.substr(start + 1, end - start - 1);
        }
        if (const auto it = options.find("working_directory");
            it != options.end() && it->second.isString())
            compiled.workingDirectory = it->second.toString();
        if (const auto it = options.find("cache"); it != options.end())
            step.cache = it->second;
        if (const auto it = options.find("input_partition_rows"); it != options.end())
            step.inputPartitionRows = it->second;
        step.mark = mark;
        return true;
    }

    static bool isFondantOption(const std::string &name)
    {
        static const std::unordered_set<std::string> names
            = {"metadata", "operation_spec", "output_manifest_path", "working_directory",
                "input_manifest_path", "cache", "input_partition_rows"};
        return names.count(name) > 0;
    }

    // Whether every '$' of the commands comes doubled, as Compose needs it to pass one '$' and
    // as Fondant Studio writes it (Fondant's own compiler leaves '$' as it is).
    static bool dollarsEscaped(const Value &services)
    {
        bool any = false;
        for (const Member &service : services.members()) {
            const Value *command
                = service.value.isObject() ? service.value.find("command") : nullptr;
            if (!command || !command->isArray())
                continue;
            for (const Value &word : command->items()) {
                if (!word.isString())
                    continue;
                const std::string &text = word.toString();
                for (std::size_t at = text.find('$'); at != std::string::npos;
                     at = text.find('$', at + 2)) {
                    if (at + 1 >= text.size() || text[at + 1] != '$')
                        return false;
                    any = true;
                }
            }
        }
        return any;
    }

    static std::string withoutDoubledDollars(std::string text)
    {
        for (std::size_t at = text.find("$$"); at != std::string::npos;
             at = text.find("$$", at + 1))
            text.erase(at, 1);
        return text;
    }

    void readCompose(const Value &root, Compiled &compiled)
    {
        const Value &services = *root.find("services");
        if (!services.isObject())
            return fail(services.mark(), "'services' must be a mapping");
        const bool escaped = dollarsEscaped(services);
        for (const Member &service : services.members()) {
            const Value *command = member(service.value, "command");
            if (!command || !command->isArray()) {
                fail(service.keyMark, "service '" + service.key + "' has no command list");
                continue;
            }
            std::map<std::string, Value> options;
            CompiledStep step;
            const Value::Array &words = command->items();
            for (std::size_t i = 0; i < words.size(); i += 2) {
                const Value &word = words[i];
                if (!word.isString() || word.toString().rfind("--", 0) != 0
                    || i + 1 >= words.size()) {
                    fail(word.mark(),
                        "service '" + service.key + "': expected --NAME VALUE in its command");
                    break;
                }
                const std::string name = word.toString().substr(2);
                // Compose's YAML may read a value as a number; Fondant wrote text.
                const Value &value = words[i + 1];
                Value text = value.isString()
                    ? Value(escaped ? withoutDoubledDollars(value.toString()) : value.toString())
                    : Value(YamlWriter::scalar(value));
                if (!isFondantOption(name))
                    step.arguments.emplace_back(name, text);
                options[name] = std::move(text);
            }
            if (!readCommandParts(step, options, service.keyMark, service.key, compiled))
                continue;
            if (const Value *build = member(service.value, "build"))
                if (const Value *context = member(*build, "context");
                    context && context->isString())
                    step.buildContext = QString::fromStdString(context->toString());
            readComposeGpu(service.value, step.resources);
            step.lightweight = !runsFondantDirectly(member(service.value, "entrypoint"));
            compiled.steps.push_back(std::move(step));
        }
    }

    // A containerized component's command starts with `fondant execute main`; a lightweight
    // one's installs Fondant and writes its code first.
    static bool runsFondantDirectly(const Value *command)
    {
        return !command || !command->isArray() || command->items().empty()
            || (command->items().front().isString()
                && command->items().front().toString() == "fondant");
    }

    void readComposeGpu(const Value &service, Resources &resources)
    {
        const Value *deploy = member(service, "deploy");
        const Value *devices = deploy ? member(*deploy, "resources") : nullptr;
        devices = devices ? member(*devices, "reservations") : nullptr;
        devices = devices ? member(*devices, "devices") : nullptr;
        if (!devices || !devices->isArray() || devices->items().empty())
            return;
        resources.acceleratorName = Value("GPU");
        if (const Value *count = member(devices->items().front(), "count"))
            resources.acceleratorNumber = *count;
    }

    void readKubeflow(const Value &root, const std::string &platformText, Compiled &compiled)
    {
        compiled.callOrderKnown = true;
        const Value *tasks = member(root, "root");
        tasks = tasks ? member(*tasks, "dag") : nullptr;
        tasks = tasks ? member(*tasks, "tasks") : nullptr;
        const Value *components = member(root, "components");
        const Value *executors = member(*root.find("deploymentSpec"), "executors");
        if (!tasks || !tasks->isObject() || !components || !executors)
            return fail(root.mark(),
                "a Kubeflow pipeline needs root.dag.tasks, components and "
                "deploymentSpec.executors");
        Value selectors;
        if (!platformText.empty()) {
            Result<Value> platform
                = YamlReader::parse(platformText, m_file, ScalarRules::PyYaml11, limits());
            if (!platform.ok())
                return append(m_problems, platform.diagnostics());
            const Value *at = member(platform.value(), "platforms");
            if (!at)
                return fail(platform->mark(),
                    "the second YAML document of a Kubeflow file holds its 'platforms' only");
            for (const char *key : {"kubernetes", "deploymentSpec", "executors"})
                at = at ? member(*at, key) : nullptr;
            if (at)
                selectors = *at;
        }
        for (const Member &task : tasks->members()) {
            std::map<std::string, Value> options;
            CompiledStep step;
            step.task = task.key;
            if (const Value *parameters = member(task.value, "inputs"))
                if ((parameters = member(*parameters, "parameters")) && parameters->isObject())
                    for (const Member &parameter : parameters->members()) {
                        const Value *constant = member(parameter.value, "runtimeValue");
                        constant = constant ? member(*constant, "constant") : nullptr;
                        if (!constant)
                            continue;
                        if (!isFondantOption(parameter.key))
                            step.arguments.emplace_back(parameter.key, *constant);
                        options[parameter.key] = *constant;
                    }
            if (const Value *after = member(task.value, "dependentTasks")) {
                // Fondant runs each task after the one before it in call order, and no other.
                if (!after->isArray() || after->size() != 1 || !after->items().front().isString()
                    || !tasks->find(after->items().front().toString())) {
                    fail(after->mark(),
                        "task '" + task.key
                            + "' must run after exactly one task of the pipeline, as Fondant's "
                              "tasks run one after the other");
                    continue;
                }
                step.previousTask = after->items().front().toString();
            }
            if (!readCommandParts(step, options, task.keyMark, task.key, compiled))
                continue;
            // The executor of the task's component holds its resources.
            const Value *reference = member(task.value, "componentRef");
            reference = reference ? member(*reference, "name") : nullptr;
            const Value *component = reference && reference->isString()
                ? member(*components, reference->toString())
                : nullptr;
            const Value *label = component ? member(*component, "executorLabel") : nullptr;
            const Value *executor
                = label && label->isString() ? member(*executors, label->toString()) : nullptr;
            const Value *container = executor ? member(*executor, "container") : nullptr;
            if (!container || !container->isObject()) {
                fail(task.keyMark,
                    "task '" + task.key
                        + "': its componentRef does not lead through components and "
                          "deploymentSpec.executors to a container");
                continue;
            }
            readKubeflowResources(*executor, step.resources);
            step.lightweight = !runsFondantDirectly(member(*container, "command"));
            if (const Value *selector = member(selectors, label->toString()))
                if ((selector = member(*selector, "nodeSelector")))
                    if ((selector = member(*selector, "labels")) && selector->isObject()
                        && selector->size() == 1) {
                        const Member &pool = selector->members().front();
                        step.resources.nodePoolLabel = Value(pool.key);
                        step.resources.nodePoolName = pool.value;
                    }
            compiled.steps.push_back(std::move(step));
        }
    }

    static std::string numberText(double number)
    {
        if (number == std::floor(number) && std::fabs(number) < 1e15)
            return std::to_string(static_cast<long long>(number));
        return PyJson::floatRepr(number);
    }

    // KFP's gigabytes back as the largest unit that keeps the amount whole.
    static std::string memoryText(double gigabytes)
    {
        const double bytes = std::round(gigabytes * 1e9);
        for (const auto &[unit, size] : {std::pair {"G", 1e9}, {"M", 1e6}, {"K", 1e3}})
            if (bytes >= size && std::fmod(bytes, size) == 0)
                return numberText(bytes / size) + unit;
        return numberText(bytes);
    }

    void readKubeflowResources(const Value &executor, Resources &resources)
    {
        const Value *container = member(executor, "container");
        const Value *given = container ? member(*container, "resources") : nullptr;
        if (!given)
            return;
        const auto amount = [&](const char *key, bool memory) -> std::optional<Value> {
            const Value *value = member(*given, key);
            if (!value || !value->isNumber())
                return std::nullopt;
            return Value(memory ? memoryText(value->toDouble()) : numberText(value->toDouble()));
        };
        resources.cpuRequest = amount("cpuRequest", false);
        resources.cpuLimit = amount("cpuLimit", false);
        resources.memoryRequest = amount("memoryRequest", true);
        resources.memoryLimit = amount("memoryLimit", true);
        if (const Value *accelerator = member(*given, "accelerator")) {
            const Value *type = member(*accelerator, "type");
            const Value *count = member(*accelerator, "count");
            if (type && type->isString()) {
                const std::string &name = type->toString();
                resources.acceleratorName = Value(name == "nvidia.com/gpu" ? std::string("GPU")
                        : name.rfind("cloud-tpus.google.com/", 0) == 0     ? std::string("TPU")
                                                                           : name);
            }
            bool whole = false;
            const qlonglong number = count && count->isString()
                ? QString::fromStdString(count->toString()).toLongLong(&whole)
                : 0;
            if (whole)
                resources.acceleratorNumber = Value(std::int64_t(number));
            else if (count)
                resources.acceleratorNumber = *count; // the document's checks say what is wrong
        }
    }

    std::string m_file;
    Diagnostics m_problems;
};

// A double that is an exact integer (not -0.0), as one.
std::optional<std::int64_t> wholeNumber(const Value &value)
{
    if (!value.isFloat())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != std::floor(number) || std::fabs(number) >= 9e15
        || (number == 0 && std::signbit(number)))
        return std::nullopt;
    return static_cast<std::int64_t>(number);
}

// Kubeflow keeps every number of a list or mapping as a double: whole ones were most likely
// written as integers.
Value wholeNumbersAsIntegers(const Value &value)
{
    if (const std::optional<std::int64_t> whole = wholeNumber(value))
        return Value(*whole);
    Value out = value;
    if (out.isArray())
        for (Value &item : out.items())
            item = wholeNumbersAsIntegers(item);
    else if (out.isObject())
        for (Member &member : out.members())
            member.value = wholeNumbersAsIntegers(member.value);
    return out;
}

// An argument as the user gave it, from the text a command line holds (Compose) or the
// constant a Kubeflow task holds, by the type the spec declares.
Value argumentValue(const Value &given, const std::string &type)
{
    if (given.isString() && given.toString() == "None")
        return Value();
    if (given.isArray() || given.isObject())
        return wholeNumbersAsIntegers(given);
    if (!given.isString()) {
        if (const std::optional<std::int64_t> whole = wholeNumber(given); whole && type == "int")
            return Value(*whole);
        return given;
    }
    const std::string &text = given.toString();
    if (type == "bool" && (text == "True" || text == "False"))
        return Value(text == "True");
    if (type == "int" || type == "float" || type == "list" || type == "dict" || type == "tuple"
        || type == "set") {
        // Python's str() of numbers and json.dumps of containers both read as JSON (integers of
        // any size included; str() of a float never looks like an integer).
        if (type == "float" && (text == "inf" || text == "-inf" || text == "nan"))
            return Value(text == "nan" ? std::nan("")
                    : text == "inf"    ? std::numeric_limits<double>::infinity()
                                       : -std::numeric_limits<double>::infinity());
        if (Result<Value> value = JsonReader::parse(text, "argument"); value.ok())
            return std::move(value).value();
    }
    return given;
}

// A mapping of an operation spec. Its types are written as Fondant's Type.to_dict() gives them,
// where a timestamp without time zone reads as UTC: such a field takes the spec's own type.
FieldMapping mappingOf(const Value &mapping, const FieldSection &declared)
{
    FieldMapping entries;
    for (const Member &member : mapping.members()) {
        FieldMappingEntry entry;
        entry.name = member.key;
        if (member.value.isString()) {
            entry.rename = member.value.toString();
        } else if (Result<FieldType> type = FieldType::fromValue(member.value); type.ok()) {
            entry.type = type.value();
            if (const Field *field = findField(declared.fields, member.key);
                field && field->type.toValue().equals(entry.type->toValue()))
                entry.type = field->type;
        } else {
            continue;
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

// The spec file text for a normalised spec.
std::string specText(const Value &specification)
{
    std::string text;
    for (const Member &member : specification.members())
        YamlWriter::appendMember(text, member, 0);
    return text;
}

bool holdsSpec(const QString &folder, const Value &specification)
{
    Result<ComponentSpec> spec = ComponentSpec::fromFile(
        QDir(folder).filePath(QString::fromUtf8(ComponentResolver::specFileName)));
    return spec.ok() && spec->specification().equals(specification);
}

// A folder name or step id for a component id: letters, digits, '.', '_' and '-' only,
// starting with neither '.' nor '-'.
QString folderNameOf(const std::string &id)
{
    QString name;
    for (const char c : id.substr(0, 100)) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        name += plain ? QLatin1Char(c) : QLatin1Char('_');
    }
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('-')))
        name.prepend(QStringLiteral("component"));
    return name;
}

/// Finds or writes the component folder of each step and fills in the pipeline's references;
/// what it wrote can be taken back.
class ComponentPlacer
{
public:
    ComponentPlacer(const QString &documentPath, const QStringList &componentDirs)
        : m_documentFolder(QFileInfo(documentPath).absoluteDir()),
          m_resolver(ComponentResolver::forPipeline(Pipeline(), componentDirs))
    { }

    Result<std::string> place(const CompiledStep &step, const std::string &id, Pipeline &pipeline)
    {
        if (!step.buildContext.isEmpty() && holdsSpec(step.buildContext, step.specification))
            return reference(step.buildContext);
        const QString safe = folderNameOf(id);
        if (safe.toStdString() == id) {
            Result<std::shared_ptr<const ComponentSpec>> known = m_resolver.resolve(id);
            if (known.ok() && known.value()->specification().equals(step.specification)) {
                const QString folder
                    = QFileInfo(QString::fromStdString(known.value()->directory())).absolutePath();
                if (folder != QDir::cleanPath(ComponentResolver::bundledLibraryDir())) {
                    const std::string relative
                        = m_documentFolder.relativeFilePath(folder).toStdString();
                    if (std::find(
                            pipeline.componentDirs.begin(), pipeline.componentDirs.end(), relative)
                        == pipeline.componentDirs.end())
                        pipeline.componentDirs.push_back(relative);
                }
                return id;
            }
        }
        // A folder of its own next to the document; an existing one only if it holds this spec.
        // Links are not followed: nothing is written outside the document's folder.
        const QString components = m_documentFolder.filePath(QStringLiteral("components"));
        if (QFileInfo(components).isSymLink())
            return Diagnostic::error(components.toStdString(), {},
                "is a link; component folders are written into the document's own folder only");
        // Each name's next suffix is kept, so that many specs of one name stay linear.
        int &next = m_nextSuffix[safe.toStdString()];
        for (const int last = next + 100; next <= last;) {
            const int n = ++next;
            const QString name = n == 1 ? safe : safe + QStringLiteral("_%1").arg(n);
            const QString folder = m_documentFolder.filePath(QStringLiteral("components/") + name);
            const QString file
                = QDir(folder).filePath(QString::fromUtf8(ComponentResolver::specFileName));
            if (QFileInfo(folder).isSymLink() || QFileInfo(file).isSymLink()
                || (QFileInfo::exists(file) && !holdsSpec(folder, step.specification)))
                continue;
            if (!QFileInfo::exists(file)) {
                if (std::optional<Diagnostic> error = makeFolder(folder))
                    return *error;
                if (std::optional<Diagnostic> error
                    = writeNewFile(file, specText(step.specification)))
                    return *error;
                m_created.push_back(file);
            }
            return reference(folder);
        }
        return Diagnostic::error(
            m_documentFolder.filePath(QStringLiteral("components/") + safe).toStdString(), {},
            "a hundred folders of this name in a row hold other components already");
    }

    /// Removes the files and folders place() made.
    void takeBack()
    {
        for (auto it = m_created.rbegin(); it != m_created.rend(); ++it)
            QFileInfo(*it).isDir() ? QDir().rmdir(*it) : QFile::remove(*it);
        m_created.clear();
    }

private:
    // A file that did not exist (never through a link), without the flush to disk of an atomic
    // save: thousands of specs would wait for it, and a failed import takes them back anyway.
    static std::optional<Diagnostic> writeNewFile(const QString &path, const std::string &text)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
            || file.write(text.data(), static_cast<qint64>(text.size()))
                != static_cast<qint64>(text.size())) {
            const std::string why = file.errorString().toStdString();
            file.remove();
            return Diagnostic::error(path.toStdString(), {}, "cannot write the file: " + why);
        }
        return std::nullopt;
    }

    std::optional<Diagnostic> makeFolder(const QString &folder)
    {
        QStringList missing;
        for (QString at = folder; !QFileInfo::exists(at); at = QFileInfo(at).absolutePath()) {
            missing.prepend(at);
            if (QFileInfo(at).absolutePath() == at)
                break;
        }
        for (const QString &at : missing) {
            if (!QDir().mkdir(at))
                return Diagnostic::error(at.toStdString(), {}, "cannot create the folder");
            m_created.push_back(at);
        }
        return std::nullopt;
    }

    std::string reference(const QString &folder) const
    {
        const QString relative = m_documentFolder.relativeFilePath(folder);
        if (relative.startsWith(QStringLiteral("../")) || QDir::isAbsolutePath(relative))
            return QDir::cleanPath(QFileInfo(folder).absoluteFilePath()).toStdString();
        return "./" + relative.toStdString();
    }

    QDir m_documentFolder;
    ComponentResolver m_resolver;
    std::unordered_map<std::string, int> m_nextSuffix; ///< by folder name
    QStringList m_created; ///< in the order made
};

// Compose files list services by name: put the steps back in the order their carried keys
// chain in (Fondant chains each key on the previous call's), parents always first. Steps are
// in parentsFirst() order; a few candidates are tried at each place, so wide fans stay linear.
std::vector<std::size_t> callOrder(const Compiled &compiled, const PipelineSession &session)
{
    constexpr std::size_t maxCandidates = 32;
    const std::size_t count = compiled.steps.size();
    std::unordered_map<std::string, std::vector<std::size_t>> children;
    std::vector<std::size_t> ready;
    for (std::size_t i = 0; i < count; ++i) {
        if (compiled.steps[i].inputComponentId.empty())
            ready.push_back(i);
        else
            children[compiled.steps[i].inputComponentId].push_back(i);
    }
    // Whether step's own key, chained on previousKey, is the key the file carries for it.
    const auto follows = [&](std::size_t step, const std::string &previousKey) {
        const CacheKey *key = session.key(static_cast<int>(step));
        if (!key)
            return false;
        CacheKey chained = *key;
        return !CacheKeyCalculator::rechain(chained, previousKey)
            && chained.key == compiled.steps[step].carriedKey;
    };
    const auto childrenOf = [&](std::size_t step) -> const std::vector<std::size_t> & {
        static const std::vector<std::size_t> none;
        const auto it = children.find(compiled.steps[step].componentId);
        return it == children.end() ? none : it->second;
    };
    std::vector<std::size_t> order;
    order.reserve(count);
    std::optional<std::string> previousKey;
    while (!ready.empty()) {
        // The newest ready steps are tried first: a chain continues from its last step.
        const std::size_t tries = std::min(ready.size(), maxCandidates);
        std::optional<std::size_t> chosen;
        for (std::size_t tried = 0; previousKey && !chosen && tried < tries; ++tried)
            if (follows(ready[ready.size() - 1 - tried], *previousKey))
                chosen = ready.size() - 1 - tried;
        // A step whose own key differs from the file's (a node pool Compose lacks, say): the
        // one that the next step's key chains on.
        for (std::size_t tried = 0; !chosen && tried < tries; ++tried) {
            const std::size_t candidate = ready[ready.size() - 1 - tried];
            const std::string &key = compiled.steps[candidate].carriedKey;
            bool next = false;
            for (std::size_t other = 0; !next && other < tries; ++other)
                next = ready[ready.size() - 1 - other] != candidate
                    && follows(ready[ready.size() - 1 - other], key);
            const std::vector<std::size_t> &candidateChildren = childrenOf(candidate);
            for (std::size_t child = 0; !next && child < std::min(candidateChildren.size(), tries);
                 ++child)
                next = follows(candidateChildren[child], key);
            if (next)
                chosen = ready.size() - 1 - tried;
        }
        const std::size_t at = chosen.value_or(ready.size() - 1);
        const std::size_t step = ready[at];
        ready.erase(ready.begin() + static_cast<std::ptrdiff_t>(at));
        order.push_back(step);
        previousKey = compiled.steps[step].carriedKey;
        const std::vector<std::size_t> &next = childrenOf(step);
        ready.insert(ready.end(), next.rbegin(), next.rend());
    }
    return order;
}

// Kubeflow: follow the chain of tasks, each run after the previous call. Fails unless the chain
// holds every task once.
std::optional<Diagnostic> sortByTaskChain(Compiled &compiled, const std::string &file)
{
    std::unordered_map<std::string, std::size_t> next;
    std::vector<std::size_t> firsts;
    for (std::size_t i = 0; i < compiled.steps.size(); ++i) {
        if (compiled.steps[i].previousTask.empty())
            firsts.push_back(i);
        else if (!next.emplace(compiled.steps[i].previousTask, i).second)
            return Diagnostic::error(file, compiled.steps[i].mark,
                "task '" + compiled.steps[i].task + "' runs after '"
                    + compiled.steps[i].previousTask
                    + "' as another task does: Fondant runs its tasks one after the other");
    }
    std::vector<CompiledStep> sorted;
    std::vector<bool> taken(compiled.steps.size(), false);
    for (std::size_t at = firsts.empty() ? compiled.steps.size() : firsts.front();
         at < compiled.steps.size() && !taken[at];) {
        taken[at] = true;
        sorted.push_back(compiled.steps[at]);
        const auto it = next.find(compiled.steps[at].task);
        at = it == next.end() ? compiled.steps.size() : it->second;
    }
    for (std::size_t i = 0; i < compiled.steps.size(); ++i)
        if (!taken[i])
            return Diagnostic::error(file, compiled.steps[i].mark,
                "task '" + compiled.steps[i].task
                    + "' is not in the one chain of dependentTasks from the first task: Fondant "
                      "runs its tasks one after the other");
    compiled.steps = std::move(sorted);
    return std::nullopt;
}

// Checks that the steps form Fondant's dataset: distinct component ids, one first step, every
// input a step of the file and no cycle; and puts every step after the step it reads.
Diagnostics checkGraph(Compiled &compiled, const std::string &file)
{
    Diagnostics problems;
    std::unordered_map<std::string, std::size_t> indexOf;
    for (std::size_t i = 0; i < compiled.steps.size(); ++i)
        if (!indexOf.emplace(compiled.steps[i].componentId, i).second)
            problems.push_back(Diagnostic::error(file, compiled.steps[i].mark,
                "a second step carries the component id '"
                    + withVisibleControls(compiled.steps[i].componentId)
                    + "': Fondant gives every step its own"));
    std::unordered_map<std::string, std::vector<std::size_t>> children;
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < compiled.steps.size(); ++i) {
        const CompiledStep &step = compiled.steps[i];
        if (step.inputComponentId.empty())
            pending.push_back(i);
        else if (!indexOf.count(step.inputComponentId))
            problems.push_back(Diagnostic::error(file, step.mark,
                "step '" + withVisibleControls(step.componentId) + "' reads the output of '"
                    + withVisibleControls(step.inputComponentId)
                    + "', which no step of the file writes"));
        else
            children[step.inputComponentId].push_back(i);
    }
    if (pending.size() > 1)
        problems.push_back(Diagnostic::error(file, compiled.steps[pending[1]].mark,
            "steps '" + withVisibleControls(compiled.steps[pending[0]].componentId) + "' and '"
                + withVisibleControls(compiled.steps[pending[1]].componentId)
                + "' both start the dataset: a Fondant pipeline has one first step"));
    if (!problems.empty())
        return problems;
    std::vector<std::size_t> order;
    for (std::size_t at = 0; at < pending.size(); ++at) {
        order.push_back(pending[at]);
        const auto it = children.find(compiled.steps[pending[at]].componentId);
        if (it != children.end())
            pending.insert(pending.end(), it->second.begin(), it->second.end());
    }
    if (order.size() < compiled.steps.size()) {
        std::vector<bool> reached(compiled.steps.size(), false);
        for (const std::size_t i : order)
            reached[i] = true;
        for (std::size_t i = 0; i < compiled.steps.size(); ++i)
            if (!reached[i])
                return {Diagnostic::error(file, compiled.steps[i].mark,
                    "step '" + withVisibleControls(compiled.steps[i].componentId)
                        + "' reads its own output through a cycle of steps")};
    }
    if (!compiled.callOrderKnown) {
        std::vector<CompiledStep> sorted;
        sorted.reserve(order.size());
        for (const std::size_t i : order)
            sorted.push_back(std::move(compiled.steps[i]));
        compiled.steps = std::move(sorted);
    } else {
        // The task chain must put each step after the step it reads.
        std::unordered_set<std::string> done;
        for (const CompiledStep &step : compiled.steps) {
            if (!step.inputComponentId.empty() && !done.count(step.inputComponentId))
                return {Diagnostic::error(file, step.mark,
                    "task '" + step.task + "' runs before the step it reads, '"
                        + withVisibleControls(step.inputComponentId) + "'")};
            done.insert(step.componentId);
        }
    }
    return problems;
}

// What a compiled file leaves ambiguous, settled by the key it carries: Kubeflow leaves out
// arguments given as None (Fondant's keys hold them), and a command line writes the
// input_partition_rows 100 and "100" alike. A few choices are tried for each step whose key
// differs; returns whether any step changed.
bool settleByCarriedKeys(
    const Compiled &compiled, const PipelineSession &session, Pipeline &pipeline)
{
    bool changed = false;
    for (std::size_t i = 0; i < compiled.steps.size(); ++i) {
        const CacheKey *key = session.key(static_cast<int>(i));
        const ComponentSpec *spec = session.analysis().steps[i].spec.get();
        if (!key || !spec || key->key == compiled.steps[i].carriedKey)
            continue;
        Step &step = pipeline.steps[i];
        CacheKeyInputs inputs = key->inputs;
        if (i > 0)
            inputs.previousKey = compiled.steps[i - 1].carriedKey;
        const auto matches = [&](CacheKeyInputs tried) {
            Result<CacheKey> again = CacheKeyCalculator::compute(std::move(tried));
            return again.ok() && again->key == compiled.steps[i].carriedKey;
        };
        if (!compiled.callOrderKnown) {
            if (step.inputPartitionRows && step.inputPartitionRows->isInt()) {
                CacheKeyInputs tried = inputs;
                tried.inputPartitionRows = Value(step.inputPartitionRows->intText());
                if (matches(std::move(tried))) {
                    step.inputPartitionRows = Value(step.inputPartitionRows->intText());
                    changed = true;
                }
            }
            continue;
        }
        std::vector<std::string> absent;
        for (const ArgumentSpec &argument : spec->arguments())
            if (!step.arguments.find(argument.name))
                absent.push_back(argument.name);
        if (absent.empty() || absent.size() > 10)
            continue;
        for (unsigned mask = 1; mask < (1U << absent.size()); ++mask) {
            CacheKeyInputs tried = inputs;
            for (std::size_t a = 0; a < absent.size(); ++a)
                if (mask & (1U << a))
                    tried.userArguments.set(absent[a], Value());
            if (matches(std::move(tried))) {
                for (std::size_t a = 0; a < absent.size(); ++a)
                    if (mask & (1U << a))
                        step.arguments.set(absent[a], Value());
                changed = true;
                break;
            }
        }
    }
    return changed;
}

} // namespace

Result<QString> PipelineImport::run(
    const QString &compiledPath, const QString &outputPath, const QStringList &componentDirs)
{
    // Through a link to a file, the document and its components go where the file is.
    const QString documentPath = QFileInfo(outputPath).isSymLink()
        ? QFileInfo(outputPath).symLinkTarget()
        : QFileInfo(outputPath).absoluteFilePath();
    const std::string file = compiledPath.toStdString();
    Result<std::string> text = readTextFile(compiledPath, Importer::limits().maxFileBytes);
    if (!text.ok())
        return text.takeDiagnostics();
    Result<Compiled> read = Importer(file).read(text.value());
    if (!read.ok())
        return read.takeDiagnostics();
    Compiled compiled = std::move(read).value();
    if (compiled.callOrderKnown)
        if (std::optional<Diagnostic> problem = sortByTaskChain(compiled, file))
            return *problem;
    if (Diagnostics problems = checkGraph(compiled, file); !problems.empty())
        return problems;
    Diagnostics invalidSpecs;
    for (const CompiledStep &step : compiled.steps)
        if (Result<ComponentSpec> spec = ComponentSpec::fromValue(step.specification, file);
            !spec.ok())
            invalidSpecs.push_back(Diagnostic::error(file, step.mark,
                "step '" + withVisibleControls(step.componentId)
                    + "': the component spec in its operation spec is not valid: "
                    + spec.errorMessage()));
    if (!invalidSpecs.empty())
        return invalidSpecs;
    if (QFileInfo(documentPath).absoluteFilePath() == QFileInfo(compiledPath).absoluteFilePath()
        || (QFileInfo::exists(documentPath)
            && QFileInfo(documentPath).canonicalFilePath()
                == QFileInfo(compiledPath).canonicalFilePath()))
        return Diagnostic::error(documentPath.toStdString(), {},
            "is the compiled file itself; the import would replace it");
    if (std::optional<Diagnostic> refused = whyNotReplaceable(documentPath))
        return *refused;

    Pipeline pipeline;
    const std::size_t stamp = compiled.runId.rfind('-');
    pipeline.name = stamp == std::string::npos ? compiled.runId : compiled.runId.substr(0, stamp);
    pipeline.workingDirectory = compiled.workingDirectory;
    pipeline.filePath = QFileInfo(documentPath).absoluteFilePath().toStdString();
    ComponentPlacer placer(documentPath, componentDirs);
    std::unordered_map<std::string, std::string> stepOfComponent;
    std::unordered_map<std::string, std::string> referenceOfSpec;
    std::unordered_set<std::string> ids;
    for (const CompiledStep &compiledStep : compiled.steps) {
        Step step;
        // The component id, unless it cannot be a step's id.
        step.id = folderNameOf(compiledStep.componentId).toStdString();
        for (int n = 2; ids.count(step.id); ++n)
            step.id
                = folderNameOf(compiledStep.componentId).toStdString() + "_" + std::to_string(n);
        // A component used again carries its spec renamed "NAME STEP_ID": its own folder.
        Value specification = compiledStep.specification;
        const std::string name
            = specification.find("name") && specification.find("name")->isString()
            ? specification.find("name")->toString()
            : std::string();
        for (std::size_t space = name.rfind(' '); space != std::string::npos && space > 0;
             space = std::string::npos) {
            Value original = specification;
            original.set("name", name.substr(0, space));
            if (const auto it
                = referenceOfSpec.find(PyJson::dumps(original, PyJson::KeyOrder::Insertion));
                it != referenceOfSpec.end()) {
                step.id = name.substr(space + 1);
                step.component = it->second;
            }
        }
        if (step.component.empty()) {
            Result<std::string> reference
                = placer.place(compiledStep, ComponentSpec::safeNameOf(name), pipeline);
            if (!reference.ok()) {
                placer.takeBack();
                return reference.takeDiagnostics();
            }
            step.component = reference.value();
            referenceOfSpec.emplace(
                PyJson::dumps(specification, PyJson::KeyOrder::Insertion), step.component);
        }
        ids.insert(step.id);
        stepOfComponent[compiledStep.componentId] = step.id;
        const auto found = stepOfComponent.find(compiledStep.inputComponentId);
        step.input = found == stepOfComponent.end() ? std::string() : found->second;
        const ComponentSpec spec = ComponentSpec::fromValue(specification, file).value();
        const Value *args = specification.find("args");
        std::unordered_set<std::string> given;
        for (const auto &[argument, value] : compiledStep.arguments) {
            const Value *declared = args && args->isObject() ? args->find(argument) : nullptr;
            const Value *type = declared && declared->isObject() ? declared->find("type") : nullptr;
            Value typed = argumentValue(value, type && type->isString() ? type->toString() : "");
            if (given.insert(argument).second) // a repeated option: the last one counts
                step.arguments.appendMember(Member {argument, std::move(typed), {}});
            else
                step.arguments.set(argument, std::move(typed));
        }
        // An empty mapping where the spec consumes fields was given so: Fondant infers one
        // from the spec when none is given.
        const Value *declared = specification.find("consumes");
        if (compiledStep.consumes.isObject()
            && (compiledStep.consumes.size() > 0 || (declared && declared->size() > 0)))
            step.consumes = mappingOf(compiledStep.consumes, spec.consumes());
        if (compiledStep.produces.isObject() && compiledStep.produces.size() > 0)
            step.produces = mappingOf(compiledStep.produces, spec.produces());
        if (compiledStep.inputPartitionRows) {
            // A whole number, or text as the user gave it ("0.5" stays text).
            const Value rows = argumentValue(*compiledStep.inputPartitionRows, "int");
            if (rows.isInt())
                step.inputPartitionRows = rows;
            else if (!rows.isNull())
                step.inputPartitionRows = *compiledStep.inputPartitionRows;
        }
        // Fondant passes cache unless it is None.
        const Value cache
            = compiledStep.cache ? argumentValue(*compiledStep.cache, "bool") : Value();
        step.cache = cache.isBool() ? std::optional<bool>(cache.toBool()) : std::nullopt;
        step.resources = compiledStep.resources;
        pipeline.steps.push_back(std::move(step));
    }

    PipelineSession session(componentDirs);
    session.setFilePath(pipeline.filePath);
    if (!compiled.callOrderKnown) {
        // Keys before the order is known: chained on the carried ones, only their own parts count.
        session.reset(pipeline);
        const std::vector<std::size_t> order = callOrder(compiled, session);
        std::vector<Step> steps;
        std::vector<CompiledStep> compiledSteps;
        for (const std::size_t i : order) {
            steps.push_back(pipeline.steps[i]);
            compiledSteps.push_back(compiled.steps[i]);
        }
        pipeline.steps = std::move(steps);
        compiled.steps = std::move(compiledSteps);
    }
    session.reset(pipeline);
    if (settleByCarriedKeys(compiled, session, pipeline))
        session.reset(pipeline);

    // A document that would not be valid is not written: its problems are placed in the file.
    // The text is read back first, for the rules only reading checks; the reader's problems
    // have a line of the text instead: the step written there.
    const std::string written = PipelineWriter::toYaml(pipeline);
    std::vector<int> stepLines;
    int line = 1;
    for (std::size_t at = 0; at < written.size(); ++at)
        if (written[at] == '\n') {
            ++line;
            if (written.compare(at + 1, 8, "  - id: ") == 0)
                stepLines.push_back(line);
        }
    const auto stepAt = [&](SourceMark mark) {
        const auto after = std::upper_bound(stepLines.begin(), stepLines.end(), mark.line);
        return mark.isValid() && after != stepLines.begin()
            ? static_cast<int>(after - stepLines.begin()) - 1
            : -1;
    };
    const auto placed = [&](const Diagnostics &problems, Diagnostics &errors) {
        Diagnostics others;
        for (Diagnostic problem : problems) {
            const int index = !problem.stepId.empty()        ? session.indexOf(problem.stepId)
                : problem.file == documentPath.toStdString() ? stepAt(problem.mark)
                                                             : -1;
            if (index >= 0 && static_cast<std::size_t>(index) < compiled.steps.size()) {
                problem.file = file;
                problem.mark = compiled.steps[static_cast<std::size_t>(index)].mark;
            }
            (problem.isError() ? errors : others).push_back(std::move(problem));
        }
        return others;
    };
    Diagnostics errors;
    Diagnostics warnings = placed(session.diagnostics(), errors);
    placed(PipelineReader::parse(written, documentPath.toStdString()).diagnostics(), errors);
    if (!errors.empty()) {
        placer.takeBack();
        return errors;
    }
    for (std::size_t i = 0; i < compiled.steps.size(); ++i) {
        // Each step's own key, chained on the key the file carries for the call before it, so
        // that only the steps whose own ingredients differ are named.
        const CompiledStep &carried = compiled.steps[i];
        std::optional<CacheKey> key;
        if (const CacheKey *computed = session.key(static_cast<int>(i))) {
            key = *computed;
            if (CacheKeyCalculator::rechain(*key,
                    i > 0 ? std::optional<std::string>(compiled.steps[i - 1].carriedKey)
                          : std::nullopt))
                key.reset();
        }
        if (key && key->key == carried.carriedKey)
            continue;
        warnings.push_back(Diagnostic::warning(file, carried.mark,
            "step '" + pipeline.steps[i].id + "': the file carries the cache key "
                + carried.carriedKey + ", the imported document gives "
                + (key ? key->key : std::string("none"))
                + (carried.lightweight
                        ? " (a lightweight Python component: its code enters the key, and a "
                          "pipeline document refers to containerized components only)"
                        : compiled.callOrderKnown
                        ? std::string()
                        : std::string(" (a docker-compose file holds no node pool name, which "
                                      "enters keys)"))));
    }
    if (std::optional<Diagnostic> error = writeFileAtomically(documentPath, written)) {
        placer.takeBack();
        return *error;
    }
    return Result<QString>(QFileInfo(documentPath).absoluteFilePath(), std::move(warnings));
}

} // namespace fondant
