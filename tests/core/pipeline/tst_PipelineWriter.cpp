// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/PipelineWriter.h"

#include "core/pipeline/PipelineReader.h"
#include "core/value/PyJson.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

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
};

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

QTEST_GUILESS_MAIN(tst_PipelineWriter)
#include "tst_PipelineWriter.moc"
