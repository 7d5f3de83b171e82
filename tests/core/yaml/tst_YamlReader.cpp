// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/yaml/YamlReader.h"

#include "core/value/PyJson.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

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
    void commentsBelongToTheKeyOrItemTheyPrecedeOrEnd();
    void hashInsideScalarsIsText();
    void mergeKeys();
    void duplicateKeyIsAnErrorInDocuments();
    void duplicateKeyLastWinsInSpecs();
    void documentsAsPyYamlReadsThem_data();
    void documentsAsPyYamlReadsThem();
    void keysKeepTheirType();
    void depthCountsThroughAliases();
    void integersBeyondPythonsLimitAreRefused();
    void controlCharacterIsLocated();
    void pipeIsNotRead();
    void syntaxErrorIsLocated();
    void dateIsRefusedUnderPyYaml();
    void aliasBombIsStopped();
    void aliasesOfLongTextAreStopped();
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
    QTest::newRow("beyond 64 bits") << "99999999999999999999"
                                    << "99999999999999999999";
    QTest::newRow("smallest int64") << "-9223372036854775808"
                                    << "-9223372036854775808";
    QTest::newRow("beyond -2^63") << "-9223372036854775809"
                                  << "-9223372036854775809";
    QTest::newRow("hex beyond 64 bits") << "0x1FFFFFFFFFFFFFFFFF"
                                        << "590295810358705651711";
    QTest::newRow("leading zeros") << "007"
                                   << "7";
    QTest::newRow("long float literal")
        << QString::fromStdString("0." + std::string(300, '0') + "1") << "1e-301";
    QTest::newRow("overflow") << "1e999"
                              << "Infinity";
    QTest::newRow("underflow") << "1e-999"
                               << "0.0";
    QTest::newRow("subnormal") << "5e-324"
                               << "5e-324";
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

void tst_YamlReader::commentsBelongToTheKeyOrItemTheyPrecedeOrEnd()
{
    using Owner = YamlComments::Owner;
    Result<CommentedValue> read = YamlReader::parseWithComments("# opens the file\n"
                                                                "a: 1  # after a\n"
                                                                "list:  # after list\n"
                                                                "  # above x\n"
                                                                "  - x  # after x\n"
                                                                "  -   # above the mapping\n"
                                                                "    k: v\n"
                                                                "flow: {f: 1,  # after f\n"
                                                                "  g: 2}  # after flow\n"
                                                                "scalar:\n"
                                                                "  # between key and value\n"
                                                                "  s\n"
                                                                "#\n"
                                                                "# ends the file\n",
        "t.yaml", ScalarRules::Yaml12Core);
    QVERIFY2(read.ok(), read.errorMessage().c_str());
    YamlComments &comments = read->comments;
    QCOMPARE(comments.take({2, 1}, Owner::Key),
        (ElementComments {" opens the file\n", std::string(" after a")}));
    QCOMPARE(comments.take({2, 1}, Owner::Key), ElementComments {}); // taken once
    QCOMPARE(comments.take({3, 1}, Owner::Key), (ElementComments {"", std::string(" after list")}));
    QCOMPARE(comments.take({5, 5}, Owner::Item),
        (ElementComments {" above x\n", std::string(" after x")}));
    // The mapping item and its first key start at one place: the lines above go to the item.
    QCOMPARE(comments.take({7, 5}, Owner::Item), (ElementComments {" above the mapping\n", {}}));
    QCOMPARE(comments.take({7, 5}, Owner::Key), ElementComments {});
    QCOMPARE(comments.take({8, 8}, Owner::Key), (ElementComments {"", std::string(" after f")}));
    // A comment after a collection that closes on its line belongs to the collection's key.
    QCOMPARE(comments.take({8, 1}, Owner::Key), (ElementComments {"", std::string(" after flow")}));
    QCOMPARE(
        comments.take({10, 1}, Owner::Key), (ElementComments {" between key and value\n", {}}));
    QCOMPARE(comments.takeTail(), std::string("\n ends the file\n"));
}

void tst_YamlReader::hashInsideScalarsIsText()
{
    Result<CommentedValue> read
        = YamlReader::parseWithComments("a: \"x#y # z\"\nb: 'p # q'\nc: value#notacomment\n"
                                        "d: |\n  # block text\ne: [m#n]\n",
            "t.yaml", ScalarRules::Yaml12Core);
    QVERIFY2(read.ok(), read.errorMessage().c_str());
    const Value &value = read->value;
    QCOMPARE(value.find("a")->toString(), std::string("x#y # z"));
    QCOMPARE(value.find("b")->toString(), std::string("p # q"));
    QCOMPARE(value.find("c")->toString(), std::string("value#notacomment"));
    QCOMPARE(value.find("d")->toString(), std::string("# block text\n"));
    QCOMPARE(value.find("e")->items()[0].toString(), std::string("m#n"));
    for (int line = 1; line <= 6; ++line)
        for (int column = 1; column <= 8; ++column)
            for (const auto owner : {YamlComments::Owner::Key, YamlComments::Owner::Item})
                QCOMPARE(read->comments.take({line, column}, owner), ElementComments {});
    QCOMPARE(read->comments.takeTail(), std::string());
}

void tst_YamlReader::mergeKeys()
{
    Result<Value> value = YamlReader::parse(
        "base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n", "t.yaml", ScalarRules::PyYaml11);
    QVERIFY(value.ok());
    QCOMPARE(PyJson::dumps(*value.value().find("c"), PyJson::KeyOrder::Insertion),
        std::string(R"({"x": 1, "y": 3})"));
}

void tst_YamlReader::duplicateKeyIsAnErrorInDocuments()
{
    // Python's dict keys: 1 and 1.0 are the same key.
    for (const char *text : {"a: 1\nb: 0\na: 2\n", "m: {1: x, 1.0: y}\n"}) {
        Result<Value> value = YamlReader::parse(text, "t.yaml", ScalarRules::Yaml12Core);
        QVERIFY(!value.ok());
        const Diagnostic &d = value.diagnostics().front();
        QVERIFY(d.message.find("duplicate key") != std::string::npos);
        QVERIFY(d.mark == (SourceMark {3, 1}) || d.mark == (SourceMark {1, 11}));
    }
}

void tst_YamlReader::duplicateKeyLastWinsInSpecs()
{
    // PyYAML's safe_load keeps the first key's place and the last value.
    Result<Value> value
        = YamlReader::parse("a: 1\nb: 0\na: 2\n", "spec.yaml", ScalarRules::PyYaml11);
    QVERIFY(value.ok());
    QCOMPARE(PyJson::dumps(value.value(), PyJson::KeyOrder::Insertion),
        std::string(R"({"a": 2, "b": 0})"));
}

void tst_YamlReader::documentsAsPyYamlReadsThem_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("json");
    // PyYAML 6 safe_load of each text, as json.dumps (ensure_ascii) prints it.
    QTest::newRow("NEL, NBSP, LS, PS escapes") << R"(v: "x\N\_\L\Py")"
                                               << R"("x\u0085\u00a0\u2028\u2029y")";
    QTest::newRow("DEL escape") << R"(v: "a\x7fb")"
                                << R"("a\u007fb")";
    QTest::newRow("folded keep chomping") << "v: >+\n  one\n  two\n\n\nb: 1\n"
                                          << R"("one two\n\n\n")";
    QTest::newRow("tag on a block scalar in a block sequence") << "v:\n- !!str |-\n  block\n- x\n"
                                                               << R"(["block", "x"])";
    QTest::newRow("sexagesimal float summed from the right") << "v: 107:56:28.20478"
                                                             << "388588.20478000003";
    QTest::newRow("sexagesimal int") << "v: 190:20:30"
                                     << "685230";
    QTest::newRow("binary and underscores") << "v: [-0b1, 1_000, 0x_1F]"
                                            << "[-1, 1000, 31]";
    QTest::newRow("merge of a list: the first mapping wins, the last comes first")
        << "b: &b {x: 1, y: 2}\no: &o {y: 9, z: 3}\nv:\n  <<: [*b, *o]\n  w: 0\n"
        << R"({"y": 2, "z": 3, "x": 1, "w": 0})";
    QTest::newRow("non-specific tag resolves") << "v: ! 12"
                                               << "12";
    QTest::newRow("explicit str tag") << "v: !!str 012"
                                      << R"("012")";
    QTest::newRow("explicit float tag on an int") << "v: !!float 3"
                                                  << "3.0";
    QTest::newRow("yes key is true") << "v: {yes: 1, off: 0}"
                                     << R"({"true": 1, "false": 0})";
}

void tst_YamlReader::documentsAsPyYamlReadsThem()
{
    QFETCH(QString, yaml);
    QFETCH(QString, json);
    Result<Value> value = YamlReader::parse(yaml.toStdString(), "t.yaml", ScalarRules::PyYaml11);
    QVERIFY2(value.ok(), value.errorMessage().c_str());
    QCOMPARE(QString::fromStdString(
                 PyJson::dumps(*value.value().find("v"), PyJson::KeyOrder::Insertion)),
        json);
}

void tst_YamlReader::keysKeepTheirType()
{
    Result<Value> value
        = YamlReader::parse("{9: a, \"9b\": b, true: c, null: d, 1.5: e, 99999999999999999999: f}",
            "t.yaml", ScalarRules::Yaml12Core);
    QVERIFY(value.ok());
    const Value::Object &members = value.value().members();
    QCOMPARE(members.size(), std::size_t {6});
    QCOMPARE(members[0].keyKind, Value::Kind::Int);
    QCOMPARE(members[0].key, std::string("9"));
    QCOMPARE(members[1].keyKind, Value::Kind::String);
    QCOMPARE(members[2].keyKind, Value::Kind::Bool);
    QCOMPARE(members[2].key, std::string("true"));
    QCOMPARE(members[3].keyKind, Value::Kind::Null);
    QCOMPARE(members[4].keyKind, Value::Kind::Float);
    QCOMPARE(members[5].keyValue().intText(), std::string("99999999999999999999"));
}

void tst_YamlReader::depthCountsThroughAliases()
{
    // Each level nests the previous one twice: 300 levels in a few kilobytes.
    std::string text = "l0: &l0 [x]\n";
    for (int i = 1; i <= 300; ++i)
        text += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [*l"
            + std::to_string(i - 1) + "]\n";
    Result<Value> value = YamlReader::parse(text, "deep.yaml", ScalarRules::PyYaml11);
    QVERIFY(!value.ok());
    QVERIFY(value.errorMessage().find("nests deeper") != std::string::npos);
}

void tst_YamlReader::integersBeyondPythonsLimitAreRefused()
{
    const std::string digits(4301, '7');
    Result<Value> value = YamlReader::parse("v: " + digits, "t.yaml", ScalarRules::Yaml12Core);
    QVERIFY(!value.ok());
    QVERIFY(value.errorMessage().find("4300") != std::string::npos);
    QVERIFY(
        YamlReader::parse("v: " + std::string(4300, '7'), "t.yaml", ScalarRules::Yaml12Core).ok());
}

void tst_YamlReader::controlCharacterIsLocated()
{
    Result<Value> value = YamlReader::parse("a: 1\nb: x\x7fy\n", "t.yaml", ScalarRules::Yaml12Core);
    QVERIFY(!value.ok());
    QCOMPARE(value.diagnostics().front().mark, (SourceMark {2, 5}));
    QVERIFY(value.errorMessage().find("U+007F") != std::string::npos);
}

void tst_YamlReader::pipeIsNotRead()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe.yaml"));
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    Result<Value> value = YamlReader::readFile(fifo, ScalarRules::Yaml12Core);
    QVERIFY(!value.ok());
    QVERIFY(value.errorMessage().find("regular file") != std::string::npos);
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
    QVERIFY(value.errorMessage().find("counting every copy an alias makes") != std::string::npos);
}

// Few values, but each alias copies a long text: the text, not the count, runs out of memory.
void tst_YamlReader::aliasesOfLongTextAreStopped()
{
    std::string text = "a: &a " + std::string(1 << 20, 'x') + "\nb: [";
    for (int i = 0; i < 100; ++i)
        text += std::string(i ? ", " : "") + "*a";
    text += "]\n";
    Result<Value> value = YamlReader::parse(text, "long.yaml", ScalarRules::Yaml12Core);
    QVERIFY(!value.ok());
    QVERIFY(value.errorMessage().find("text expands to more than 64 MiB") != std::string::npos);
    QCOMPARE(value.diagnostics().front().mark.line, 2);
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
