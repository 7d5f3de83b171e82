// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/cache/PipelineKeys.h"
#include "core/history/RunRecord.h"
#include "core/session/PipelineSession.h"

#include "core/pipeline/PipelineReader.h"
#include "core/pipeline/PipelineWriter.h"
#include "core/spec/ComponentResolver.h"
#include "core/validate/PipelineValidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace fondant;

class tst_PipelineKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixtureKeys();
    void whatChangesAKey_data();
    void whatChangesAKey();
    void branchesChainInGraphOrder();
    void unresolvedComponentStopsTheChain();
    void argumentProblemsDoNotStopTheChain();
    void matchesFondantOnFidelityFixtures_data();
    void matchesFondantOnFidelityFixtures();
    void savedFixturesKeepTheirKeys_data();
    void savedFixturesKeepTheirKeys();
    void aSecondUseOfAComponentIsKeyedUnderItsOwnName();
};

namespace {

const char *fidelityDir = FONDANT_TEST_DATA_DIR "/fidelity";

struct ComputedKeys
{
    Pipeline pipeline;
    PipelineKeys keys;
};

ComputedKeys computeKeys(Pipeline pipeline)
{
    const ComponentResolver resolver = ComponentResolver::forPipeline(pipeline, {}, {});
    resolver.assignDefaultIds(pipeline);
    const PipelineAnalysis analysis = PipelineValidator::validate(pipeline, resolver);
    PipelineKeys keys = PipelineKeys::compute(pipeline, analysis);
    return {std::move(pipeline), std::move(keys)};
}

void addFidelityRows()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"escapes", "numbers", "renames", "settings", "spec_types"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

} // namespace

using Edit = std::function<void(Pipeline &)>;
Q_DECLARE_METATYPE(Edit)

static Pipeline fixturePipeline()
{
    Result<Pipeline> pipeline = PipelineReader::readFile(
        QStringLiteral(FONDANT_TEST_DATA_DIR "/pipelines/reviews.pipeline.yaml"));
    return pipeline.value();
}

static std::vector<std::string> keysOf(Pipeline pipeline)
{
    const ComponentResolver resolver = ComponentResolver::forPipeline(pipeline, {}, {});
    resolver.assignDefaultIds(pipeline);
    const PipelineAnalysis analysis = PipelineValidator::validate(pipeline, resolver);
    const PipelineKeys keys = PipelineKeys::compute(pipeline, analysis);
    std::vector<std::string> result;
    for (const auto &key : keys.keys)
        result.push_back(key ? key->key : std::string("-"));
    return result;
}

// Expected keys computed independently with Python's json and hashlib (Fondant's recipe).
void tst_PipelineKeys::fixtureKeys()
{
    QCOMPARE(keysOf(fixturePipeline()),
        (std::vector<std::string> {"0c8cbbca8558c4ed13786ca5471eac23",
            "255ab9edb57e309110d81a0d403f975a", "8425a8fbacfa3df582dc2ef06758dcfd"}));
}

void tst_PipelineKeys::whatChangesAKey_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<int>("firstChanged"); // -1: no key changes
    const auto trim = [](Pipeline &p) -> Step & { return p.steps[1]; };
    QTest::newRow("argument value")
        << Edit([=](Pipeline &p) { trim(p).arguments.set("max_length", 81); }) << 1;
    QTest::newRow("argument order") << Edit([=](Pipeline &p) {
        Value reordered = Value::object();
        auto members = trim(p).arguments.members();
        for (auto it = members.rbegin(); it != members.rend(); ++it)
            reordered.set(it->key, it->value);
        trim(p).arguments = reordered;
    }) << -1;
    QTest::newRow("default spelled out")
        << Edit([=](Pipeline &p) { trim(p).arguments.set("lowercase", false); }) << 1;
    QTest::newRow("partition rows")
        << Edit([=](Pipeline &p) { trim(p).inputPartitionRows = Value(501); }) << 1;
    QTest::newRow("cache off") << Edit([=](Pipeline &p) { trim(p).cache = false; }) << 1;
    QTest::newRow("node pool label") << Edit([=](Pipeline &p) {
        trim(p).resources.nodePoolLabel = "a";
        trim(p).resources.nodePoolName = "pool";
    }) << 1;
    QTest::newRow("only the label differs") << Edit([=](Pipeline &p) {
        p.steps[0].resources.nodePoolLabel = "other";
        p.steps[0].resources.nodePoolName = "pool";
    }) << 0;
    QTest::newRow("cpu and memory") << Edit([=](Pipeline &p) {
        trim(p).resources.cpuRequest = "2";
        trim(p).resources.memoryLimit = "8G";
    }) << -1;
    QTest::newRow("accelerator") << Edit([=](Pipeline &p) {
        trim(p).resources.acceleratorNumber = 1;
        trim(p).resources.acceleratorName = "GPU";
    }) << 1;
    QTest::newRow("consumes typed like inferred") << Edit([=](Pipeline &p) {
        trim(p).consumes
            = FieldMapping {FieldMappingEntry {"text", FieldType::fromName("string").value(), {}}};
    }) << -1;
    QTest::newRow("upstream produces") << Edit([=](Pipeline &p) {
        p.steps[0].produces->push_back(
            FieldMappingEntry {"extra", FieldType::fromName("int8").value(), {}});
    }) << 0;
    QTest::newRow("dataset name") << Edit([=](Pipeline &p) { p.name = "other"; }) << -1;
    QTest::newRow("description and folder") << Edit([=](Pipeline &p) {
        p.description = "changed";
        p.workingDirectory = "/elsewhere";
    }) << -1;
    QTest::newRow("step id") << Edit([=](Pipeline &p) { p.steps[2].id = "export_renamed"; }) << -1;
}

void tst_PipelineKeys::whatChangesAKey()
{
    QFETCH(Edit, edit);
    QFETCH(int, firstChanged);
    const std::vector<std::string> before = keysOf(fixturePipeline());
    Pipeline changed = fixturePipeline();
    edit(changed);
    const std::vector<std::string> after = keysOf(changed);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(after[static_cast<std::size_t>(i)] != "-");
        const bool differs
            = before[static_cast<std::size_t>(i)] != after[static_cast<std::size_t>(i)];
        // A change invalidates its own step and, through chaining, every later one.
        QCOMPARE(differs, firstChanged >= 0 && i >= firstChanged);
    }
}

void tst_PipelineKeys::branchesChainInGraphOrder()
{
    Pipeline pipeline = fixturePipeline();
    pipeline.steps[2].input = "load"; // export now branches off load, next to trim
    const std::vector<std::string> keys = keysOf(pipeline);
    const ComponentResolver resolver = ComponentResolver::forPipeline(pipeline, {}, {});
    const PipelineAnalysis analysis = PipelineValidator::validate(pipeline, resolver);
    const PipelineKeys computed = PipelineKeys::compute(pipeline, analysis);
    QCOMPARE(*computed.keys[2]->inputs.previousKey, keys[1]); // chained on trim, not on its parent
    QCOMPARE(computed.keys[2]->inputs.operationSpec.find("consumes")->size(), std::size_t {2});
}

void tst_PipelineKeys::unresolvedComponentStopsTheChain()
{
    Pipeline pipeline = fixturePipeline();
    pipeline.steps[1].component = "no_such_component";
    const std::vector<std::string> keys = keysOf(pipeline);
    QVERIFY(keys[0] != "-");
    QCOMPARE(keys[1], std::string("-"));
    QCOMPARE(keys[2], std::string("-"));
}

void tst_PipelineKeys::argumentProblemsDoNotStopTheChain()
{
    // Fondant hashes every argument it is given, known to the component or not.
    Pipeline pipeline = fixturePipeline();
    pipeline.steps[1].arguments.set("max_lenght", 3);
    const std::vector<std::string> keys = keysOf(pipeline);
    QVERIFY(keys[1] != "-");
    QVERIFY(keys[2] != "-");
}

void tst_PipelineKeys::matchesFondantOnFidelityFixtures_data()
{
    addFidelityRows();
}

// Each fixture stresses one way YAML, Python or Fondant reads values; the expected keys and
// every hashed text are Fondant 0.12.1's own (its code run on the same document and specs).
void tst_PipelineKeys::matchesFondantOnFidelityFixtures()
{
    QFETCH(QString, name);
    Result<Pipeline> read = PipelineReader::readFile(
        QString::fromLatin1(fidelityDir) + "/pipelines/" + name + ".pipeline.yaml");
    QVERIFY2(read.ok(), read.errorMessage().c_str());
    const ComputedKeys computed = computeKeys(std::move(read).value());
    QFile expectedFile(QString::fromLatin1(fidelityDir) + "/expected/" + name + ".keys.json");
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const QJsonArray expected
        = QJsonDocument::fromJson(expectedFile.readAll()).object().value("steps").toArray();
    QCOMPARE(static_cast<std::size_t>(expected.size()), computed.keys.keys.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QJsonObject step = expected.at(i).toObject();
        const auto &key = computed.keys.keys[static_cast<std::size_t>(i)];
        QVERIFY2(key.has_value(), qPrintable(step.value("id").toString()));
        const QJsonObject pre = step.value("preimages").toObject();
        QCOMPARE(QString::fromStdString(key->argumentsText), pre.value("arguments").toString());
        QCOMPARE(
            QString::fromStdString(key->operationSpecText), pre.value("operation_spec").toString());
        QCOMPARE(QString::fromStdString(key->imageText), pre.value("image").toString());
        QCOMPARE(QString::fromStdString(key->finalText), pre.value("final").toString());
        QCOMPARE(QString::fromStdString(key->key), step.value("cache_key").toString());
    }
}

void tst_PipelineKeys::savedFixturesKeepTheirKeys_data()
{
    addFidelityRows();
}

// Saving writes the canonical form; reading it back gives the same document and keys.
void tst_PipelineKeys::savedFixturesKeepTheirKeys()
{
    QFETCH(QString, name);
    const QString path = QString::fromLatin1(fidelityDir) + "/pipelines/" + name + ".pipeline.yaml";
    Result<Pipeline> read = PipelineReader::readFile(path);
    QVERIFY(read.ok());
    const ComputedKeys original = computeKeys(read.value());
    const std::string saved = PipelineWriter::toYaml(original.pipeline);
    Result<Pipeline> reread = PipelineReader::parse(saved, path.toStdString());
    QVERIFY2(reread.ok(), (reread.errorMessage() + "\n" + saved).c_str());
    reread->filePath = read->filePath;
    const ComputedKeys again = computeKeys(std::move(reread).value());
    QCOMPARE(PipelineWriter::toYaml(again.pipeline), saved);
    for (std::size_t i = 0; i < original.keys.keys.size(); ++i)
        QCOMPARE(again.keys.keys[i]->key, original.keys.keys[i]->key);
}

void tst_PipelineKeys::aSecondUseOfAComponentIsKeyedUnderItsOwnName()
{
    // The bundled example writes with write_parquet twice. Its working directory was written by
    // Fondant's own code running the exported pipeline, in which the second use is the component
    // "Write parquet write_languages"; the last run's record keeps Fondant's keys. That run's
    // version of the example: min_characters 30, and no caching for detect_language.
    const QString examples = QStringLiteral(FONDANT_TEST_DATA_DIR "/../../resources/examples");
    QFile file(examples + QStringLiteral("/reviews.pipeline.yaml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    text.replace("min_characters: 40", "min_characters: 30");
    text.replace(
        "    component: detect_language\n", "    component: detect_language\n    cache: false\n");
    Result<PipelineSession> session = PipelineSession::fromText(text.toStdString(), file.fileName(),
        {QStringLiteral(FONDANT_TEST_DATA_DIR "/../../resources/components")});
    QVERIFY(session.ok());
    const Result<RunRecord> record = RunRecord::read(
        examples + QStringLiteral("/fondant-wd/.fondant-studio/runs/reviews-20261126090000.json"));
    QVERIFY(record.ok());
    const Pipeline &pipeline = session.value().pipeline();
    QCOMPARE(pipeline.steps.size(), record.value().steps.size());
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        const CacheKey *key = session.value().key(static_cast<int>(i));
        QVERIFY(key);
        QCOMPARE(key->key, record.value().steps[i].cacheKey.value_or(""));
    }
    QVERIFY(session.value().key(6)->operationSpecText.find(
                "\"name\": \"Write parquet write_languages\"")
        != std::string::npos);
}

QTEST_GUILESS_MAIN(tst_PipelineKeys)
#include "tst_PipelineKeys.moc"
