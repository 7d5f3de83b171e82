// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Runs every applicable case of the Fondant 0.12.1 reference data (outputs of Fondant's own
// code) against the core. Skips, saying so, when the reference folder is not present.
#include "core/cache/CacheKey.h"
#include "core/cache/PipelineKeys.h"
#include "core/export/PipelineExport.h"
#include "core/export/PipelineImport.h"
#include "core/graph/OperationSpec.h"
#include "core/manifest/Manifest.h"
#include "core/pipeline/PipelineReader.h"
#include "core/session/PipelineSession.h"
#include "core/spec/ComponentResolver.h"
#include "core/spec/ComponentSpec.h"
#include "core/validate/PipelineValidator.h"
#include "core/value/JsonReader.h"
#include "core/value/PyJson.h"
#include "core/yaml/YamlReader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fondant;

class tst_Conformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reusableComponentSpecs_data();
    void reusableComponentSpecs();
    void validSpecFixtures_data();
    void validSpecFixtures();
    void invalidSpecFixture();
    void typeNormalisation();
    void workedExamples_data();
    void workedExamples();
    void exportGoldens_data();
    void exportGoldens();
    void importGoldens_data();
    void importGoldens();
    void lightweightComponents();
    void legacyRecipe();
    void manifestEvolution_data();
    void manifestEvolution();
    void manifestEvolutionRejects_data();
    void manifestEvolutionRejects();
    void manifests();
    void invalidPipelines_data();
    void invalidPipelines();
    void cleanup();
    void cleanupTestCase();

private:
    QString reference(const QString &relative) const { return m_root.filePath(relative); }
    Value readJson(const QString &relative) const;
    std::string workedExampleDocument(const Value &example, const QTemporaryDir &folder);
    void countCase() { ++m_cases; }

    QDir m_root;
    int m_cases = 0;
    int m_mismatches = 0;
};

Value tst_Conformance::readJson(const QString &relative) const
{
    Result<Value> value = JsonReader::readFile(reference(relative));
    if (!value.ok())
        qFatal("cannot read %s: %s", qPrintable(relative), value.errorMessage().c_str());
    return value.value();
}

// A pipeline document for one of the worked examples Fondant compiled, its specs copied into
// folder; "" when a spec cannot be read.
std::string tst_Conformance::workedExampleDocument(
    const Value &example, const QTemporaryDir &folder)
{
    std::string document
        = "version: 1\nname: " + example.find("dataset_name")->toString() + "\nsteps:\n";
    std::vector<std::string> ids;
    const Value &steps = *example.find("steps");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Value &step = steps.items()[i];
        const QString stepDir = folder.filePath(QStringLiteral("step%1").arg(i));
        QDir().mkpath(stepDir);
        QFile::copy(reference(QString::fromStdString(step.find("spec")->toString())),
            stepDir + QStringLiteral("/fondant_component.yaml"));
        Result<ComponentSpec> spec
            = ComponentSpec::fromFile(stepDir + QStringLiteral("/fondant_component.yaml"));
        if (!spec.ok())
            return {};
        ids.push_back(spec.value().safeName());
        document += "  - component: " + stepDir.toStdString() + "\n";
        if (i > 0) {
            const Value *on = step.find("on");
            document
                += "    input: " + ids[on ? static_cast<std::size_t>(on->toInt()) : i - 1] + "\n";
        }
        for (const char *key :
            {"arguments", "consumes", "produces", "input_partition_rows", "resources"})
            if (const Value *value = step.find(key))
                document += std::string("    ") + key + ": "
                    + PyJson::dumps(*value, PyJson::KeyOrder::Insertion) + "\n";
    }
    return document;
}

void tst_Conformance::initTestCase()
{
    const QString root
        = qEnvironmentVariable("FONDANT_REFERENCE_DIR", QStringLiteral(FONDANT_REFERENCE_DIR));
    if (!QFileInfo(root + QStringLiteral("/README.md")).isFile())
        QSKIP(qPrintable(
            QStringLiteral("Fondant reference data not found at %1: conformance cases not run "
                           "(set FONDANT_REFERENCE_DIR)")
                .arg(root)));
    m_root = QDir(root);
    qInfo("conformance: reference data at %s", qPrintable(m_root.absolutePath()));
}

void tst_Conformance::reusableComponentSpecs_data()
{
    QTest::addColumn<QString>("name");
    const Value vectors = readJson(QStringLiteral("generated/vectors/component_spec_vectors.json"));
    QCOMPARE(vectors.size(), std::size_t {27});
    for (const Member &member : vectors.members())
        QTest::newRow(member.key.c_str()) << QString::fromStdString(member.key);
}

void tst_Conformance::reusableComponentSpecs()
{
    QFETCH(QString, name);
    const Value vectors = readJson(QStringLiteral("generated/vectors/component_spec_vectors.json"));
    const Value &vector = *vectors.find(name.toStdString());

    Result<ComponentSpec> spec = ComponentSpec::fromFile(
        reference(QStringLiteral("components/%1/fondant_component.yaml").arg(name)));
    QVERIFY2(spec.ok(), spec.errorMessage().c_str());
    const auto shared = std::make_shared<const ComponentSpec>(spec.value());

    QCOMPARE(PyJson::dumps(shared->specification(), PyJson::KeyOrder::Insertion),
        vector.find("specification_json")->toString());
    QCOMPARE(PyJson::dumps(shared->specification(), PyJson::KeyOrder::Sorted),
        vector.find("specification_json_sorted")->toString());
    QCOMPARE(shared->safeName(), vector.find("safe_name")->toString());

    Result<OperationSpec> operation
        = OperationSpec::build(shared, std::nullopt, std::nullopt, nullptr);
    QVERIFY2(operation.ok(), operation.errorMessage().c_str());
    QCOMPARE(operation.value().toJson(), vector.find("default_operation_spec_json")->toString());

    const bool cache = !shared->hasLatestTag();
    QCOMPARE(cache, vector.find("cache_flag_after_latest_rule")->toBool());
    Step step;
    Result<CacheKey> key
        = CacheKeyCalculator::compute(PipelineKeys::inputsFor(step, operation.value(), cache, {}));
    QVERIFY(key.ok());
    QCOMPARE(key.value().key, vector.find("standalone_cache_key_no_args_no_previous")->toString());
    QCOMPARE(PyJson::dumps(key.value().arguments, PyJson::KeyOrder::Insertion),
        PyJson::dumps(*vector.find("default_arguments"), PyJson::KeyOrder::Insertion));
    countCase();
}

void tst_Conformance::validSpecFixtures_data()
{
    QTest::addColumn<QString>("path");
    const QStringList folders {
        QStringLiteral("examples/0.12.1"), QStringLiteral("generated/inputs/components")};
    for (const QString &folder : folders) {
        QDirIterator it(reference(folder), {QStringLiteral("*.yaml")}, QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = m_root.relativeFilePath(it.next());
            if (path.endsWith(QLatin1String("invalid_component.yaml"))
                || path.endsWith(QLatin1String("kubeflow_component.yaml")))
                continue; // the one invalid spec, and a KFP file rather than a component spec
            QTest::newRow(qPrintable(path)) << path;
        }
    }
}

void tst_Conformance::validSpecFixtures()
{
    QFETCH(QString, path);
    Result<ComponentSpec> spec = ComponentSpec::fromFile(reference(path));
    QVERIFY2(spec.ok(), spec.errorMessage().c_str());
    // Reading back what the normalised dict says must give the same parts.
    const Value &specification = spec.value().specification();
    QCOMPARE(specification.members().front().key, std::string("name"));
    QCOMPARE(specification.members()[1].key, std::string("image"));
    countCase();
}

void tst_Conformance::invalidSpecFixture()
{
    const QString path = reference(QStringLiteral(
        "examples/0.12.1/tests/core/examples/component_specs/invalid_component.yaml"));
    Result<ComponentSpec> spec = ComponentSpec::fromFile(path);
    QVERIFY(!spec.ok());
    const auto it = std::find_if(spec.diagnostics().begin(), spec.diagnostics().end(),
        [](const Diagnostic &d) { return d.message.find("'Arguments'") != std::string::npos; });
    QVERIFY2(it != spec.diagnostics().end(), "the unknown key 'Arguments' is named");
    QVERIFY(it->mark.isValid());
    QCOMPARE(it->file, path.toStdString());
    countCase();
}

void tst_Conformance::typeNormalisation()
{
    const Value vectors = readJson(QStringLiteral("generated/vectors/type_normalisation.json"));
    for (const Member &member : vectors.find("results")->members()) {
        Value input(member.key);
        if (member.key.starts_with("{")) {
            Result<Value> parsed = JsonReader::parse(member.key, "type");
            QVERIFY(parsed.ok());
            input = parsed.value();
        }
        Result<FieldType> type = FieldType::fromValue(input);
        if (member.value.isString()) {
            QVERIFY2(member.value.toString().starts_with("ERROR"), member.key.c_str());
            QVERIFY2(!type.ok(), member.key.c_str());
        } else {
            QVERIFY2(type.ok(), member.key.c_str());
            QCOMPARE(PyJson::dumps(type.value().toValue(), PyJson::KeyOrder::Insertion),
                PyJson::dumps(member.value, PyJson::KeyOrder::Insertion));
        }
        countCase();
    }
}

void tst_Conformance::workedExamples_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("keysFile");
    for (const char *name : {"WE1", "WE2", "WE3"})
        QTest::newRow(name) << QString::fromLatin1(
            name) << QStringLiteral("generated/cache-keys/worked_examples_WE1_WE2_WE3.json");
    QTest::newRow("BR") << QStringLiteral("BR")
                        << QStringLiteral("generated/cache-keys/branching_BR.json");
}

// Writes the example as a pipeline document (one folder per step holding its spec), then reads,
// validates and keys it like the command-line tool does.
void tst_Conformance::workedExamples()
{
    QFETCH(QString, name);
    QFETCH(QString, keysFile);
    const Value examples = readJson(QStringLiteral("generated/inputs/worked_examples.json"));
    const Value &example = *examples.find(name.toStdString());
    const Value keyFile = readJson(keysFile);
    const Value &expected
        = keyFile.isArray() ? keyFile : *keyFile.find(name.toStdString())->find("components");

    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const std::string document = workedExampleDocument(example, folder);
    QVERIFY(!document.empty());

    Result<Pipeline> pipeline = PipelineReader::parse(document, "worked-example.pipeline.yaml");
    QVERIFY2(pipeline.ok(), pipeline.errorMessage().c_str());
    const ComponentResolver resolver({}, folder.path());
    resolver.assignDefaultIds(pipeline.value());
    const PipelineAnalysis analysis = PipelineValidator::validate(pipeline.value(), resolver);
    QVERIFY2(!analysis.hasErrors(),
        analysis.diagnostics.empty() ? "" : analysis.diagnostics.front().toString().c_str());
    const PipelineKeys keys = PipelineKeys::compute(pipeline.value(), analysis);

    QCOMPARE(keys.keys.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Value &component = expected.items()[i];
        QVERIFY(keys.keys[i].has_value());
        const CacheKey &key = *keys.keys[i];
        const Value &log = *component.find("md5_log");
        const std::string *texts[]
            = {&key.argumentsText, &key.operationSpecText, &key.imageText, &key.finalText};
        const std::string *hashes[]
            = {&key.argumentsHash, &key.operationSpecHash, &key.imageHash, &key.key};
        QCOMPARE(log.size(), std::size_t {4});
        for (std::size_t j = 0; j < 4; ++j) {
            QCOMPARE(*texts[j], log.items()[j].find("preimage")->toString());
            QCOMPARE(*hashes[j], log.items()[j].find("md5")->toString());
        }
        QCOMPARE(key.key, component.find("cache_key")->toString());
        QCOMPARE(key.key, example.find("expected_cache_keys")->items()[i].toString());
        countCase();
    }
}

void tst_Conformance::exportGoldens_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<QString>("golden");
    const auto add = [](const char *name, const char *target, const char *workingDirectory,
                         const QString &golden) {
        QTest::newRow(qPrintable(
            QStringLiteral("%1 %2 %3")
                .arg(QLatin1String(name), QLatin1String(target), QLatin1String(workingDirectory))))
            << name << target << workingDirectory << golden;
    };
    for (const char *name : {"WE1", "WE2", "WE3"}) {
        const QString compose
            = QStringLiteral("generated/compiled/docker-compose/%1-docker-compose.%2.yml");
        add(name, "compose", "/data/fondant-wd", compose.arg(QLatin1String(name), "local"));
        add(name, "compose", "gs://bucket/wd", compose.arg(QLatin1String(name), "remote"));
        add(name, "kfp", "gs://bucket/wd",
            QStringLiteral("generated/compiled/kubeflow/%1-kubeflow_pipeline.yml")
                .arg(QLatin1String(name)));
    }
    add("BR", "compose", "gs://bucket/wd",
        QStringLiteral("generated/compiled/docker-compose/BR-docker-compose.remote.yml"));
    add("BR", "kfp", "gs://bucket/wd",
        QStringLiteral("generated/compiled/kubeflow/BR-kubeflow_pipeline.yml"));
    for (const char *name : {"WE1", "WE3"})
        add(name, "vertex", "gs://bucket/wd",
            QStringLiteral("generated/compiled/vertex/%1-vertex_pipeline.yml")
                .arg(QLatin1String(name)));
}

namespace {

// The YAML documents of a file, as a list (a Kubeflow file may hold a second one).
Result<Value> readDocuments(const std::string &text, const std::string &name)
{
    Value documents = Value::array();
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find("\n---\n", start);
        Result<Value> document = YamlReader::parse(
            text.substr(start, end == std::string::npos ? std::string::npos : end + 1 - start),
            name, ScalarRules::PyYaml11);
        if (!document.ok())
            return document.takeDiagnostics();
        documents.append(std::move(document).value());
        if (end == std::string::npos)
            break;
        start = end + 5;
    }
    return documents;
}

} // namespace

void tst_Conformance::exportGoldens()
{
    QFETCH(QString, name);
    QFETCH(QString, target);
    QFETCH(QString, workingDirectory);
    QFETCH(QString, golden);
    const Value examples = readJson(QStringLiteral("generated/inputs/worked_examples.json"));
    const Value &example = *examples.find(name.toStdString());
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("example.pipeline.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(workedExampleDocument(example, folder)));
    file.close();
    QFile goldenFile(reference(golden));
    QVERIFY(goldenFile.open(QIODevice::ReadOnly));
    Result<Value> expected = readDocuments(goldenFile.readAll().toStdString(), "golden.yml");
    QVERIFY(expected.ok());
    // Fondant's own example components, compiled from its source tree, have a Dockerfile
    // beside their spec (not kept in the reference data): give the copies one too.
    const Value *expectedServices = expected->items()[0].find("services");
    for (std::size_t i = 0; expectedServices && i < example.find("steps")->size(); ++i) {
        const QString stepDir = folder.filePath(QStringLiteral("step%1").arg(i));
        const std::string id
            = ComponentSpec::fromFile(stepDir + QStringLiteral("/fondant_component.yaml"))
                  ->safeName();
        if (expectedServices->find(id)->find("build")) {
            QFile dockerfile(stepDir + QStringLiteral("/Dockerfile"));
            QVERIFY(dockerfile.open(QIODevice::WriteOnly));
        }
    }
    Result<PipelineSession> session = PipelineSession::open(path);
    QVERIFY(session.ok());
    const std::string datasetName = example.find("dataset_name")->toString();
    Result<ExportSettings> settings = ExportSettings::make(
        workingDirectory, folder.path(), datasetName, datasetName + "-20240422120000");
    QVERIFY(settings.ok());
    Result<std::string> ours = PipelineExport::text(
        session.value(), *PipelineExport::targetNamed(target.toStdString()), settings.value(), {});
    QVERIFY2(ours.ok(), ours.ok() ? "" : ours.diagnostics().front().toString().c_str());

    // Equal once read: Fondant's file folds long strings and quotes differently. A build
    // context is the component's folder, here the copy's.
    Result<Value> actual = readDocuments(ours.value(), "ours.yml");
    QVERIFY(actual.ok());
    if (Value *services = actual->items()[0].find("services")) {
        for (Member &service : services->members()) {
            if (Value *build = service.value.find("build")) {
                const std::string context = build->find("context")->toString();
                QVERIFY(QString::fromStdString(context).startsWith(folder.path()));
                build->set("context",
                    *expectedServices->find(service.key)->find("build")->find("context"));
            }
        }
    }
    const std::string expectedText
        = PyJson::dumps(expected.value(), PyJson::KeyOrder::Sorted, PyJson::Ascii::Keep);
    const std::string actualText
        = PyJson::dumps(actual.value(), PyJson::KeyOrder::Sorted, PyJson::Ascii::Keep);
    QCOMPARE(actualText, expectedText);
    countCase();
}

// Every file Fondant's compilers wrote, imported: the document gives the keys Fondant put in
// it, except where the file lacks an ingredient (Compose: node pools; lightweight components'
// code, which a document cannot hold).
void tst_Conformance::importGoldens_data()
{
    QTest::addColumn<QString>("compiled");
    QTest::addColumn<QStringList>("differingSteps");
    QDirIterator files(m_root.filePath(QStringLiteral("generated/compiled")),
        {QStringLiteral("*.yml")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList paths;
    while (files.hasNext())
        paths.append(files.next());
    paths.sort();
    QVERIFY(paths.size() >= 18);
    for (const QString &path : paths) {
        const QString name = QFileInfo(path).fileName();
        QStringList differing;
        if (name.startsWith(QStringLiteral("LW-")))
            differing = {QStringLiteral("createdata"), QStringLiteral("double")};
        else if (name.startsWith(QStringLiteral("WE2-docker-compose")))
            differing = {QStringLiteral("first_component")}; // its node pool
        QTest::newRow(qPrintable(name)) << path << differing;
    }
}

void tst_Conformance::importGoldens()
{
    QFETCH(QString, compiled);
    QFETCH(QStringList, differingSteps);
    QTemporaryDir folder;
    const QString document = folder.filePath(QStringLiteral("imported.pipeline.yaml"));
    Result<QString> written = PipelineImport::run(compiled, document, {});
    QVERIFY2(written.ok(), written.ok() ? "" : written.diagnostics().front().toString().c_str());
    QStringList differing;
    for (const Diagnostic &warning : written.diagnostics())
        if (warning.message.find("the file carries the cache key") != std::string::npos)
            differing.append(QString::fromStdString(
                warning.message.substr(6, warning.message.find('\'', 6) - 6)));
    QCOMPARE(differing, differingSteps);
    // The document reads back with the same keys.
    Result<PipelineSession> session = PipelineSession::open(document);
    QVERIFY(session.ok());
    QVERIFY(!session->hasErrors());
    countCase();
}

void tst_Conformance::lightweightComponents()
{
    const Value vectors = readJson(QStringLiteral("generated/cache-keys/lightweight_LW.json"));
    for (const Value &component : vectors.items()) {
        const Value &arguments = *component.find("arguments");
        CacheKeyInputs inputs;
        inputs.userArguments = arguments;
        inputs.userArguments.remove("cache");
        inputs.userArguments.remove("operation_spec");
        inputs.cache = arguments.find("cache")->toBool();
        Result<Value> operation
            = JsonReader::parse(arguments.find("operation_spec")->toString(), "operation_spec");
        QVERIFY(operation.ok());
        inputs.operationSpec = operation.value();
        QVERIFY(
            inputs.operationSpec.find("specification")->equals(*component.find("specification")));
        const Value &image = *component.find("image_dict");
        inputs.image.baseImage = image.find("base_image")->toString();
        if (const Value *requires_ = image.find("extra_requires"); requires_->isArray()) {
            inputs.image.extraRequires.emplace();
            for (const Value &requirement : requires_->items())
                inputs.image.extraRequires->push_back(requirement.toString());
        }
        if (const Value *script = image.find("script"); script->isString())
            inputs.image.script = script->toString();
        if (const Value *previous = component.find("previous_component_cache");
            previous->isString())
            inputs.previousKey = previous->toString();
        Result<CacheKey> key = CacheKeyCalculator::compute(inputs);
        QVERIFY(key.ok());
        QCOMPARE(key.value().key, component.find("cache_key")->toString());
        QCOMPARE(PyJson::dumps(key.value().arguments, PyJson::KeyOrder::Insertion),
            PyJson::dumps(arguments, PyJson::KeyOrder::Insertion));
        countCase();
    }
}

void tst_Conformance::legacyRecipe()
{
    const Value vectors = readJson(QStringLiteral("generated/cache-keys/legacy_0.6.0.json"));
    std::optional<std::string> previous;
    const Value &components = *vectors.find("components");
    for (std::size_t i = 0; i < components.size(); ++i) {
        const Value &component = components.items()[i];
        std::string fixture = component.find("fixture")->toString();
        fixture = fixture.substr(0, fixture.find('@'));
        Result<Value> spec = YamlReader::readFile(
            reference(QStringLiteral("examples/0.6.2/") + QString::fromStdString(fixture)),
            ScalarRules::PyYaml11);
        QVERIFY(spec.ok());
        Value arguments = Value::object();
        arguments.set("storage_args", "a dummy string arg");
        const std::optional<Value> partitionRows
            = i == 0 ? std::nullopt : std::optional<Value>(Value(10));
        // Both fixtures use an image tagged latest, so the 0.6 `latest` rule records cache false.
        Result<CacheKey> key = CacheKeyCalculator::computeLegacy060(
            spec.value(), arguments, partitionRows, false, previous);
        QVERIFY(key.ok());
        const Value &log = *component.find("md5_log");
        QCOMPARE(key.value().argumentsText, log.items()[0].find("preimage")->toString());
        QCOMPARE(key.value().operationSpecText, log.items()[1].find("preimage")->toString());
        QCOMPARE(key.value().finalText, log.items()[2].find("preimage")->toString());
        QCOMPARE(key.value().key, component.find("cache_key")->toString());
        previous = key.value().key;
        countCase();
    }
}

void tst_Conformance::manifestEvolution_data()
{
    QTest::addColumn<QString>("caseName");
    for (int i = 1; i <= 7; ++i)
        QTest::newRow(qPrintable(QString::number(i))) << QString::number(i);
}

static std::optional<FieldMapping> mappingFrom(const Value &value)
{
    if (value.isNull())
        return std::nullopt;
    FieldMapping mapping;
    for (const Member &member : value.members()) {
        if (member.value.isString()) {
            mapping.push_back(
                FieldMappingEntry {member.key, std::nullopt, member.value.toString()});
        } else {
            Result<FieldType> type = FieldType::fromValue(member.value);
            if (!type.ok())
                return mapping; // an invalid entry: left out, the caller expects a failure
                                // elsewhere
            mapping.push_back(FieldMappingEntry {member.key, type.value(), {}});
        }
    }
    return mapping;
}

void tst_Conformance::manifestEvolution()
{
    QFETCH(QString, caseName);
    const Value cases = readJson(QStringLiteral("generated/inputs/evolution_cases.json"));
    const QString folder
        = QStringLiteral("examples/0.12.1/tests/core/examples/evolution_examples/");
    Result<Manifest> input
        = Manifest::fromFile(reference(folder + QStringLiteral("input_manifest.json")));
    QVERIFY(input.ok());
    Result<ComponentSpec> spec
        = ComponentSpec::fromFile(reference(folder + caseName + QStringLiteral("/component.yaml")));
    QVERIFY2(spec.ok(), spec.errorMessage().c_str());
    const Value &produces = *cases.find("valid")->find(caseName.toStdString())->find("produces");
    const DatasetFields fields = DatasetFields::of(input.value().fields(), "input");
    Result<OperationSpec> operation
        = OperationSpec::build(std::make_shared<const ComponentSpec>(spec.value()), std::nullopt,
            mappingFrom(produces), &fields);
    QVERIFY2(operation.ok(), operation.errorMessage().c_str());
    const Manifest output = input.value().evolve(operation.value(),
        cases.find("run_id")->toString(), cases.find("working_directory")->toString());
    const Value expected = readJson(folder + caseName + QStringLiteral("/output_manifest.json"));
    QVERIFY2(output.toValue().equals(expected), output.toJson().c_str());
    std::vector<std::string> order;
    for (const Field &field : output.fields())
        order.push_back(field.name);
    std::vector<std::string> expectedOrder;
    for (const Value &name :
        cases.find("expected_field_order_by_fondant")->find(caseName.toStdString())->items())
        expectedOrder.push_back(name.toString());
    QCOMPARE(order, expectedOrder);
    countCase();
}

void tst_Conformance::manifestEvolutionRejects_data()
{
    QTest::addColumn<QString>("caseName");
    const Value cases = readJson(QStringLiteral("generated/inputs/evolution_cases.json"));
    for (const Member &member : cases.find("invalid")->members())
        QTest::newRow(member.key.c_str()) << QString::fromStdString(member.key);
}

void tst_Conformance::manifestEvolutionRejects()
{
    QFETCH(QString, caseName);
    const Value cases = readJson(QStringLiteral("generated/inputs/evolution_cases.json"));
    const Value &produces = *cases.find("invalid")->find(caseName.toStdString())->find("produces");
    const QString folder
        = QStringLiteral("examples/0.12.1/tests/core/examples/evolution_examples/");
    Result<ComponentSpec> spec
        = ComponentSpec::fromFile(reference(folder + caseName + QStringLiteral("/component.yaml")));
    QVERIFY(spec.ok());
    // A value that is neither a type nor a column name (case 1) is refused by the type reader.
    for (const Member &member : produces.members())
        if (!member.value.isString() && !member.value.isObject()) {
            QVERIFY(!FieldType::fromValue(member.value).ok());
            countCase();
            return;
        }
    Result<OperationSpec> operation
        = OperationSpec::build(std::make_shared<const ComponentSpec>(spec.value()), std::nullopt,
            mappingFrom(produces), nullptr);
    QVERIFY(!operation.ok());
    countCase();
}

void tst_Conformance::manifests()
{
    const QStringList valid {
        QStringLiteral("examples/0.12.1/tests/core/examples/manifests/valid_manifest.json"),
        QStringLiteral(
            "examples/0.12.1/tests/core/examples/evolution_examples/input_manifest.json"),
        QStringLiteral("examples/0.12.1/tests/component/examples/data/manifest.json"),
        QStringLiteral(
            "examples/0.12.1/tests/component/examples/component_specs/input_manifest.json"),
        QStringLiteral("examples/0.12.1/tests/component/examples/component_specs/arguments/"
                       "input_manifest.json"),
        QStringLiteral("examples/0.12.1/tests/component/examples/mock_base_path/example_pipeline/"
                       "example_pipeline_2023/component_1/manifest.json")};
    for (const QString &path : valid) {
        Result<Manifest> manifest = Manifest::fromFile(reference(path));
        QVERIFY2(manifest.ok(),
            qPrintable(
                path + QStringLiteral(": ") + QString::fromStdString(manifest.errorMessage())));
        countCase();
    }
    Result<Manifest> invalid = Manifest::fromFile(reference(
        QStringLiteral("examples/0.12.1/tests/core/examples/manifests/invalid_manifest.json")));
    QVERIFY(!invalid.ok());
    QVERIFY(
        invalid.errorMessage().find("'dataset_name' is a required property") != std::string::npos);
    countCase();
}

void tst_Conformance::invalidPipelines_data()
{
    QTest::addColumn<QString>("example");
    for (const char *example : {"example_1", "example_2", "example_3"})
        QTest::newRow(example) << QString::fromLatin1(example);
}

void tst_Conformance::invalidPipelines()
{
    QFETCH(QString, example);
    const QString folder = reference(
        QStringLiteral("examples/0.12.1/tests/pipeline/examples/pipelines/invalid_pipeline/")
        + example);
    const std::string document = "version: 1\nname: invalid\nsteps:\n"
                                 "  - component: "
        + folder.toStdString()
        + "/first_component\n"
          "    arguments: {storage_args: a dummy string arg}\n"
          "    produces: {image_data: binary}\n"
          "  - component: "
        + folder.toStdString()
        + "/second_component\n"
          "    input: first_component\n"
          "    arguments: {storage_args: a dummy string arg}\n";
    Result<Pipeline> pipeline = PipelineReader::parse(document, "invalid.pipeline.yaml");
    QVERIFY(pipeline.ok());
    const ComponentResolver resolver;
    resolver.assignDefaultIds(pipeline.value());
    const PipelineAnalysis analysis = PipelineValidator::validate(pipeline.value(), resolver);
    QVERIFY(analysis.hasErrors());
    const auto it = std::find_if(
        analysis.diagnostics.begin(), analysis.diagnostics.end(), [](const Diagnostic &d) {
            return d.isError() && d.message.find("'images_data'") != std::string::npos
                && d.stepId == "second_component";
        });
    QVERIFY2(it != analysis.diagnostics.end(),
        "the missing field images_data of second_component is reported");
    QVERIFY(it->message.find("image_data") != std::string::npos);
    countCase();
}

void tst_Conformance::cleanup()
{
    if (QTest::currentTestFailed())
        ++m_mismatches;
}

void tst_Conformance::cleanupTestCase()
{
    if (m_cases + m_mismatches > 0)
        qInfo("conformance: %d reference cases match Fondant 0.12.1's outputs, %d mismatches",
            m_cases, m_mismatches);
}

QTEST_GUILESS_MAIN(tst_Conformance)
#include "tst_Conformance.moc"
