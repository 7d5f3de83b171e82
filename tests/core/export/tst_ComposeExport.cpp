// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/ComposeExport.h"

#include "ExportFixture.h"
#include "core/history/RunRecord.h"
#include "core/session/PipelineSession.h"
#include "core/value/PyJson.h"
#include "core/yaml/YamlReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fondant;
using namespace fondant::test;

class tst_ComposeExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalsFondantsCompiler_data();
    void equalsFondantsCompiler();
    void escapesInterpolationAndReadsTheSameInYaml12();
    void warnsWhereFondantsRuntimeSurprises();
    void aComponentUsedAgainGetsAFolderOfItsOwn();
    void refusesWhatComposeCannotRun_data();
    void refusesWhatComposeCannotRun();
};

namespace {

std::string exported(const PipelineSession &session, const QString &workingDirectory)
{
    const ExportSettings settings = ExportSettings::make(
        workingDirectory, {}, session.pipeline().name, session.pipeline().name + "-20240422120000")
                                        .value();
    Result<std::string> text = ComposeExport::write(session, settings);
    if (!text.ok())
        qFatal("%s", text.diagnostics().front().toString().c_str());
    return text.value();
}

// Compose reads "$$" as "$": what a container receives of each text.
void unescapeDollars(Value &value)
{
    if (value.isString()) {
        std::string text = value.toString();
        for (std::size_t at = text.find("$$"); at != std::string::npos;
             at = text.find("$$", at + 1))
            text.erase(at, 1);
        value = Value(text);
    } else if (value.isArray()) {
        Value::Array items = value.items();
        for (Value &item : items)
            unescapeDollars(item);
        value = Value(std::move(items));
    } else if (value.isObject()) {
        for (Member &member : value.members())
            unescapeDollars(member.value);
    }
}

} // namespace

void tst_ComposeExport::equalsFondantsCompiler_data()
{
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<QString>("expected");
    QTest::newRow("local") << "/data/fondant-wd"
                           << "tricky.compose.local.yml";
    QTest::newRow("remote") << "gs://bucket/wd"
                            << "tricky.compose.remote.yml";
}

void tst_ComposeExport::equalsFondantsCompiler()
{
    // Expected files written by Fondant's DockerCompiler (make_expected_exports.py).
    QFETCH(QString, workingDirectory);
    QFETCH(QString, expected);
    const PipelineSession session
        = openDocument(exportData + QStringLiteral("/tricky.pipeline.yaml"));
    Result<Value> ours
        = YamlReader::parse(exported(session, workingDirectory), "ours.yml", ScalarRules::PyYaml11);
    QVERIFY(ours.ok());
    Result<Value> fondant = YamlReader::readFile(
        exportData + QStringLiteral("/expected/") + expected, ScalarRules::PyYaml11);
    QVERIFY(fondant.ok());
    unescapeDollars(ours.value());

    // The component with a Dockerfile is built from its folder, wherever it is.
    Value *build = ours->find("services")->find("tag_rows")->find("build");
    QVERIFY(build);
    QCOMPARE(QString::fromStdString(build->find("context")->toString()),
        QDir(exportData).absoluteFilePath(QStringLiteral("components/tag_rows")));
    Value *fondantBuild = fondant->find("services")->find("tag_rows")->find("build");
    QVERIFY(fondantBuild->find("context")->toString().ends_with("/export/components/tag_rows"));
    build->set("context", *fondantBuild->find("context"));

    QCOMPARE(PyJson::dumps(ours.value(), PyJson::KeyOrder::Sorted, PyJson::Ascii::Keep),
        PyJson::dumps(fondant.value(), PyJson::KeyOrder::Sorted, PyJson::Ascii::Keep));
}

void tst_ComposeExport::escapesInterpolationAndReadsTheSameInYaml12()
{
    const PipelineSession session
        = openDocument(exportData + QStringLiteral("/tricky.pipeline.yaml"));
    const std::string text = exported(session, QStringLiteral("/data/fondant-wd"));
    QVERIFY(text.find("gs://bucket/$$HOME/$${USER}/{{workflow.name}}") != std::string::npos);
    QVERIFY(text.find("$$$$") != std::string::npos); // an argument's own "$$"
    // Compose reads YAML 1.2: no value may read differently there (1e-05 as a number, say).
    Result<Value> asYaml11 = YamlReader::parse(text, "ours.yml", ScalarRules::PyYaml11);
    Result<Value> asYaml12 = YamlReader::parse(text, "ours.yml", ScalarRules::Yaml12Core);
    QVERIFY(asYaml11.ok() && asYaml12.ok());
    QVERIFY(asYaml11.value() == asYaml12.value());
    const Value &command = *asYaml12->find("services")->find("tag_rows")->find("command");
    for (const Value &item : command.items())
        QVERIFY(item.isString());
}

void tst_ComposeExport::warnsWhereFondantsRuntimeSurprises()
{
    QTemporaryDir folder;
    const PipelineSession session = documentOf(folder,
        "  - id: load\n    component: load_table\n    arguments: {uri: /a}\n"
        "    produces: {text: string}\n"
        "  - id: trim\n    component: trim_text\n    input: load\n"
        "    arguments: {lowercase: false, max_length: null}\n");
    Result<std::string> text = ComposeExport::write(session,
        ExportSettings::make(QStringLiteral("gs://b/wd"), {}, "p", "p-20240422120000").value());
    QVERIFY(text.ok());
    const Diagnostics &warnings = text.diagnostics();
    QCOMPARE(warnings.size(), std::size_t {2});
    QVERIFY(warnings[0].message.find("'lowercase' is false") != std::string::npos);
    QCOMPARE(warnings[0].mark.line, 12);
    QCOMPARE(warnings[0].mark.column, 17);
    QVERIFY(warnings[1].message.find("'max_length' is null") != std::string::npos);
    QVERIFY(warnings[1].message.find("container fails") != std::string::npos);
}

void tst_ComposeExport::aComponentUsedAgainGetsAFolderOfItsOwn()
{
    // Fondant's executor files a step's data under the name in its operation spec: the second
    // use of trim_text is exported as "Trim text twice", folder trim_text_twice.
    QTemporaryDir folder;
    const PipelineSession session = documentOf(folder,
        "  - id: first\n    component: load_table\n    arguments: {uri: /a}\n"
        "    produces: {text: string}\n"
        "  - id: again\n    component: trim_text\n    input: first\n"
        "  - id: twice\n    component: trim_text\n    input: again\n");
    Result<Value> ours = YamlReader::parse(
        exported(session, QStringLiteral("gs://bucket/wd")), "ours.yml", ScalarRules::PyYaml11);
    QVERIFY(ours.ok());
    const Value &services = *ours->find("services");
    QVERIFY(services.find("trim_text"));
    const Value *twice = services.find("trim_text_twice");
    QVERIFY(twice);
    const Value::Array &command = twice->find("command")->items();
    const auto after = [&](const char *option) {
        for (std::size_t i = 0; i + 1 < command.size(); ++i)
            if (command[i].toString() == option)
                return command[i + 1].toString();
        return std::string();
    };
    QCOMPARE(after("--output_manifest_path"),
        std::string("gs://bucket/wd/p/p-20240422120000/trim_text_twice/manifest.json"));
    QCOMPARE(after("--input_manifest_path"),
        std::string("gs://bucket/wd/p/p-20240422120000/trim_text/manifest.json"));
    QVERIFY(
        after("--operation_spec").starts_with(R"({"specification": {"name": "Trim text twice")"));
    QVERIFY(after("--metadata").find(R"("component_id": "trim_text_twice")") != std::string::npos);
    // The key is the one the studio shows for the step; the run record and the history know
    // the step by the same folder.
    QVERIFY(after("--metadata").find(session.key(2)->key) != std::string::npos);
    QCOMPARE(RunRecord::of(session, "p-20240422120000", "gs://bucket/wd").steps[2].componentId,
        std::string("trim_text_twice"));
}

void tst_ComposeExport::refusesWhatComposeCannotRun_data()
{
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<QString>("message");
    QTest::newRow("TPU") << QByteArray(
        "  - id: load\n    component: load_table\n    arguments: {uri: /a}\n"
        "    produces: {text: string}\n"
        "    resources: {accelerator_number: 1, accelerator_name: TPU}\n")
                         << "cannot give a TPU";
    QTest::newRow("errors") << QByteArray(
        "  - id: load\n    component: load_table\n    arguments: {rows: 3}\n")
                            << "the pipeline has errors";
}

void tst_ComposeExport::refusesWhatComposeCannotRun()
{
    QFETCH(QByteArray, steps);
    QFETCH(QString, message);
    QTemporaryDir folder;
    const PipelineSession session = documentOf(folder, steps);
    Result<std::string> text = ComposeExport::write(session,
        ExportSettings::make(QStringLiteral("gs://b/wd"), {}, "p", "p-20240422120000").value());
    QVERIFY(!text.ok());
    const Diagnostic &problem = text.diagnostics().front();
    QVERIFY2(
        problem.message.find(message.toStdString()) != std::string::npos, problem.message.c_str());
    QCOMPARE(
        QString::fromStdString(problem.file), folder.filePath(QStringLiteral("p.pipeline.yaml")));
}

QTEST_GUILESS_MAIN(tst_ComposeExport)
#include "tst_ComposeExport.moc"
