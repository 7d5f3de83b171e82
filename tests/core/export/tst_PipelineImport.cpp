// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/PipelineImport.h"

#include "core/session/PipelineSession.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fondant;

// Files Fondant compiled are imported with its keys in tst_Conformance::importGoldens; these
// tests hold what a hostile or broken file does.
class tst_PipelineImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesWhatIsNoFondantPipeline_data();
    void refusesWhatIsNoFondantPipeline();
    void componentFoldersStayInsideTheDocumentsFolder();
    void manySpecsOfOneNameGetFoldersOfTheirOwn();
    void refusesToReplaceTheCompiledFile();
    void kubeflowValuesADocumentCannotHoldAreErrors_data();
    void kubeflowValuesADocumentCannotHoldAreErrors();
};

namespace {

// One docker-compose service running `fondant execute main` for a component.
QByteArray service(const QByteArray &id, const QByteArray &specification,
    const QByteArray &input = {}, const QByteArray &key = "00000000000000000000000000000000")
{
    const QByteArray metadata = R"({"dataset_name": "p", "run_id": "p-20240101000000", )"
                                R"("component_id": ")"
        + id + R"(", "cache_key": ")" + key + R"("})";
    const QByteArray operation
        = R"({"specification": )" + specification + R"(, "consumes": {}, "produces": {}})";
    QByteArray text = "  " + id + ":\n    entrypoint: [fondant, execute, main]\n    command:\n"
        + "    - --metadata\n    - '" + metadata + "'\n    - --working_directory\n    - /wd\n"
        + "    - --operation_spec\n    - '" + operation + "'\n";
    if (!input.isEmpty())
        text += "    - --input_manifest_path\n    - /wd/p/p-20240101000000/" + input
            + "/manifest.json\n";
    return text;
}

const QByteArray loader = R"({"name": "Load", "image": "load:1", "description": "d", )"
                          R"("produces": {"text": {"type": "string"}}})";
const QByteArray writer = R"({"name": "Write", "image": "write:1", "description": "d", )"
                          R"("consumes": {"text": {"type": "string"}}})";

QString writeFile(const QTemporaryDir &folder, const QString &name, const QByteArray &text)
{
    const QString path = folder.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text);
    return path;
}

QStringList filesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(folder).relativeFilePath(it.next());
    files.sort();
    return files;
}

} // namespace

void tst_PipelineImport::refusesWhatIsNoFondantPipeline_data()
{
    QTest::addColumn<QByteArray>("compiled");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::newRow("a pipeline document") << QByteArray("version: 1\nname: p\nsteps: []\n")
                                         << "is neither a docker-compose file" << 1;
    QTest::newRow("no operation spec")
        << QByteArray("services:\n  a:\n    command: [--metadata, '{}']\n")
        << "passes no --operation_spec" << 2;
    QTest::newRow("odd command") << QByteArray("services:\n  a:\n    command: [--metadata]\n")
                                 << "expected --NAME VALUE" << 3;
    QTest::newRow("a second document") << "services:\n" + service("a", loader) + "---\n[\n"
                                       << "holds one YAML document" << 11;
    QTest::newRow("two first steps") << "services:\n" + service("a", loader) + service("b", loader)
                                     << "both start the dataset" << 11;
    QTest::newRow("an input nobody writes")
        << "services:\n" + service("a", loader) + service("b", writer, "x")
        << "which no step of the file writes" << 11;
    QTest::newRow("a cycle") << "services:\n" + service("a", loader, "b")
            + service("b", writer, "a")
                             << "through a cycle of steps" << 2;
    QTest::newRow("a spec Fondant refuses")
        << "services:\n" + service("a", R"({"name": 5, "image": "i:1", "description": "d"})")
        << "is not valid: 'name' must be text" << 2;
    QTest::newRow("a task after two tasks")
        << QByteArray("pipelineInfo: {name: p}\nroot: {dag: {tasks: {a: {dependentTasks: [a, "
                      "b]}}}}\ncomponents: {}\ndeploymentSpec: {executors: {}}\n")
        << "must run after exactly one task" << 2;
    QTest::newRow("a parameter list that is no mapping")
        << QByteArray("pipelineInfo: {name: p}\nroot: {dag: {tasks: {a: {inputs: {parameters: "
                      "[]}}}}}\ncomponents: {}\ndeploymentSpec: {executors: {}}\n")
        << "passes no --metadata" << 2;
}

void tst_PipelineImport::refusesWhatIsNoFondantPipeline()
{
    QFETCH(QByteArray, compiled);
    QFETCH(QString, message);
    QFETCH(int, line);
    QTemporaryDir folder;
    const QString input = writeFile(folder, QStringLiteral("compiled.yml"), compiled);
    const QString output = folder.filePath(QStringLiteral("out/p.pipeline.yaml"));
    QVERIFY(QDir(folder.path()).mkdir(QStringLiteral("out")));
    Result<QString> imported = PipelineImport::run(input, output, {});
    QVERIFY(!imported.ok());
    const Diagnostic &problem = imported.diagnostics().front();
    QVERIFY2(
        problem.message.find(message.toStdString()) != std::string::npos, problem.message.c_str());
    QCOMPARE(problem.mark.line, line);
    // Nothing is written, component folders included.
    QCOMPARE(filesUnder(folder.filePath(QStringLiteral("out"))), QStringList());
}

void tst_PipelineImport::componentFoldersStayInsideTheDocumentsFolder()
{
    QTemporaryDir folder;
    const QString input = writeFile(folder, QStringLiteral("compiled.yml"),
        "services:\n"
            + service("a",
                R"({"name": "../../../../../../x/y", "image": "i:1", "description": "d", )"
                R"("produces": {"text": {"type": "string"}}})"));
    const QString output = folder.filePath(QStringLiteral("doc/p.pipeline.yaml"));
    QVERIFY(QDir(folder.path()).mkdir(QStringLiteral("doc")));
    Result<QString> imported = PipelineImport::run(input, output, {});
    QVERIFY(imported.ok());
    QCOMPARE(filesUnder(folder.path()),
        QStringList({QStringLiteral("compiled.yml"),
            QStringLiteral("doc/components/component.._.._.._.._.._.._x_y/fondant_component.yaml"),
            QStringLiteral("doc/p.pipeline.yaml")}));
    Result<PipelineSession> session = PipelineSession::open(output);
    QVERIFY(session.ok() && !session->hasErrors());
}

void tst_PipelineImport::manySpecsOfOneNameGetFoldersOfTheirOwn()
{
    QTemporaryDir folder;
    QByteArray compose = "services:\n" + service("s0", loader);
    for (int i = 1; i < 300; ++i) {
        const QByteArray consumes = R"({"text": {"type": "string"}})";
        compose += service("s" + QByteArray::number(i),
            R"({"name": "Step", "image": "step:)" + QByteArray::number(i)
                + R"(", "description": "d", "consumes": )" + consumes + "}",
            "s" + QByteArray::number(i - 1));
    }
    const QString input = writeFile(folder, QStringLiteral("compiled.yml"), compose);
    Result<QString> imported
        = PipelineImport::run(input, folder.filePath(QStringLiteral("p.pipeline.yaml")), {});
    QVERIFY(imported.ok());
    QVERIFY(QFileInfo(folder.filePath(QStringLiteral("components/step_299"))).isDir());
    QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("components/step_300"))));
}

void tst_PipelineImport::refusesToReplaceTheCompiledFile()
{
    QTemporaryDir folder;
    const QByteArray compose = "services:\n" + service("a", loader);
    const QString input = writeFile(folder, QStringLiteral("compiled.yml"), compose);
    Result<QString> imported = PipelineImport::run(input, input, {});
    QVERIFY(!imported.ok());
    QVERIFY(imported.diagnostics().front().message.find("is the compiled file itself")
        != std::string::npos);
    QFile file(input);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), compose);
}

void tst_PipelineImport::kubeflowValuesADocumentCannotHoldAreErrors_data()
{
    QTest::addColumn<QByteArray>("parameter");
    QTest::addColumn<QByteArray>("resources");
    QTest::addColumn<QString>("message");
    QTest::newRow("an accelerator count beyond 64 bits")
        << QByteArray()
        << QByteArray("{accelerator: {count: '99999999999999999999999', type: "
                      "nvidia.com/gpu}}")
        << "accelerator_number";
    // Only reading the written document checks this: the document is taken back.
    QTest::newRow("rows that are a list")
        << QByteArray("            input_partition_rows: {runtimeValue: {constant: [1]}}\n")
        << QByteArray("{}") << "'input_partition_rows' must be a whole number";
}

void tst_PipelineImport::kubeflowValuesADocumentCannotHoldAreErrors()
{
    QFETCH(QByteArray, parameter);
    QFETCH(QByteArray, resources);
    QFETCH(QString, message);
    QTemporaryDir folder;
    const QByteArray metadata
        = R"({"dataset_name": "p", "run_id": "p-20240101000000", "component_id": "load", )"
          R"("cache_key": "0"})";
    const QString input = writeFile(folder, QStringLiteral("compiled.yml"),
        "pipelineInfo: {name: p}\nroot:\n  dag:\n    tasks:\n      load:\n        componentRef: "
        "{name: comp-load}\n        inputs:\n          parameters:\n            metadata: "
        "{runtimeValue: {constant: '"
            + metadata + "'}}\n            operation_spec: {runtimeValue: {constant: '"
            + R"({"specification": )" + loader + R"(, "consumes": {}, "produces": {}})" + "'}}\n"
            + parameter
            + "components: {comp-load: {executorLabel: exec-load}}\n"
              "deploymentSpec:\n  executors:\n    exec-load:\n      container:\n        command: "
              "[fondant]\n        resources: "
            + resources + "\n");
    Result<QString> imported
        = PipelineImport::run(input, folder.filePath(QStringLiteral("out/p.pipeline.yaml")), {});
    QVERIFY(!imported.ok());
    QVERIFY2(
        imported.diagnostics().front().message.find(message.toStdString()) != std::string::npos,
        imported.diagnostics().front().toString().c_str());
    QCOMPARE(imported.diagnostics().front().mark.line, 5);
    QCOMPARE(filesUnder(folder.path()), QStringList {QStringLiteral("compiled.yml")});
}

QTEST_GUILESS_MAIN(tst_PipelineImport)
#include "tst_PipelineImport.moc"
