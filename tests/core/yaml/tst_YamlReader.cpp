// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/yaml/YamlReader.h"

#include "core/value/PyJson.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fondant;

class tst_YamlReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pyYamlScalars_data();
    void pyYamlScalars();
    void coreScalars_data();
    void coreScalars();
    void foldedBlockKeepsDoubleSpaces();
    void marksOfKeysAndValues();
    void mergeKeys();
    void duplicateKeyWarns();
    void syntaxErrorIsLocated();
    void dateIsRefusedUnderPyYaml();
    void aliasBombIsStopped();
    void deepNestingIsStopped();
    void invalidUtf8IsLocated();
    void hugeFileIsRefused();
    void severalDocumentsAreRefused();
    void emptyDocumentIsNull();
};

static std::string readAs(const std::string &scalar, ScalarRules rules)
{
    Result<Value> value = YamlReader::parse("v: " + scalar + "\n", "t.yaml", rules);
    if (!value.ok())
        return "ERROR";
    return PyJson::dumps(*value.value().find("v"), PyJson::KeyOrder::Insertion);
}

void tst_YamlReader::pyYamlScalars_data()
{
    QTest::addColumn<QString>("scalar");
    QTest::addColumn<QString>("json");
    // PyYAML safe_load (YAML 1.1) results, as json.dumps prints them.
    QTest::newRow("yes") << "yes"
                         << "true";
    QTest::newRow("Off") << "Off"
                         << "false";
    QTest::newRow("tRue") << "tRue"
                          << "\"tRue\"";
    QTest::newRow("None") << "None"
                          << "\"None\"";
    QTest::newRow("tilde") << "~"
                           << "null";
    QTest::newRow("1e3") << "1e3"
                         << "\"1e3\"";
    QTest::newRow("1.0e+3") << "1.0e+3"
                            << "1000.0";
    QTest::newRow("1.0e3") << "1.0e3"
                           << "\"1.0e3\"";
    QTest::newRow(".5") << ".5"
                        << "0.5";
    QTest::newRow("1.") << "1."
                        << "1.0";
    QTest::newRow("octal") << "017"
                           << "15";
    QTest::newRow("0o17") << "0o17"
                          << "\"0o17\"";
    QTest::newRow("hex") << "0x1A"
                         << "26";
    QTest::newRow("binary") << "0b101"
                            << "5";
    QTest::newRow("underscores") << "1_000"
                                 << "1000";
    QTest::newRow("sexagesimal") << "1:30"
                                 << "90";
    QTest::newRow("sexagesimal float") << "1:30.5"
                                       << "90.5";
    QTest::newRow("inf") << "-.inf"
                         << "-Infinity";
    QTest::newRow("quoted") << "'017'"
                            << "\"017\"";
    QTest::newRow("09") << "09"
                        << "\"09\"";
}

void tst_YamlReader::pyYamlScalars()
{
    QFETCH(QString, scalar);
    QFETCH(QString, json);
    QCOMPARE(QString::fromStdString(readAs(scalar.toStdString(), ScalarRules::PyYaml11)), json);
}

void tst_YamlReader::coreScalars_data()
{
    QTest::addColumn<QString>("scalar");
    QTest::addColumn<QString>("json");
    QTest::newRow("yes") << "yes"
                         << "\"yes\"";
    QTest::newRow("True") << "True"
                          << "true";
    QTest::newRow("1e3") << "1e3"
                         << "1000.0";
    QTest::newRow("017") << "017"
                         << "17";
    QTest::newRow("0o17") << "0o17"
                          << "15";
    QTest::newRow("1:30") << "1:30"
                          << "\"1:30\"";
    QTest::newRow("date") << "2024-01-01"
                          << "\"2024-01-01\"";
    QTest::newRow("None") << "None"
                          << "\"None\"";
    QTest::newRow("too big") << "99999999999999999999"
                             << "ERROR";
}

void tst_YamlReader::coreScalars()
{
    QFETCH(QString, scalar);
    QFETCH(QString, json);
    QCOMPARE(QString::fromStdString(readAs(scalar.toStdString(), ScalarRules::Yaml12Core)), json);
}

void tst_YamlReader::foldedBlockKeepsDoubleSpaces()
{
    const std::string text = "d: >-\n  a cloud storage bucket, \n  must be given.\n";
    Result<Value> value = YamlReader::parse(text, "t.yaml", ScalarRules::PyYaml11);
    QVERIFY(value.ok());
    QCOMPARE(value.value().find("d")->toString(),
        std::string("a cloud storage bucket,  must be given."));
}

void tst_YamlReader::marksOfKeysAndValues()
{
    Result<Value> value
        = YamlReader::parse("a: 1\nbb:\n  c: [x, y]\n", "t.yaml", ScalarRules::Yaml12Core);
    QVERIFY(value.ok());
    const Member *bb = value.value().findMember("bb");
    QCOMPARE(bb->keyMark, (SourceMark {2, 1}));
    const Value &list = *bb->value.find("c");
    QCOMPARE(list.items()[1].mark(), (SourceMark {3, 10}));
}

void tst_YamlReader::mergeKeys()
{
    Result<Value> value = YamlReader::parse(
        "base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n", "t.yaml", ScalarRules::PyYaml11);
    QVERIFY(value.ok());
    QCOMPARE(PyJson::dumps(*value.value().find("c"), PyJson::KeyOrder::Insertion),
        std::string(R"({"x": 1, "y": 3})"));
}

void tst_YamlReader::duplicateKeyWarns()
{
    Result<Value> value = YamlReader::parse("a: 1\na: 2\n", "t.yaml", ScalarRules::Yaml12Core);
    QVERIFY(value.ok());
    QCOMPARE(value.value().find("a")->toInt(), std::int64_t {2});
    QCOMPARE(value.diagnostics().size(), std::size_t {1});
    QCOMPARE(value.diagnostics().front().mark.line, 2);
}

void tst_YamlReader::syntaxErrorIsLocated()
{
    Result<Value> value
        = YamlReader::parse("a: [1, 2\nb: 3\n", "bad.yaml", ScalarRules::Yaml12Core);
    QVERIFY(!value.ok());
    const Diagnostic &d = value.diagnostics().front();
    QCOMPARE(d.file, std::string("bad.yaml"));
    QVERIFY(d.mark.isValid());
    QVERIFY(d.message.find("YAML syntax error") != std::string::npos);
}

void tst_YamlReader::dateIsRefusedUnderPyYaml()
{
    Result<Value> value = YamlReader::parse("when: 2024-01-01\n", "s.yaml", ScalarRules::PyYaml11);
    QVERIFY(!value.ok());
    QCOMPARE(value.diagnostics().front().mark, (SourceMark {1, 7}));
}

void tst_YamlReader::aliasBombIsStopped()
{
    std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char previous = 'a';
    for (char name = 'b'; name <= 'j'; ++name) {
        text += std::string(1, name) + ": &" + name + " [";
        for (int i = 0; i < 10; ++i)
            text += std::string(i ? ", " : "") + "*" + previous;
        text += "]\n";
        previous = name;
    }
    Result<Value> value = YamlReader::parse(text, "bomb.yaml", ScalarRules::PyYaml11);
    QVERIFY(!value.ok());
    QVERIFY(value.errorMessage().find("aliases") != std::string::npos);
}

void tst_YamlReader::deepNestingIsStopped()
{
    const std::string flow = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
    QVERIFY(!YamlReader::parse(flow, "deep.yaml", ScalarRules::PyYaml11).ok());
    std::string block;
    for (int i = 0; i < 5000; ++i)
        block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
    Result<Value> value = YamlReader::parse(block, "deep.yaml", ScalarRules::Yaml12Core);
    QVERIFY(!value.ok());
}

void tst_YamlReader::invalidUtf8IsLocated()
{
    Result<Value> value
        = YamlReader::parse("a: ok\nb: \xff\n", "bin.yaml", ScalarRules::Yaml12Core);
    QVERIFY(!value.ok());
    QCOMPARE(value.diagnostics().front().mark, (SourceMark {2, 4}));
}

void tst_YamlReader::hugeFileIsRefused()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("huge.yaml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.resize(2 * 1024 * 1024);
    file.close();
    YamlLimits limits;
    limits.maxFileBytes = 1024 * 1024;
    Result<Value> value = YamlReader::readFile(file.fileName(), ScalarRules::Yaml12Core, limits);
    QVERIFY(!value.ok());
    QVERIFY(value.errorMessage().find("bytes") != std::string::npos);
}

void tst_YamlReader::severalDocumentsAreRefused()
{
    QVERIFY(!YamlReader::parse("a: 1\n---\nb: 2\n", "t.yaml", ScalarRules::Yaml12Core).ok());
}

void tst_YamlReader::emptyDocumentIsNull()
{
    Result<Value> value = YamlReader::parse("", "t.yaml", ScalarRules::Yaml12Core);
    QVERIFY(value.ok());
    QVERIFY(value.value().isNull());
}

QTEST_GUILESS_MAIN(tst_YamlReader)
#include "tst_YamlReader.moc"
