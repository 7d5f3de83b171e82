// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/OperationSpec.h"

#include "core/value/PyJson.h"

#include "TestComponents.h"

#include <QTest>

using namespace fondant;

class tst_OperationSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void infersConsumesFromSpec();
    void genericConsumerTakesWholeDataset();
    void firstStepGenericConsumerInfersNothing();
    void renamesMoveFieldsToTheEnd();
    void renamesOntoUsedNamesApplyInTurn();
    void typedProducesOfGenericComponent();
    void rejects_data();
    void rejects();
    void serialisesInFondantOrder();
    void evolvesFields();
};

static DatasetFields fields(std::initializer_list<std::pair<const char *, const char *>> list)
{
    DatasetFields result;
    for (const auto &[name, type] : list)
        result.set(name, FieldType::fromName(type).value(), "load");
    return result;
}

static FieldMappingEntry typed(const char *name, const char *type)
{
    return FieldMappingEntry {name, FieldType::fromName(type).value(), {}};
}

static FieldMappingEntry renamed(const char *name, const char *column)
{
    return FieldMappingEntry {name, std::nullopt, column};
}

void tst_OperationSpec::infersConsumesFromSpec()
{
    const DatasetFields dataset = fields({{"text", "string"}, {"stars", "int8"}});
    auto operation
        = OperationSpec::build(test::component("trim_text"), std::nullopt, std::nullopt, &dataset);
    QVERIFY(operation.ok());
    QVERIFY(operation->consumesInferred());
    QCOMPARE(PyJson::dumps(operation->consumesMapping(), PyJson::KeyOrder::Insertion),
        std::string(R"({"text": {"type": "string"}})"));
}

void tst_OperationSpec::genericConsumerTakesWholeDataset()
{
    const DatasetFields dataset = fields({{"text", "utf8"}, {"stars", "int8"}});
    auto operation = OperationSpec::build(
        test::component("export_rows"), std::nullopt, std::nullopt, &dataset);
    QVERIFY(operation.ok());
    QCOMPARE(PyJson::dumps(operation->consumesMapping(), PyJson::KeyOrder::Insertion),
        std::string(R"({"text": {"type": "string"}, "stars": {"type": "int8"}})"));
}

void tst_OperationSpec::firstStepGenericConsumerInfersNothing()
{
    auto operation
        = OperationSpec::build(test::component("export_rows"), std::nullopt, std::nullopt, nullptr);
    QVERIFY(operation.ok());
    QCOMPARE(operation->consumesMapping().size(), std::size_t {0});
}

void tst_OperationSpec::renamesMoveFieldsToTheEnd()
{
    const DatasetFields dataset = fields({{"body", "string"}});
    auto operation
        = OperationSpec::build(test::component("trim_text"), FieldMapping {renamed("text", "body")},
            FieldMapping {renamed("text", "short_text")}, &dataset);
    QVERIFY2(operation.ok(), operation.errorMessage().c_str());
    QCOMPARE(operation->datasetConsumes().front().name, std::string("body"));
    QCOMPARE(operation->datasetProduces().size(), std::size_t {2});
    QCOMPARE(operation->datasetProduces()[0].name, std::string("length"));
    QCOMPARE(operation->datasetProduces()[1].name, std::string("short_text"));
}

// Fondant 0.12.1's OperationSpec.produces_to_dataset for trim_text (produces text: string,
// length: int32) with the mapping {text: length, length: text}: {'text': string}.
void tst_OperationSpec::renamesOntoUsedNamesApplyInTurn()
{
    const DatasetFields dataset = fields({{"text", "string"}});
    auto operation = OperationSpec::build(test::component("trim_text"), std::nullopt,
        FieldMapping {renamed("text", "length"), renamed("length", "text")}, &dataset);
    QVERIFY2(operation.ok(), operation.errorMessage().c_str());
    QCOMPARE(operation->datasetProduces().size(), std::size_t {1});
    QCOMPARE(operation->datasetProduces()[0].name, std::string("text"));
    QCOMPARE(operation->datasetProduces()[0].type.displayName(), std::string("string"));
}

void tst_OperationSpec::typedProducesOfGenericComponent()
{
    auto operation = OperationSpec::build(test::component("load_table"), std::nullopt,
        FieldMapping {typed("text", "string"), typed("n", "int64")}, nullptr);
    QVERIFY(operation.ok());
    QCOMPARE(operation->datasetProduces().size(), std::size_t {2});
    QVERIFY(operation->toJson().ends_with(
        R"("consumes": {}, "produces": {"text": {"type": "string"}, "n": {"type": "int64"}}})"));
}

void tst_OperationSpec::rejects_data()
{
    QTest::addColumn<QString>("component");
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("path");
    QTest::newRow("column missing in dataset") << "trim_text" << 0 << "consumes.text";
    QTest::newRow("rename of unconsumed field") << "trim_text" << 1 << "consumes.other";
    QTest::newRow("typed produces conflicts with spec") << "trim_text" << 2 << "produces.length";
    QTest::newRow("produces rename of unknown field") << "trim_text" << 3 << "produces.nope";
}

void tst_OperationSpec::rejects()
{
    QFETCH(QString, component);
    QFETCH(int, which);
    QFETCH(QString, path);
    const DatasetFields dataset = fields({{"text", "string"}});
    std::optional<FieldMapping> consumes;
    std::optional<FieldMapping> produces;
    switch (which) {
    case 0:
        consumes = FieldMapping {renamed("text", "body")};
        break;
    case 1:
        consumes = FieldMapping {renamed("other", "text")};
        break;
    case 2:
        produces = FieldMapping {typed("length", "string")};
        break;
    default:
        produces = FieldMapping {renamed("nope", "x")};
    }
    auto operation = OperationSpec::build(
        test::component(qPrintable(component)), consumes, produces, &dataset);
    QVERIFY(!operation.ok());
    QCOMPARE(QString::fromStdString(operation.diagnostics().front().fieldPath), path);
}

void tst_OperationSpec::serialisesInFondantOrder()
{
    auto operation = OperationSpec::build(
        test::component("embed_text_latest"), std::nullopt, std::nullopt, nullptr);
    QVERIFY(operation.ok());
    QCOMPARE(operation->toJson(),
        std::string(
            R"({"specification": {"name": "Embed text latest", "image": "registry.example.com/embed_text:latest", )"
            R"("description": "Embeds text with an image that is always rebuilt", "consumes": {"text": {"type": "string"}}, )"
            R"("produces": {"embedding": {"type": "array", "items": {"type": "float32"}}}}, )"
            R"("consumes": {"text": {"type": "string"}}, "produces": {}})"));
}

void tst_OperationSpec::evolvesFields()
{
    const DatasetFields dataset = fields({{"text", "string"}, {"stars", "int8"}});
    auto operation
        = OperationSpec::build(test::component("trim_text"), std::nullopt, std::nullopt, &dataset);
    const DatasetFields output = operation->evolve(dataset, "trim");
    QCOMPARE(output.names(), std::string("text, stars, length"));
    QCOMPARE(output.find("stars")->producer, std::string("load"));
    QCOMPARE(output.find("length")->producer, std::string("trim"));
}

QTEST_GUILESS_MAIN(tst_OperationSpec)
#include "tst_OperationSpec.moc"
