// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/manifest/Manifest.h"

#include "core/graph/OperationSpec.h"
#include "core/value/JsonReader.h"

#include "TestComponents.h"

#include <QTest>

using namespace fondant;

class tst_Manifest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsFixture();
    void rejects_data();
    void rejects();
    void evolveMovesIndexAndProducedFields();
    void previousIndexDropsFields();
    void createdManifestIsFondantsLayout();
};

void tst_Manifest::readsFixture()
{
    Result<Manifest> manifest
        = Manifest::fromFile(QStringLiteral(FONDANT_TEST_DATA_DIR "/manifests/reviews-load.json"));
    QVERIFY2(manifest.ok(), manifest.errorMessage().c_str());
    QCOMPARE(manifest->runId().value(), std::string("reviews-20240101000000"));
    QCOMPARE(fieldNames(manifest->fields()), std::string("text, stars"));
    QCOMPARE(manifest->fieldLocation("stars").value(),
        std::string("/wd/reviews/reviews-20240101000000/load"));
}

void tst_Manifest::rejects_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("old metadata")
        << R"({"metadata": {"base_path": "x", "run_id": "r"}, "fields": {}})"
        << "'dataset_name' is a required property";
    QTest::newRow("no fields") << R"({"metadata": {"dataset_name": "d", "run_id": "r"}})"
                               << "'fields'";
    QTest::newRow("field without type")
        << R"({"metadata": {"dataset_name": "d", "run_id": "r"}, "fields": {"a": {}}})"
        << "'type'";
    QTest::newRow("location without slash")
        << R"({"metadata": {"dataset_name": "d", "run_id": "r"}, "fields": {"a": {"type": "int8", "location": "x"}}})"
        << "'/'";
}

void tst_Manifest::rejects()
{
    QFETCH(QString, json);
    QFETCH(QString, messagePart);
    Result<Value> value = JsonReader::parse(json.toStdString(), "m.json");
    QVERIFY(value.ok());
    Result<Manifest> manifest = Manifest::fromValue(value.value(), "m.json");
    QVERIFY(!manifest.ok());
    QVERIFY2(manifest.errorMessage().find(messagePart.toStdString()) != std::string::npos,
        manifest.errorMessage().c_str());
    QCOMPARE(manifest.diagnostics().front().file, std::string("m.json"));
}

void tst_Manifest::evolveMovesIndexAndProducedFields()
{
    Result<Manifest> input
        = Manifest::fromFile(QStringLiteral(FONDANT_TEST_DATA_DIR "/manifests/reviews-load.json"));
    const DatasetFields fields = DatasetFields::of(input->fields(), "load");
    auto operation
        = OperationSpec::build(test::component("trim_text"), std::nullopt, std::nullopt, &fields);
    QVERIFY(operation.ok());
    const Manifest output = input->evolve(operation.value(), "reviews-2", "/wd");
    const std::string here = "/wd/reviews/reviews-2/trim_text";
    QCOMPARE(output.runId().value(), std::string("reviews-2"));
    QCOMPARE(output.componentId().value(), std::string("trim_text"));
    QCOMPARE(output.cacheKey().value(), std::string("0c8cbbca8558c4ed13786ca5471eac23"));
    QCOMPARE(output.indexLocation().value(), here);
    QCOMPARE(output.fieldLocation("text").value(), here);
    QCOMPARE(output.fieldLocation("stars").value(),
        std::string("/wd/reviews/reviews-20240101000000/load"));
    QCOMPARE(fieldNames(output.fields()), std::string("text, stars, length"));
}

void tst_Manifest::previousIndexDropsFields()
{
    Result<Value> root = JsonReader::parse(
        R"({"name": "Chunk", "description": "d", "image": "i:1", "previous_index": "doc", "produces": {"chunk": {"type": "string"}}})",
        "s");
    Result<ComponentSpec> spec = ComponentSpec::fromValue(root.value(), "s");
    QVERIFY(spec.ok());
    Result<Manifest> input
        = Manifest::fromFile(QStringLiteral(FONDANT_TEST_DATA_DIR "/manifests/reviews-load.json"));
    auto operation = OperationSpec::build(
        std::make_shared<const ComponentSpec>(spec.value()), std::nullopt, std::nullopt, nullptr);
    const Manifest output = input->evolve(operation.value(), "r", std::nullopt);
    QCOMPARE(fieldNames(output.fields()), std::string("chunk"));
    QVERIFY(!output.fieldLocation("chunk"));
}

void tst_Manifest::createdManifestIsFondantsLayout()
{
    Manifest manifest = Manifest::create("reviews", "reviews-1", "load", "abc");
    manifest.setManifestLocation("/wd/m.json");
    QCOMPARE(manifest.toJson(),
        std::string(
            R"({"metadata": {"dataset_name": "reviews", "run_id": "reviews-1", )"
            R"("component_id": "load", "cache_key": "abc", "manifest_location": "/wd/m.json"}, )"
            R"("index": {}, "fields": {}})"));
}

QTEST_GUILESS_MAIN(tst_Manifest)
#include "tst_Manifest.moc"
