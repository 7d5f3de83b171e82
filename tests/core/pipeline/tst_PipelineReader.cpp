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
    void commentsBelongToTheElementsTheyDescribe();
    void commentsAboveTheFirstKeyOrAnIdOpenTheFileOrStep();
    void hashInsideQuotesOrWordsIsText();
    void commentsInsideNestedValuesAreDropped();
};

static ElementComments commentsOf(const Comments &comments, const char *path)
{
    const ElementComments *found = comments.find(path);
    return found ? *found : ElementComments {};
}

static ElementComments lines(const char *above, std::optional<std::string> after = std::nullopt)
{
    return ElementComments {above, std::move(after)};
}

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

void tst_PipelineReader::commentsBelongToTheElementsTheyDescribe()
{
    Result<Pipeline> pipeline = PipelineReader::readFile(
        QStringLiteral(FONDANT_TEST_DATA_DIR "/pipelines/commented.pipeline.yaml"));
    QVERIFY2(pipeline.ok(), pipeline.errorMessage().c_str());
    const Comments &top = pipeline->comments;
    QCOMPARE(commentsOf(top, "version"),
        lines(
            " Reviews, cleaned for search.\n Owner: data team\n", " the format, not the pipeline"));
    QCOMPARE(commentsOf(top, "name"), lines(" the Fondant dataset name\n", " lowercase only"));
    QCOMPARE(commentsOf(top, "description"), lines(""));
    QCOMPARE(
        commentsOf(top, "working_directory"), lines(" relative to this file\n", " wiped weekly"));
    QCOMPARE(commentsOf(top, "component_dirs"), lines("", " searched in order"));
    QCOMPARE(commentsOf(top, "steps"), lines(" in call order\n", " three calls"));
    QCOMPARE(commentsOf(top, "editor"), lines(" view state only\n", " the designer's"));
    QCOMPARE(pipeline->endComments,
        std::string(" the end of the file\n\n   (an empty comment line above)\n"));

    const Comments &load = pipeline->steps[0].comments;
    QCOMPARE(commentsOf(load, ""), lines(" loads the reviews\n"));
    QCOMPARE(commentsOf(load, "id"), lines("", " short, for the paths"));
    QCOMPARE(commentsOf(load, "arguments.uri"), lines(" a parquet file\n", " the full export"));
    QCOMPARE(commentsOf(load, "arguments.rows"), lines(""));
    QCOMPARE(commentsOf(load, "produces.text"), lines(" the review itself\n", " UTF-8"));

    const Comments &trim = pipeline->steps[1].comments;
    QCOMPARE(commentsOf(trim, ""), lines(" drops short reviews\n"));
    QCOMPARE(commentsOf(trim, "component"), lines(" from the fixture library\n", " see its spec"));
    QCOMPARE(commentsOf(trim, "input"), lines("", " the raw reviews"));
    QCOMPARE(commentsOf(trim, "arguments.min_width"), lines("", " pixels"));
    QCOMPARE(commentsOf(trim, "arguments.words"),
        lines(" a list, written in block style\n", " kept words"));
    QCOMPARE(commentsOf(trim, "consumes.text"), lines("", " renamed nowhere"));
    QCOMPARE(commentsOf(trim, "input_partition_rows"), lines(" big partitions\n", " rows each"));
    QCOMPARE(commentsOf(trim, "cache"), lines("", " it reads a live table"));
    QCOMPARE(commentsOf(trim, "resources"), lines("", " on the GPU pool"));
    QCOMPARE(commentsOf(trim, "resources.accelerator_number"), lines(" one card\n"));
    QCOMPARE(commentsOf(trim, "resources.accelerator_name"), lines("", " any model"));
    QCOMPARE(commentsOf(trim, "resources.cpu_request"),
        lines(" as a text, as Fondant wants\n", " cores"));

    const Step &exportStep = pipeline->steps[2];
    QCOMPARE(
        commentsOf(exportStep.comments, "arguments.path"), lines("", " a '#' in quotes is text"));
    QCOMPARE(exportStep.arguments.find("path")->toString(), std::string("/data/out #2"));
    QCOMPARE(exportStep.arguments.find("format")->toString(), std::string("csv#not-a-comment"));
    QCOMPARE(commentsOf(exportStep.comments, "arguments.format"), lines(""));
}

// The writer puts 'version' first and a step's id on its dash line, so what is above the file's
// first key or a step's id opens the file or the step.
void tst_PipelineReader::commentsAboveTheFirstKeyOrAnIdOpenTheFileOrStep()
{
    Result<Pipeline> pipeline = PipelineReader::parse("# opens the file\n"
                                                      "name: n  # after name\n"
                                                      "# above version\n"
                                                      "version: 1\n"
                                                      "steps:\n"
                                                      "  # above the step\n"
                                                      "  - component: c  # after component\n"
                                                      "    # above id\n"
                                                      "    id: a  # after id\n"
                                                      "  - {id: b, component: c}  # after b\n",
        "p.yaml");
    QVERIFY2(pipeline.ok(), pipeline.errorMessage().c_str());
    QCOMPARE(commentsOf(pipeline->comments, "version"), lines(" opens the file\n above version\n"));
    QCOMPARE(commentsOf(pipeline->comments, "name"), lines("", " after name"));
    const Comments &a = pipeline->steps[0].comments;
    QCOMPARE(commentsOf(a, ""), lines(" above the step\n above id\n"));
    QCOMPARE(commentsOf(a, "id"), lines("", " after id"));
    QCOMPARE(commentsOf(a, "component"), lines("", " after component"));
    QCOMPARE(commentsOf(pipeline->steps[1].comments, ""), lines(" after b\n"));
}

void tst_PipelineReader::hashInsideQuotesOrWordsIsText()
{
    Result<Pipeline> pipeline
        = PipelineReader::parse("version: 1\nname: n\nsteps:\n  - component: c\n"
                                "    arguments:\n      a: \"a#b\"\n      b: 'x # y'\n"
                                "      c: value#notacomment\n      d: \"p # q\"#tight\n",
            "p.yaml");
    QVERIFY2(pipeline.ok(), pipeline.errorMessage().c_str());
    const Step &step = pipeline->steps[0];
    QCOMPARE(step.arguments.find("a")->toString(), std::string("a#b"));
    QCOMPARE(step.arguments.find("b")->toString(), std::string("x # y"));
    QCOMPARE(step.arguments.find("c")->toString(), std::string("value#notacomment"));
    QCOMPARE(step.arguments.find("d")->toString(), std::string("p # q"));
    // libyaml reads a '#' right after a closing quote as a comment, so the reader does too.
    QCOMPARE(commentsOf(step.comments, "arguments.d"), lines("", "tight"));
    for (const char *path : {"arguments.a", "arguments.b", "arguments.c", ""})
        QCOMPARE(commentsOf(step.comments, path), lines(""));
}

// Comments inside values the writer does not write line by line are read without a complaint
// and dropped.
void tst_PipelineReader::commentsInsideNestedValuesAreDropped()
{
    Result<Pipeline> pipeline
        = PipelineReader::parse("version: 1\nname: n\nsteps:\n"
                                "  - id: a\n"
                                "    component: c\n"
                                "    arguments:\n"
                                "      nested:\n"
                                "        # inside\n"
                                "        k: 1  # inside too\n"
                                "      rows:\n"
                                "        - {k: v}  # in a list\n"
                                "    produces: {t: {type: array,  # in a type\n"
                                "      items: {type: int8}}}\n"
                                "component_dirs:\n"
                                "  # above a folder\n"
                                "  - ./x  # after a folder\n"
                                "editor:\n"
                                "  # inside the editor\n"
                                "  positions:  # its positions\n"
                                "    a: [0, 0]  # a place\n",
            "p.yaml");
    QVERIFY2(pipeline.ok(), pipeline.errorMessage().c_str());
    const Comments &step = pipeline->steps[0].comments;
    for (const char *path :
        {"", "arguments", "arguments.nested", "arguments.rows", "produces", "produces.t"})
        QCOMPARE(commentsOf(step, path), lines(""));
    for (const char *path : {"component_dirs", "editor"})
        QCOMPARE(commentsOf(pipeline->comments, path), lines(""));
    QCOMPARE(pipeline->endComments, std::string());
    QVERIFY(pipeline->steps[0].arguments.find("nested")->find("k")->isInt());
}

QTEST_GUILESS_MAIN(tst_PipelineReader)
#include "tst_PipelineReader.moc"
