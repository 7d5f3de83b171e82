// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/spec/ComponentSpec.h"

#include "core/value/PyJson.h"
#include "core/yaml/YamlReader.h"

#include <QTest>

using namespace fondant;

class tst_ComponentSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsFixture();
    void normalisedDictOrderAndFalsySections();
    void argumentOptionality();
    void rejects_data();
    void rejects();
    void warnsAboutDefaults();
    void names_data();
    void names();
    void latestRule_data();
    void latestRule();
};

static Result<ComponentSpec> specFrom(const std::string &yaml)
{
    Result<Value> root = YamlReader::parse(yaml, "spec.yaml", ScalarRules::PyYaml11);
    if (!root.ok())
        return root.takeDiagnostics();
    return ComponentSpec::fromValue(root.value(), "spec.yaml");
}

void tst_ComponentSpec::readsFixture()
{
    Result<ComponentSpec> spec = ComponentSpec::fromFile(
        QStringLiteral(FONDANT_TEST_DATA_DIR "/components/trim_text/fondant_component.yaml"));
    QVERIFY2(spec.ok(), spec.errorMessage().c_str());
    QCOMPARE(spec->name(), std::string("Trim text"));
    QCOMPARE(spec->description(),
        std::string("Shortens every text to a maximum length, keeping whole words."));
    QCOMPARE(spec->consumes().fields.size(), std::size_t {1});
    QCOMPARE(spec->produces().fields[1].type.displayName(), std::string("int32"));
    QCOMPARE(spec->arguments().size(), std::size_t {4});
    QVERIFY(spec->argument("ratio")->defaultValue->isFloat());
    QVERIFY(spec->directory().ends_with("trim_text"));
}

void tst_ComponentSpec::normalisedDictOrderAndFalsySections()
{
    Result<ComponentSpec> spec
        = specFrom("args: {}\ntags: []\nimage: img:1\ndescription: d\nname: N\n"
                   "consumes: {additionalProperties: true}\n");
    QVERIFY2(spec.ok(), spec.errorMessage().c_str());
    QCOMPARE(PyJson::dumps(spec->specification(), PyJson::KeyOrder::Insertion),
        std::string(
            R"({"name": "N", "image": "img:1", "description": "d", "consumes": {"additionalProperties": true}})"));
    QVERIFY(spec->consumes().additionalProperties);
    QVERIFY(spec->consumes().defined);
}

void tst_ComponentSpec::argumentOptionality()
{
    Result<ComponentSpec> spec
        = specFrom("name: N\ndescription: d\nimage: i\nargs:\n"
                   "  a: {type: int}\n  b: {type: int, default: None}\n"
                   "  c: {type: str, default: null}\n  d: {type: bool, default: false}\n");
    QVERIFY(spec.ok());
    QVERIFY(spec->argument("a")->isRequired());
    QVERIFY(!spec->argument("b")->isRequired());
    QVERIFY(spec->argument("b")->defaultsToNone());
    QVERIFY(spec->argument("c")->isRequired());
    QVERIFY(!spec->argument("d")->isRequired());
}

void tst_ComponentSpec::rejects_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QString head = QStringLiteral("name: N\ndescription: d\nimage: i\n");
    QTest::newRow("unknown key") << head + "Arguments: {}\n"
                                 << "'Arguments'" << 4 << 1;
    QTest::newRow("missing image") << "name: N\ndescription: d\n"
                                   << "'image'" << 1 << 1;
    QTest::newRow("bad field type") << head + "consumes:\n  t: {type: text}\n"
                                    << "'text'" << 5 << 13;
    QTest::newRow("runtime-refused type") << head + "produces:\n  t: {type: decimal}\n"
                                          << "decimal" << 5 << 13;
    QTest::newRow("bad arg type") << head + "args:\n  a:\n    type: string\n"
                                  << "'string'" << 6 << 11;
    QTest::newRow("field key") << head + "consumes:\n  t: {type: int8, fields: x}\n"
                               << "'fields'" << 5 << 19;
    QTest::newRow("name not text") << "name: [1]\ndescription: d\nimage: i\n"
                                   << "'name'" << 1 << 7;
    QTest::newRow("not a mapping") << "- a\n"
                                   << "mapping" << 1 << 1;
    QTest::newRow("additionalProperties text")
        << head + "produces:\n  additionalProperties: yes please\n"
        << "true or false" << 5 << 25;
}

void tst_ComponentSpec::rejects()
{
    QFETCH(QString, yaml);
    QFETCH(QString, messagePart);
    QFETCH(int, line);
    QFETCH(int, column);
    Result<ComponentSpec> spec = specFrom(yaml.toStdString());
    QVERIFY(!spec.ok());
    const Diagnostic &d = spec.diagnostics().front();
    QVERIFY2(d.message.find(messagePart.toStdString()) != std::string::npos, d.message.c_str());
    QCOMPARE(d.mark, (SourceMark {line, column}));
    QCOMPARE(d.file, std::string("spec.yaml"));
}

void tst_ComponentSpec::warnsAboutDefaults()
{
    Result<ComponentSpec> spec = specFrom(
        "name: N\ndescription: d\nimage: i\nargs:\n  rate: {type: float, default: 1e-5}\n");
    QVERIFY(spec.ok());
    QCOMPARE(spec.diagnostics().size(), std::size_t {1});
    QVERIFY(spec.diagnostics().front().message.find("1.0e-5") != std::string::npos);
    QCOMPARE(spec.diagnostics().front().severity, Severity::Warning);
}

void tst_ComponentSpec::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("safe");
    QTest::addColumn<QString>("kfp");
    QTest::newRow("spaces") << "Load from Hugging Face hub"
                            << "load_from_hugging_face_hub"
                            << "load-from-hugging-face-hub";
    QTest::newRow("camel") << "CreateData"
                           << "createdata"
                           << "createdata";
    QTest::newRow("symbols") << "A (b) -- c_"
                             << "a_(b)_--_c_"
                             << "a-b-c";
}

void tst_ComponentSpec::names()
{
    QFETCH(QString, name);
    QFETCH(QString, safe);
    QFETCH(QString, kfp);
    QCOMPARE(QString::fromStdString(ComponentSpec::safeNameOf(name.toStdString())), safe);
    QCOMPARE(QString::fromStdString(ComponentSpec::kfpSafeNameOf(safe.toStdString())), kfp);
}

void tst_ComponentSpec::latestRule_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<bool>("latest");
    QTest::newRow("latest") << "fndnt/filter_language:latest" << true;
    QTest::newRow("pinned") << "fndnt/filter_language:0.12.1" << false;
    QTest::newRow("untagged") << "dummy_component" << false;
    QTest::newRow("registry port") << "registry:5000/img" << false;
    QTest::newRow("bare latest") << "latest" << true;
}

void tst_ComponentSpec::latestRule()
{
    QFETCH(QString, image);
    QFETCH(bool, latest);
    Result<ComponentSpec> spec
        = specFrom("name: N\ndescription: d\nimage: " + image.toStdString() + "\n");
    QVERIFY(spec.ok());
    QCOMPARE(spec->hasLatestTag(), latest);
}

QTEST_GUILESS_MAIN(tst_ComponentSpec)
#include "tst_ComponentSpec.moc"
