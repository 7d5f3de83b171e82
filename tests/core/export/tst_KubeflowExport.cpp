// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/KubeflowExport.h"

#include "ExportFixture.h"
#include "core/session/PipelineSession.h"
#include "core/value/PyJson.h"
#include "core/yaml/YamlReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fondant;
using namespace fondant::test;

class tst_KubeflowExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalsFondantsCompilerButForCpu();
    void vertexResources();
    void refusesWhatKfpRefuses_data();
    void refusesWhatKfpRefuses();
    void warnsOfDefaultsFondantCannotCompile();
};

namespace {

using Flavour = KubeflowExport::Flavour;

Result<std::string> exported(const PipelineSession &session, Flavour flavour)
{
    return KubeflowExport::write(session,
        ExportSettings::make(QStringLiteral("gs://bucket/wd"), {}, session.pipeline().name,
            session.pipeline().name + "-20240422120000")
            .value(),
        flavour);
}

// The YAML documents of a Kubeflow file, as a list.
Value documentsOf(const std::string &text)
{
    Value documents = Value::array();
    const std::size_t split = text.find("\n---\n");
    documents.append(
        YamlReader::parse(text.substr(0, split), "kfp.yml", ScalarRules::PyYaml11).value());
    if (split != std::string::npos)
        documents.append(
            YamlReader::parse(text.substr(split + 5), "kfp.yml", ScalarRules::PyYaml11).value());
    return documents;
}

const QByteArray loadStep = "  - id: load\n    component: load_table\n    arguments: {uri: /a}\n"
                            "    produces: {text: string}\n";

} // namespace

void tst_KubeflowExport::equalsFondantsCompilerButForCpu()
{
    // Expected file written by Fondant's KubeFlowCompiler (make_expected_exports.py).
    const PipelineSession session
        = openDocument(exportData + QStringLiteral("/kubeflow.pipeline.yaml"));
    Result<std::string> text = exported(session, Flavour::Kubeflow);
    QVERIFY2(text.ok(), text.ok() ? "" : text.diagnostics().front().toString().c_str());
    QVERIFY(text->starts_with("# PIPELINE DEFINITION\n# Name: kubeflow\n"));
    Value ours = documentsOf(text.value());
    QFile file(exportData + QStringLiteral("/expected/kubeflow.kfp.yml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    Value fondant = documentsOf(file.readAll().toStdString());

    // Fondant passes cpu_request "2" and cpu_limit "3" to KFP's memory setters (2 and 3 bytes);
    // they are CPU settings.
    const auto resourcesOf = [](Value &documents) {
        return documents.items()[0]
            .find("deploymentSpec")
            ->find("executors")
            ->find("exec-tag-rows")
            ->find("container")
            ->find("resources");
    };
    Value *ourResources = resourcesOf(ours);
    QCOMPARE(ourResources->find("cpuRequest")->toDouble(), 2.0);
    QCOMPARE(ourResources->find("cpuLimit")->toDouble(), 3.0);
    QVERIFY(!ourResources->find("memoryLimit") && !ourResources->find("memoryRequest"));
    ourResources->remove("cpuRequest");
    ourResources->remove("cpuLimit");
    Value *fondantResources = resourcesOf(fondant);
    QCOMPARE(fondantResources->find("memoryRequest")->toDouble(), 2e-9);
    fondantResources->remove("memoryRequest");
    fondantResources->remove("memoryLimit");

    QCOMPARE(PyJson::dumps(ours, PyJson::KeyOrder::Sorted, PyJson::Ascii::Keep),
        PyJson::dumps(fondant, PyJson::KeyOrder::Sorted, PyJson::Ascii::Keep));
}

void tst_KubeflowExport::vertexResources()
{
    // Fondant's VertexCompiler: cpu_limit and memory_limit in cores and GB, Vertex's
    // accelerator name as the type (generated/compiled/vertex/VTX-accelerator-…).
    QTemporaryDir folder;
    const PipelineSession session = documentOf(folder,
        loadStep
            + "    resources: {accelerator_number: 2, accelerator_name: NVIDIA_TESLA_T4, "
              "cpu_limit: '4', memory_limit: 16G, cpu_request: '1', node_pool_label: pool, "
              "node_pool_name: gpus}\n");
    Result<std::string> text = exported(session, Flavour::Vertex);
    QVERIFY2(text.ok(), text.ok() ? "" : text.diagnostics().front().toString().c_str());
    QVERIFY(text->find("\n---\n") == std::string::npos); // no node selectors on Vertex
    const Value documents = documentsOf(text.value());
    const Value &resources = *documents.items()[0]
                                  .find("deploymentSpec")
                                  ->find("executors")
                                  ->find("exec-load-table")
                                  ->find("container")
                                  ->find("resources");
    QCOMPARE(PyJson::dumps(resources, PyJson::KeyOrder::Sorted),
        std::string(R"({"accelerator": {"count": "2", "type": "NVIDIA_TESLA_T4"}, )"
                    R"("cpuLimit": 4.0, "memoryLimit": 16.0})"));
}

void tst_KubeflowExport::refusesWhatKfpRefuses_data()
{
    QTest::addColumn<int>("flavour");
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<QString>("message");
    const auto trim = [](const char *arguments) {
        return loadStep + "  - id: trim\n    component: trim_text\n    input: load\n"
            + "    arguments: " + arguments + "\n";
    };
    QTest::newRow("an int for a float")
        << int(Flavour::Kubeflow) << trim("{ratio: 1}") << "accepts only NUMBER_DOUBLE";
    QTest::newRow("a null in a list")
        << int(Flavour::Kubeflow) << trim("{words: [a, null]}") << "holds a null";
    QTest::newRow("a required argument left null")
        << int(Flavour::Kubeflow)
        << QByteArray("  - id: load\n    component: load_table\n    arguments: {uri: null}\n"
                      "    produces: {text: string}\n")
        << "KFP leaves out";
    QTest::newRow("Vertex has no GPU")
        << int(Flavour::Vertex)
        << loadStep + "    resources: {accelerator_number: 1, accelerator_name: GPU}\n"
        << "no accelerator Vertex AI knows";
    QTest::newRow("Kubeflow has no T4")
        << int(Flavour::Kubeflow)
        << loadStep + "    resources: {accelerator_number: 1, accelerator_name: NVIDIA_TESLA_T4}\n"
        << "no accelerator Kubeflow gives";
    QTest::newRow("no memory size")
        << int(Flavour::Kubeflow) << loadStep + "    resources: {memory_limit: 1.5G}\n"
        << "no memory size KFP reads";
}

void tst_KubeflowExport::refusesWhatKfpRefuses()
{
    QFETCH(int, flavour);
    QFETCH(QByteArray, steps);
    QFETCH(QString, message);
    QTemporaryDir folder;
    const PipelineSession session = documentOf(folder, steps);
    Result<std::string> text = exported(session, Flavour(flavour));
    QVERIFY(!text.ok());
    const Diagnostic &problem = text.diagnostics().front();
    QVERIFY2(
        problem.message.find(message.toStdString()) != std::string::npos, problem.message.c_str());
    QVERIFY(problem.mark.line > 0);
}

// Fondant 0.12.1's compiler fails on a float default Python writes without a dot: the KFP
// SDK reads it back as text (the oracle: "Cannot set google.protobuf.Value.number_value to
// '1e-05'"). 0.0001 and 1.5e-05 compile.
void tst_KubeflowExport::warnsOfDefaultsFondantCannotCompile()
{
    QTemporaryDir folder;
    QVERIFY(QDir(folder.path()).mkpath(QStringLiteral("scale")));
    QFile spec(folder.filePath(QStringLiteral("scale/fondant_component.yaml")));
    QVERIFY(spec.open(QIODevice::WriteOnly));
    spec.write("name: Scale\ndescription: d\nimage: scale:1\nconsumes: {text: {type: string}}\n"
               "args:\n  tiny: {type: float, default: 0.00001}\n"
               "  small: {type: float, default: 0.0001}\n"
               "  dotted: {type: float, default: 0.000015}\n"
               "  huge: {type: float, default: 100000000000000000.0}\n");
    spec.close();
    const PipelineSession session
        = documentOf(folder, loadStep + "  - {id: scale, component: ./scale, input: load}\n");
    Result<std::string> text = exported(session, Flavour::Kubeflow);
    QVERIFY(text.ok());
    QCOMPARE(text.diagnostics().size(), std::size_t(2));
    QVERIFY(text.diagnostics()[0].message.find("'tiny' is 1e-05") != std::string::npos);
    QCOMPARE(text.diagnostics()[0].mark.line, 6);
    QVERIFY(text.diagnostics()[1].message.find("'huge' is 1e+17") != std::string::npos);
    QVERIFY(text.value().find("defaultValue: 1.0e-05") != std::string::npos);
}

QTEST_GUILESS_MAIN(tst_KubeflowExport)
#include "tst_KubeflowExport.moc"
