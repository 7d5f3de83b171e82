// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/PipelineWriter.h"

#include "core/pipeline/PipelineReader.h"
#include "core/value/PyJson.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace fondant;

class tst_PipelineWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void repeatedIdsKeepOnePosition();
    void saveLoadSaveIsByteIdentical();
    void keepsEverythingThatMatters();
    void canonicalLayout();
    void timestampsKeepTheirTimeZone();
    void atomicSaveKeepsOldFileOnFailure();
    void commentedDocumentIsWrittenAsItWasRead();
    void bundledExampleIsCanonical();
    void commentsTakeTheCanonicalLayout();
    void flowMappingWithACommentIsWrittenInBlockStyle();
    void keysHoldingDefaultsAreWrittenForTheirComments();
    void editsKeepTheOtherComments_data();
    void editsKeepTheOtherComments();
    void commentsReadBackAsWritten_data();
    void commentsReadBackAsWritten();
    void commentTextStaysOnItsLine();
};

namespace {

std::string fileText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

std::string formatted(const std::string &text)
{
    Result<Pipeline> pipeline = PipelineReader::parse(text, "p.pipeline.yaml");
    if (!pipeline.ok())
        return "not read: " + pipeline.errorMessage();
    return PipelineWriter::toYaml(pipeline.value());
}

} // namespace

static const char *richDocument = R"(name: rich
version: 1
description: "Tricky: text"
working_directory: ./wd
steps:
  - component: load_table
    id: load
    arguments: {uri: 'yes', rows: 10, nested: {b: [1, 2.5, null, true], a: "multi\nline"}, empty: {}}
    produces: {text: utf8, n: {rename: string}, e: {type: array, items: {type: float32}}}
    input_partition_rows: 100
    cache: false
    resources: {accelerator_number: 1, accelerator_name: GPU, node_pool_label: pool, node_pool_name: gpu, memory_limit: 8G}
  - component: ./local/trim
    input: load
    consumes: {text: text}
editor:
  positions: {load: [0.5, -10], trim: [200, 0]}
)";

void tst_PipelineWriter::saveLoadSaveIsByteIdentical()
{
    Result<Pipeline> first = PipelineReader::parse(richDocument, "rich.pipeline.yaml");
    QVERIFY2(first.ok(), first.errorMessage().c_str());
    first->steps[1].id = "trim";
    const std::string saved = PipelineWriter::toYaml(first.value());
    Result<Pipeline> second = PipelineReader::parse(saved, "rich.pipeline.yaml");
    QVERIFY2(second.ok(), saved.c_str());
    QCOMPARE(PipelineWriter::toYaml(second.value()), saved);
}

void tst_PipelineWriter::keepsEverythingThatMatters()
{
    Result<Pipeline> first = PipelineReader::parse(richDocument, "rich.pipeline.yaml");
    QVERIFY(first.ok());
    first->steps[1].id = "trim";
    Result<Pipeline> back = PipelineReader::parse(PipelineWriter::toYaml(first.value()), "x");
    QVERIFY(back.ok());
    const Step &a = first->steps[0];
    const Step &b = back->steps[0];
    QCOMPARE(PyJson::dumps(b.arguments, PyJson::KeyOrder::Insertion),
        PyJson::dumps(a.arguments, PyJson::KeyOrder::Insertion));
    QVERIFY(b.arguments.find("uri")->isString());
    QCOMPARE(b.produces->size(), a.produces->size());
    QCOMPARE(b.produces->at(1).rename, std::string("string"));
    QCOMPARE(b.cache, false);
    QVERIFY(b.resources == a.resources);
    QCOMPARE(back->description, std::string("Tricky: text"));
    QCOMPARE(back->positions.at("load"), (Point {0.5, -10}));
}

void tst_PipelineWriter::canonicalLayout()
{
    Pipeline pipeline;
    pipeline.name = "reviews";
    Step step;
    step.id = "load";
    step.component = "load_table";
    step.arguments.set("uri", "/data/in");
    pipeline.steps.push_back(step);
    pipeline.positions["load"] = Point {10, 20};
    QCOMPARE(PipelineWriter::toYaml(pipeline),
        std::string("version: 1\nname: reviews\nsteps:\n  - id: load\n"
                    "    component: load_table\n    arguments:\n"
                    "      uri: /data/in\neditor:\n  positions:\n"
                    "    load: [10, 20]\n"));
}

// A timestamp without time zone and a UTC one normalise alike; written, each reads back as itself.
void tst_PipelineWriter::timestampsKeepTheirTimeZone()
{
    Result<Pipeline> first = PipelineReader::parse("version: 1\nname: t\nsteps:\n  - id: a\n"
                                                   "    component: x\n    produces:\n"
                                                   "      naive: timestamp\n"
                                                   "      utc: {type: string, format: date-time}\n"
                                                   "      list: {type: array, items: timestamp}\n",
        "t.pipeline.yaml");
    QVERIFY(first.ok());
    const std::string saved = PipelineWriter::toYaml(first.value());
    QVERIFY(saved.find("      naive: timestamp\n") != std::string::npos);
    QVERIFY(saved.find("      list: {type: array, items: timestamp}\n") != std::string::npos);
    Result<Pipeline> back = PipelineReader::parse(saved, "t.pipeline.yaml");
    QVERIFY(back.ok());
    const FieldMapping &produces = *back->steps[0].produces;
    QVERIFY(produces[0].type->hasNaiveTimestamp());
    QVERIFY(!produces[1].type->hasNaiveTimestamp());
    QVERIFY(produces[2].type->hasNaiveTimestamp());
    QVERIFY(produces == *first->steps[0].produces);
}

void tst_PipelineWriter::atomicSaveKeepsOldFileOnFailure()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.pipeline.yaml"));
    Pipeline pipeline;
    pipeline.name = "one";
    QVERIFY(!PipelineWriter::save(pipeline, path).has_value());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("name: one"));
    file.close();
    // A folder that cannot be written: the error names the file.
    const auto error = PipelineWriter::save(pipeline, QStringLiteral("/proc/no/such/dir/p.yaml"));
    QVERIFY(error.has_value());
    QVERIFY(error->file.find("p.yaml") != std::string::npos);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
}

// Found by fuzzing: two steps with one id (an error the validator reports) and a position.
void tst_PipelineWriter::repeatedIdsKeepOnePosition()
{
    Result<Pipeline> pipeline = PipelineReader::parse(
        "version: 1\nname: mt\nsteps:\n  - id: a\n    component: f\n  - id: a\n    component: s\n"
        "editor:\n  positions:\n    a: [0, 0]\n",
        "p.yaml");
    QVERIFY(pipeline.ok());
    const std::string saved = PipelineWriter::toYaml(pipeline.value());
    Result<Pipeline> again = PipelineReader::parse(saved, "p.yaml");
    QVERIFY2(again.ok(), (again.errorMessage() + "\n" + saved).c_str());
    QCOMPARE(PipelineWriter::toYaml(again.value()), saved);
}

void tst_PipelineWriter::commentedDocumentIsWrittenAsItWasRead()
{
    const std::string text
        = fileText(QStringLiteral(FONDANT_TEST_DATA_DIR "/pipelines/commented.pipeline.yaml"));
    QVERIFY(text.find("# loads the reviews") != std::string::npos);
    QCOMPARE(formatted(text), text);
}

void tst_PipelineWriter::bundledExampleIsCanonical()
{
    const std::string text = fileText(QStringLiteral(FONDANT_EXAMPLE_DIR "/reviews.pipeline.yaml"));
    QVERIFY(!text.empty());
    QCOMPARE(formatted(text), text);
}

void tst_PipelineWriter::commentsTakeTheCanonicalLayout()
{
    const std::string text = "# Copyright the team\n"
                             "\n"
                             "# Reviews\n"
                             "name: reviews   # lowercase\n"
                             "version: 1 # format\n"
                             "steps:\n"
                             "    - component: trim   # trims\n"
                             "      # the id\n"
                             "      id: trim\n"
                             "      arguments:\n"
                             "                # far indented\n"
                             "        min_width: 256 # pixels\n"
                             "      cache: false\n"
                             "\n"
                             "      # before the input, after cache\n"
                             "      input: load\n"
                             "    # ends the steps\n"
                             "editor:\n"
                             "    positions: {trim: [0, 0]}  # dropped\n"
                             "\n"
                             "# the end\n";
    QCOMPARE(formatted(text),
        std::string("# Copyright the team\n"
                    "# Reviews\n"
                    "version: 1  # format\n"
                    "name: reviews  # lowercase\n"
                    "steps:\n"
                    "  # the id\n"
                    "  - id: trim\n"
                    "    component: trim  # trims\n"
                    "    # before the input, after cache\n"
                    "    input: load\n"
                    "    arguments:\n"
                    "      # far indented\n"
                    "      min_width: 256  # pixels\n"
                    "    cache: false\n"
                    "# ends the steps\n"
                    "editor:\n"
                    "  positions:\n"
                    "    trim: [0, 0]\n"
                    "# the end\n"));
}

void tst_PipelineWriter::flowMappingWithACommentIsWrittenInBlockStyle()
{
    const std::string text = "version: 1\n"
                             "name: n\n"
                             "steps:\n"
                             "  - id: a\n"
                             "    component: c\n"
                             "    arguments: {x: 1,  # the x\n"
                             "      y: [1, 2]}  # all of them\n"
                             "    produces: {text: string,\n"
                             "      # the stars\n"
                             "      stars: int8}\n"
                             "    resources: {cpu_request: \"2\",  # two cores\n"
                             "      memory_limit: 8G}\n";
    QCOMPARE(formatted(text),
        std::string("version: 1\n"
                    "name: n\n"
                    "steps:\n"
                    "  - id: a\n"
                    "    component: c\n"
                    "    arguments:  # all of them\n"
                    "      x: 1  # the x\n"
                    "      y:\n"
                    "        - 1\n"
                    "        - 2\n"
                    "    produces:\n"
                    "      text: string\n"
                    "      # the stars\n"
                    "      stars: int8\n"
                    "    resources:\n"
                    "      cpu_request: \"2\"  # two cores\n"
                    "      memory_limit: 8G\n"));
}

// A key left out when it holds its default is written when it has a comment, so that the
// comment has a line; each reads back as the default.
void tst_PipelineWriter::keysHoldingDefaultsAreWrittenForTheirComments()
{
    const std::string text = "version: 1\n"
                             "name: n\n"
                             "# no description yet\n"
                             "description: \"\"\n"
                             "component_dirs: []  # the library is enough\n"
                             "steps:\n"
                             "  - id: a\n"
                             "    component: c\n"
                             "    arguments: {}  # none needed\n"
                             "    consumes: null  # all of them\n"
                             "    input_partition_rows: null  # Fondant's default\n"
                             "    cache: true  # fresh every run\n"
                             "    resources:\n"
                             "      cpu_request: null  # set on GPU nodes\n"
                             "editor: {}  # no layout yet\n";
    QCOMPARE(formatted(text), text);
    Result<Pipeline> pipeline = PipelineReader::parse(text, "p.yaml");
    QVERIFY(pipeline.ok());
    const Step &step = pipeline->steps[0];
    QVERIFY(step.resources.isEmpty());
    QVERIFY(!step.consumes && !step.inputPartitionRows);
    QCOMPARE(step.cache, true);
    // Without comments the same document is written without them.
    QCOMPARE(formatted("version: 1\nname: n\ndescription: \"\"\ncomponent_dirs: []\nsteps:\n"
                       "  - id: a\n    component: c\n    arguments: {}\n    consumes: null\n"
                       "    input_partition_rows: null\n    cache: true\n    resources:\n"
                       "      cpu_request: null\neditor: {}\n"),
        std::string("version: 1\nname: n\nsteps:\n  - id: a\n    component: c\n"));
}

static const char *threeSteps = "# the pipeline\n"
                                "version: 1\n"
                                "name: p\n"
                                "steps:\n"
                                "  # loads\n"
                                "  - id: load  # first\n"
                                "    component: load_table\n"
                                "    arguments:\n"
                                "      # pixels wide\n"
                                "      min_width: 256  # at least\n"
                                "  # trims\n"
                                "  - id: trim\n"
                                "    component: trim_text  # from the library\n"
                                "    input: load  # raw\n"
                                "  # writes\n"
                                "  - id: write\n"
                                "    component: write_rows\n"
                                "    input: trim  # trimmed\n"
                                "# the end\n";

void tst_PipelineWriter::editsKeepTheOtherComments_data()
{
    QTest::addColumn<std::function<void(Pipeline &)>>("edit");
    QTest::addColumn<QString>("expected");
    QTest::newRow("argument value changed")
        << std::function<void(Pipeline &)>(
               [](Pipeline &p) { p.steps[0].arguments.set("min_width", Value(512)); })
        << QStringLiteral("# the pipeline\nversion: 1\nname: p\nsteps:\n"
                          "  # loads\n  - id: load  # first\n    component: load_table\n"
                          "    arguments:\n      # pixels wide\n      min_width: 512  # at least\n"
                          "  # trims\n  - id: trim\n    component: trim_text  # from the library\n"
                          "    input: load  # raw\n"
                          "  # writes\n  - id: write\n    component: write_rows\n"
                          "    input: trim  # trimmed\n# the end\n");
    QTest::newRow("step renamed")
        << std::function<void(Pipeline &)>([](Pipeline &p) {
               p.steps[0].id = "read";
               p.steps[1].input = "read";
           })
        << QStringLiteral("# the pipeline\nversion: 1\nname: p\nsteps:\n"
                          "  # loads\n  - id: read  # first\n    component: load_table\n"
                          "    arguments:\n      # pixels wide\n      min_width: 256  # at least\n"
                          "  # trims\n  - id: trim\n    component: trim_text  # from the library\n"
                          "    input: read  # raw\n"
                          "  # writes\n  - id: write\n    component: write_rows\n"
                          "    input: trim  # trimmed\n# the end\n");
    QTest::newRow("step removed")
        << std::function<void(Pipeline &)>([](Pipeline &p) {
               p.steps.erase(p.steps.begin() + 1);
               p.steps[1].input = "load";
           })
        << QStringLiteral("# the pipeline\nversion: 1\nname: p\nsteps:\n"
                          "  # loads\n  - id: load  # first\n    component: load_table\n"
                          "    arguments:\n      # pixels wide\n      min_width: 256  # at least\n"
                          "  # writes\n  - id: write\n    component: write_rows\n"
                          "    input: load  # trimmed\n# the end\n");
    QTest::newRow("steps reordered")
        << std::function<void(Pipeline &)>([](Pipeline &p) { std::swap(p.steps[1], p.steps[2]); })
        << QStringLiteral("# the pipeline\nversion: 1\nname: p\nsteps:\n"
                          "  # loads\n  - id: load  # first\n    component: load_table\n"
                          "    arguments:\n      # pixels wide\n      min_width: 256  # at least\n"
                          "  # writes\n  - id: write\n    component: write_rows\n"
                          "    input: trim  # trimmed\n"
                          "  # trims\n  - id: trim\n    component: trim_text  # from the library\n"
                          "    input: load  # raw\n# the end\n");
    // The comments of an argument that is gone have no line any more.
    QTest::newRow("argument removed")
        << std::function<void(Pipeline &)>([](Pipeline &p) {
               p.steps[0].arguments.remove("min_width");
               p.steps[0].arguments.set("max_width", Value(1024));
           })
        << QStringLiteral("# the pipeline\nversion: 1\nname: p\nsteps:\n"
                          "  # loads\n  - id: load  # first\n    component: load_table\n"
                          "    arguments:\n      max_width: 1024\n"
                          "  # trims\n  - id: trim\n    component: trim_text  # from the library\n"
                          "    input: load  # raw\n"
                          "  # writes\n  - id: write\n    component: write_rows\n"
                          "    input: trim  # trimmed\n# the end\n");
}

void tst_PipelineWriter::editsKeepTheOtherComments()
{
    QFETCH(std::function<void(Pipeline &)>, edit);
    QFETCH(QString, expected);
    QCOMPARE(formatted(threeSteps), std::string(threeSteps));
    Result<Pipeline> pipeline = PipelineReader::parse(threeSteps, "p.yaml");
    QVERIFY(pipeline.ok());
    edit(pipeline.value());
    const std::string saved = PipelineWriter::toYaml(pipeline.value());
    QCOMPARE(saved, expected.toStdString());
    QCOMPARE(formatted(saved), saved);
}

void tst_PipelineWriter::commentsReadBackAsWritten_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("commented fixture") << QString::fromStdString(
        fileText(QStringLiteral(FONDANT_TEST_DATA_DIR "/pipelines/commented.pipeline.yaml")));
    QTest::newRow("rich") << QString::fromUtf8(richDocument);
    const QString head = QStringLiteral("version: 1\nname: n\nsteps:\n");
    QTest::newRow("markers and directives") << "%YAML 1.2\n# before the start\n--- # on the start\n"
            + head + "  - component: c\n... # after the end\n# more\n";
    QTest::newRow("dash alone") << head + "  -   # after the dash\n    component: c\n";
    QTest::newRow("between key and value") << head
            + "  - component:  # after the key\n      # before the value\n      c\n"
              "    cache:\n      # still before a value\n      false  # after it\n";
    QTest::newRow("explicit key and anchors") << head
            + "  - ? component  # after the key\n    : &c c  # after the value\n"
              "    arguments: !!map  # in the tag's range\n      a: 1\n";
    QTest::newRow("block scalar") << head
            + "  - component: c\n    arguments:\n      text: |  # a header comment\n"
              "        # not a comment\n      n: 1\n";
    QTest::newRow("tabs and unicode") << head
            + "  - component: c\t# tab before\n    # \xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80 "
              "\xef\xbb\xbf \\u2028\n    cache: false\t#\ttab after\n";
    QTest::newRow("repeated trailing comments") << head + "  - component:  # one\n      c  # two\n";
    QTest::newRow("key of another type")
        << head + "  - component: c\n    arguments: {1: a,  # number\n      \"1\": b}  # text\n";
    QTest::newRow("only comments after steps") << head + "  []\n# a\n#b\n";
    QTest::newRow("comments in an empty mapping")
        << head + "  - component: c\n    arguments: {  # open\n      # inside\n    }  # closed\n";
    QTest::newRow("long key") << head + "  - component: c\n    arguments:\n      # above\n      "
            + "? " + QString(1100, QLatin1Char('k')) + "  # long\n      : 1  # one\n";
    QTest::newRow("surrogate escape") << head
            + "  - component: c  # before\n    arguments:\n"
              "      a: \"\\ud83d\"  # after a half\n      b: 1  # b\n";
    QTest::newRow("carriage returns") << "version: 1\r\n# n\r\nname: n  # t\r\nsteps: []\r\n";
}

// What the writer writes reads back to the same pipeline with the same comments, and is written
// again byte for byte.
void tst_PipelineWriter::commentsReadBackAsWritten()
{
    QFETCH(QString, text);
    Result<Pipeline> first = PipelineReader::parse(text.toStdString(), "p.yaml");
    QVERIFY2(first.ok(), first.errorMessage().c_str());
    const std::string saved = PipelineWriter::toYaml(first.value());
    Result<Pipeline> again = PipelineReader::parse(saved, "p.yaml");
    QVERIFY2(again.ok(), (again.errorMessage() + "\n" + saved).c_str());
    QVERIFY2(again->comments == first->comments, saved.c_str());
    QCOMPARE(again->endComments, first->endComments);
    QCOMPARE(again->steps.size(), first->steps.size());
    for (std::size_t i = 0; i < first->steps.size(); ++i) {
        QVERIFY2(again->steps[i].comments == first->steps[i].comments, saved.c_str());
        QCOMPARE(PyJson::dumps(again->steps[i].arguments, PyJson::KeyOrder::Insertion),
            PyJson::dumps(first->steps[i].arguments, PyJson::KeyOrder::Insertion));
    }
    QCOMPARE(PipelineWriter::toYaml(again.value()), saved);
}

// Comments set by a program may hold line breaks or control characters; each is written as
// U+FFFD, so that a comment stays on its line and the document stays YAML.
void tst_PipelineWriter::commentTextStaysOnItsLine()
{
    Pipeline pipeline;
    pipeline.name = "n";
    Step step;
    step.id = "a";
    step.component = "c";
    step.comments.set("", ElementComments {"one\ntwo", std::nullopt});
    step.comments.set("component",
        ElementComments {"",
            std::string("a\nb\rc\x01"
                        "d\xe2\x80\xa8"
                        "e\xc2\x85"
                        "f\xff")});
    pipeline.steps.push_back(step);
    pipeline.endComments = "x\x7fy";
    const std::string saved = PipelineWriter::toYaml(pipeline);
    const std::string replacement = "\xef\xbf\xbd";
    QCOMPARE(saved,
        "version: 1\nname: n\nsteps:\n  #one\n  #two\n  - id: a\n    component: c  #a" + replacement
            + "b" + replacement + "c" + replacement + "d" + replacement + "e" + replacement + "f"
            + replacement + "\n#x" + replacement + "y\n");
    Result<Pipeline> back = PipelineReader::parse(saved, "p.yaml");
    QVERIFY2(back.ok(), back.errorMessage().c_str());
    QCOMPARE(back->steps[0].comments.find("")->above, std::string("one\ntwo\n"));
    QCOMPARE(PipelineWriter::toYaml(back.value()), saved);
}

QTEST_GUILESS_MAIN(tst_PipelineWriter)
#include "tst_PipelineWriter.moc"
