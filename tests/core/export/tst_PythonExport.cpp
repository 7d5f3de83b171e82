// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/PythonExport.h"

#include "ExportFixture.h"
#include "core/session/PipelineSession.h"
#include "core/yaml/YamlReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fondant;
using namespace fondant::test;

// The program's behaviour under Fondant (its keys and compiled files) is checked against
// Fondant's own code by tests/oracle/compare_keys.py --exports; these tests hold its text.
class tst_PythonExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void literalsReadAsTheSamePythonValues_data();
    void literalsReadAsTheSamePythonValues();
    void writesOneCallPerStep();
    void componentsInsideTheProgramsFolderAreRelative();
    void variablesAreValidDistinctNames();
    void refusesWhatFondantsApiCannotSay();
    void warnsWhereFondantsRuntimeSurprises();
};

namespace {

Value yamlValue(const char *text)
{
    Result<Value> value = YamlReader::parse(text, "value.yaml", ScalarRules::Yaml12Core);
    if (!value.ok())
        qFatal("%s", value.diagnostics().front().toString().c_str());
    return std::move(value).value();
}

} // namespace

void tst_PythonExport::literalsReadAsTheSamePythonValues_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("python");
    // Expected texts are what Python's repr() gives for the value yaml_12.load reads.
    QTest::newRow("null") << "~"
                          << "None";
    QTest::newRow("bools") << "[true, false]"
                           << "[True, False]";
    QTest::newRow("big int") << "18446744073709551616"
                             << "18446744073709551616";
    QTest::newRow("float") << "0.00001"
                           << "1e-05";
    QTest::newRow("float keeps its dot") << "2.0"
                                         << "2.0";
    QTest::newRow("infinity") << "[.inf, -.inf]"
                              << "[float(\"inf\"), -float(\"inf\")]";
    QTest::newRow("nan") << ".nan"
                         << "float(\"nan\")";
    QTest::newRow("quotes and backslash") << R"("say \"hi\" \\ there")"
                                          << R"("say \"hi\" \\ there")";
    QTest::newRow("newline and tab") << R"("a\nb\tc")"
                                     << R"("a\nb\tc")";
    QTest::newRow("controls") << R"("\x01\x7f\u0085")"
                              << R"("\x01\x7f\x85")";
    QTest::newRow("bidirectional override") << R"("abc\u202Edef")"
                                            << R"("abc\u202edef")";
    QTest::newRow("visible unicode stays") << R"("Höhe 😀")"
                                           << R"("Höhe 😀")";
    QTest::newRow("keys keep their type") << "{9: a, -1: b, ~: c, true: d, '9': e}"
                                          << R"({9: "a", -1: "b", None: "c", True: "d", "9": "e"})";
    QTest::newRow("nested") << "{a: [1, {b: null}]}"
                            << R"({"a": [1, {"b": None}]})";
}

void tst_PythonExport::literalsReadAsTheSamePythonValues()
{
    QFETCH(QString, yaml);
    QFETCH(QString, python);
    QCOMPARE(QString::fromStdString(PythonExport::literal(yamlValue(yaml.toUtf8().constData()))),
        python);
}

void tst_PythonExport::writesOneCallPerStep()
{
    const PipelineSession session
        = openDocument(exportData + QStringLiteral("/kubeflow.pipeline.yaml"));
    Result<std::string> program
        = PythonExport::write(session, exportData + QStringLiteral("/pipeline.py"));
    QVERIFY(program.ok());
    const QString text = QString::fromStdString(program.value());
    QVERIFY(text.startsWith(QStringLiteral("\"\"\"kubeflow: Resources, node pools")));
    QVERIFY(text.contains(QStringLiteral("fondant run local pipeline.py")));
    QVERIFY(text.contains(QStringLiteral("    load_table = Dataset.create(\n")));
    QVERIFY(text.contains(QStringLiteral("        dataset_name=\"kubeflow\",\n")));
    QVERIFY(text.contains(QStringLiteral("            \"text\": pa.string(),\n"
                                         "            \"stars\": pa.int8(),\n")));
    QVERIFY(text.contains(QStringLiteral("        input_partition_rows=100,\n")));
    QVERIFY(text.contains(QStringLiteral(
        "        resources=Resources(memory_request=\"256M\", memory_limit=\"1Gi\"),\n")));
    // A step whose component produces nothing is a write; the others apply.
    QVERIFY(text.contains(QStringLiteral("    tag_rows = load_table.apply(\n")));
    QVERIFY(text.contains(QStringLiteral("    write_rows = tag_rows.write(\n")));
    QVERIFY(text.contains(QStringLiteral("        cache=False,\n")));
    // Long resources go one per line.
    QVERIFY(text.contains(QStringLiteral("            node_pool_name=\"gpu-pool\",\n")));
    // The module's first Dataset, which `fondant compile` takes, is the last step's.
    QVERIFY(text.contains(QStringLiteral("    return write_rows\n")));
    QVERIFY(text.endsWith(QStringLiteral("\ndataset = build()\n")));
    QCOMPARE(text.count(QStringLiteral("Dataset.create(")), 1);
}

void tst_PythonExport::componentsInsideTheProgramsFolderAreRelative()
{
    QTemporaryDir folder;
    QVERIFY(QDir(folder.path()).mkpath(QStringLiteral("components/own")));
    QFile spec(folder.filePath(QStringLiteral("components/own/fondant_component.yaml")));
    QVERIFY(spec.open(QIODevice::WriteOnly));
    spec.write("name: Own\ndescription: d\nimage: own:1\nproduces: {text: {type: string}}\n");
    spec.close();
    const PipelineSession session = documentOf(folder,
        "  - {id: own, component: ./components/own}\n"
        "  - {id: trim_text, component: trim_text, input: own}\n");
    QVERIFY(!session.hasErrors());
    const std::string inside
        = PythonExport::write(session, folder.filePath(QStringLiteral("pipeline.py"))).value();
    QVERIFY(inside.find("        \"components/own\",\n") != std::string::npos);
    QVERIFY(inside.find("        \"" FONDANT_TEST_DATA_DIR "/components/trim_text\",\n")
        != std::string::npos);
    const std::string below
        = PythonExport::write(session, folder.filePath(QStringLiteral("sub/pipeline.py"))).value();
    QVERIFY(
        below.find("\"" + folder.filePath(QStringLiteral("components/own")).toStdString() + "\",\n")
        != std::string::npos);
}

void tst_PythonExport::variablesAreValidDistinctNames()
{
    QTemporaryDir folder;
    const PipelineSession session = documentOf(folder,
        "  - {id: class, component: load_table, arguments: {uri: /in},"
        " produces: {text: string}}\n"
        "  - {id: 2nd-step, component: trim_text, input: class}\n"
        "  - {id: pa, component: write_rows, input: 2nd-step, arguments: {path: /out}}\n");
    QVERIFY(!session.hasErrors());
    const std::string text
        = PythonExport::write(session, folder.filePath(QStringLiteral("pipeline.py"))).value();
    QVERIFY(text.find("    class_ = Dataset.create(") != std::string::npos);
    QVERIFY(text.find("    step_2nd_step = class_.apply(") != std::string::npos);
    QVERIFY(text.find("    pa_2 = step_2nd_step.write(") != std::string::npos);
}

void tst_PythonExport::refusesWhatFondantsApiCannotSay()
{
    // The bundled example writes with one component twice: Fondant's graph would keep one.
    const PipelineSession example
        = openDocument(QStringLiteral(FONDANT_EXAMPLE_DIR "/reviews.pipeline.yaml"));
    Result<std::string> twice = PythonExport::write(example, QStringLiteral("/tmp/pipeline.py"));
    QVERIFY(!twice.ok());
    QCOMPARE(twice.diagnostics().size(), std::size_t(1));
    QVERIFY(twice.diagnostics().front().message.find(
                "steps 'write_embeddings' and 'write_languages' both use the component "
                "'write_parquet'")
        != std::string::npos);
    QCOMPARE(twice.diagnostics().front().mark.line, 42);

    QTemporaryDir folder;
    const PipelineSession consumes = documentOf(folder,
        "  - {id: load_table, component: load_table, arguments: {uri: /in},"
        " consumes: {text: string}, produces: {text: string}}\n"
        "  - {id: trim_text, component: trim_text, input: load_table}\n");
    Result<std::string> refused
        = PythonExport::write(consumes, folder.filePath(QStringLiteral("pipeline.py")));
    QVERIFY(!refused.ok());
    QVERIFY(refused.diagnostics().front().message.find("Dataset.create takes no consumes")
        != std::string::npos);
    QCOMPARE(refused.diagnostics().front().mark.line, 5);
}

void tst_PythonExport::warnsWhereFondantsRuntimeSurprises()
{
    const PipelineSession session
        = openDocument(exportData + QStringLiteral("/tricky.pipeline.yaml"));
    Result<std::string> program
        = PythonExport::write(session, exportData + QStringLiteral("/pipeline.py"));
    QVERIFY(program.ok());
    QCOMPARE(program.diagnostics().size(), std::size_t(1));
    QVERIFY(program.diagnostics().front().message.find("argument 'enabled' is false")
        != std::string::npos);
}

QTEST_GUILESS_MAIN(tst_PythonExport)
#include "tst_PythonExport.moc"
