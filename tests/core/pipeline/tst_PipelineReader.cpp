// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/PipelineReader.h"

#include <QTest>

using namespace fondant;

class tst_PipelineReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsFixture();
    void mappingsTypesAndRenames();
    void rejects_data();
    void rejects();
    void missingFile();
    void positionsOffTheCanvasAreIgnored();
};

void tst_PipelineReader::readsFixture()
{
    Result<Pipeline> pipeline = PipelineReader::readFile(
        QStringLiteral(FONDANT_TEST_DATA_DIR "/pipelines/reviews.pipeline.yaml"));
    QVERIFY2(pipeline.ok(), pipeline.errorMessage().c_str());
    QCOMPARE(pipeline->name, std::string("reviews"));
    QCOMPARE(pipeline->steps.size(), std::size_t {3});
    const Step &trim = pipeline->steps[1];
    QCOMPARE(trim.input, std::string("load"));
    QVERIFY(trim.arguments.find("ratio")->isFloat());
    QCOMPARE(trim.inputPartitionRows->toInt(), std::int64_t {500});
    QCOMPARE(trim.marks.find("arguments.ratio"), (SourceMark {15, 33}));
    QCOMPARE(pipeline->positions.at("export"), (Point {520, 0}));
    QVERIFY(pipeline->filePath.ends_with("reviews.pipeline.yaml"));
}

void tst_PipelineReader::mappingsTypesAndRenames()
{
    Result<Pipeline> pipeline
        = PipelineReader::parse("version: 1\nname: n\nsteps:\n  - component: c\n    produces: {a: "
                                "string, b: column_b, c: {rename: int8},"
                                " d: {type: array, items: {type: float32}}}\n    consumes: {}\n",
            "p.yaml");
    QVERIFY2(pipeline.ok(), pipeline.errorMessage().c_str());
    const FieldMapping &produces = *pipeline->steps[0].produces;
    QCOMPARE(produces.size(), std::size_t {4});
    QVERIFY(!produces[0].isRename());
    QCOMPARE(produces[1].rename, std::string("column_b"));
    QCOMPARE(produces[2].rename, std::string("int8"));
    QCOMPARE(produces[3].type->displayName(), std::string("array<float32>"));
    QVERIFY(pipeline->steps[0].consumes.has_value());
    QVERIFY(pipeline->steps[0].consumes->empty());
}

void tst_PipelineReader::rejects_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QString head = QStringLiteral("version: 1\nname: n\nsteps:\n");
    QTest::newRow("unknown top key") << "version: 1\nname: n\nstep: []\n"
                                     << "did you mean 'steps'" << 3 << 1;
    QTest::newRow("unknown step key") << head + "  - component: c\n    argument: {}\n"
                                      << "'arguments'" << 5 << 5;
    QTest::newRow("missing component") << head + "  - id: x\n"
                                       << "no 'component'" << 4 << 5;
    QTest::newRow("bad version") << "version: 2\nname: n\nsteps: []\n"
                                 << "version" << 1 << 10;
    QTest::newRow("cache text") << head + "  - component: c\n    cache: 'no'\n"
                                << "'cache'" << 5 << 12;
    QTest::newRow("bad type") << head + "  - component: c\n    produces: {a: {type: array}}\n"
                              << "items" << 5 << 19;
    QTest::newRow("resource typo")
        << head + "  - component: c\n    resources: {acelerator_name: GPU}\n"
        << "accelerator_name" << 5 << 17;
    QTest::newRow("steps not a list") << "version: 1\nname: n\nsteps: {}\n"
                                      << "list" << 3 << 8;
    QTest::newRow("malformed") << "version: 1\nname: [n\n"
                               << "YAML syntax error" << 3 << 1;
    QTest::newRow("empty") << ""
                           << "empty" << 1 << 1;
    QTest::newRow("name number") << "version: 1\nname: 12\nsteps: []\n"
                                 << "quotes" << 2 << 7;
    // Fondant adds its settings to the dict it is given: steps sharing one would hash alike.
    QTest::newRow("arguments shared through an alias") << head
            + "  - {component: a, arguments: &shared {x: 1}}\n"
              "  - {component: b, input: a, arguments: *shared}\n"
                                                       << "alias of another step's" << 5 << 41;
    QTest::newRow("duplicate key") << head + "  - component: c\n    cache: true\n    cache: false\n"
                                   << "duplicate key 'cache' (first at line 5)" << 6 << 5;
}

void tst_PipelineReader::rejects()
{
    QFETCH(QString, yaml);
    QFETCH(QString, messagePart);
    QFETCH(int, line);
    QFETCH(int, column);
    Result<Pipeline> pipeline = PipelineReader::parse(yaml.toStdString(), "p.yaml");
    QVERIFY(!pipeline.ok());
    const Diagnostic &d = pipeline.diagnostics().front();
    QVERIFY2(d.message.find(messagePart.toStdString()) != std::string::npos, d.message.c_str());
    QCOMPARE(d.file, std::string("p.yaml"));
    QCOMPARE(d.mark, (SourceMark {line, column}));
}

void tst_PipelineReader::missingFile()
{
    Result<Pipeline> pipeline
        = PipelineReader::readFile(QStringLiteral("/nonexistent/x.pipeline.yaml"));
    QVERIFY(!pipeline.ok());
    QVERIFY(pipeline.errorMessage().find("no such file") != std::string::npos);
}

void tst_PipelineReader::positionsOffTheCanvasAreIgnored()
{
    Result<Pipeline> pipeline = PipelineReader::parse(
        "version: 1\nname: n\nsteps:\n  - {id: a, component: c}\n  - {id: b, component: c}\n"
        "  - {id: d, component: c}\n  - {id: e, component: c}\n  - {id: f, component: c}\n"
        "editor: {positions: {a: [.inf, 0], b: [1e308, -1e308], d: [10, 20], e: [0, 100000001],"
        " f: [3500000, -100000000]}}\n",
        "p.yaml");
    QVERIFY(pipeline.ok());
    QVERIFY(!pipeline->positions.contains("a"));
    QVERIFY(!pipeline->positions.contains("b"));
    QVERIFY(!pipeline->positions.contains("e"));
    QCOMPARE(pipeline->positions.at("d"), (Point {10, 20}));
    QCOMPARE(pipeline->positions.at("f"), (Point {3500000, -100000000}));
    QCOMPARE(pipeline.diagnostics().size(), std::size_t {3});
    QCOMPARE(pipeline.diagnostics().front().severity, Severity::Warning);
}

QTEST_GUILESS_MAIN(tst_PipelineReader)
#include "tst_PipelineReader.moc"
