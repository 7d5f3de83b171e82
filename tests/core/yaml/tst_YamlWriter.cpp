// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/yaml/YamlWriter.h"

#include "core/value/PyJson.h"
#include "core/value/Value.h"
#include "core/yaml/YamlReader.h"

#include <QTest>

#include <cmath>

using namespace fondant;

class tst_YamlWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commasNeedQuotesOnlyInFlow();
    void quotesAmbiguousText_data();
    void quotesAmbiguousText();
    void floatsStayFloatsUnderBothRules();
    void blockValuesReadBack();
    void longKeysAreWrittenExplicitly();
};

void tst_YamlWriter::quotesAmbiguousText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("plain");
    QTest::newRow("word") << "hello" << true;
    QTest::newRow("path") << "/data/reviews.parquet" << true;
    QTest::newRow("yes") << "yes" << false;
    QTest::newRow("number") << "10" << false;
    QTest::newRow("null word") << "null" << false;
    QTest::newRow("date") << "2024-01-01" << false;
    QTest::newRow("colon space") << "a: b" << false;
    QTest::newRow("leading dash") << "-x" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("newline") << "a\nb" << false;
    QTest::newRow("url") << "gs://bucket/wd" << true;
}

void tst_YamlWriter::quotesAmbiguousText()
{
    QFETCH(QString, text);
    QFETCH(bool, plain);
    const std::string written = YamlWriter::text(text.toStdString());
    QCOMPARE(written == text.toStdString(), plain);
    for (ScalarRules rules : {ScalarRules::Yaml12Core, ScalarRules::PyYaml11}) {
        Result<Value> back = YamlReader::parse("v: " + written + "\n", "t.yaml", rules);
        QVERIFY(back.ok());
        QCOMPARE(back.value().find("v")->toString(), text.toStdString());
    }
}

void tst_YamlWriter::floatsStayFloatsUnderBothRules()
{
    for (double value : {1e-05, 0.75, 1e16, 100.0}) {
        const std::string written = YamlWriter::scalar(Value(value));
        for (ScalarRules rules : {ScalarRules::Yaml12Core, ScalarRules::PyYaml11}) {
            Result<Value> back = YamlReader::parse("v: " + written + "\n", "t.yaml", rules);
            QVERIFY(back.ok());
            QVERIFY2(back.value().find("v")->isFloat(), written.c_str());
            QCOMPARE(back.value().find("v")->toDouble(), value);
        }
    }
    QCOMPARE(YamlWriter::scalar(Value(std::nan(""))), std::string(".nan"));
}

void tst_YamlWriter::blockValuesReadBack()
{
    Result<Value> original = YamlReader::parse(
        "a: {x: [1, 2.5, {y: null}], 'on': true}\nb: []\nc: {}\nd: [[1, 2], [], {e: f}]\n",
        "t.yaml", ScalarRules::Yaml12Core);
    QVERIFY(original.ok());
    std::string out;
    for (const Member &member : original.value().members())
        YamlWriter::appendMember(out, member.key, member.value, 0);
    Result<Value> back = YamlReader::parse(out, "back.yaml", ScalarRules::Yaml12Core);
    QVERIFY2(back.ok(), out.c_str());
    QCOMPARE(PyJson::dumps(back.value(), PyJson::KeyOrder::Insertion),
        PyJson::dumps(original.value(), PyJson::KeyOrder::Insertion));
}

// Readers refuse implicit keys over 1,024 characters (found by fuzzing).
void tst_YamlWriter::longKeysAreWrittenExplicitly()
{
    const std::string longKey(1100, 'k');
    Value inner = Value::object();
    inner.set(longKey, 1);
    inner.set("b", 2);
    Value list = Value::array();
    list.append(inner);
    Value nested = Value::object();
    nested.set(longKey, inner);
    Value root = Value::object();
    root.set("block", inner);
    root.set("items", list);
    root.set(longKey, inner);
    root.set("nested", nested);
    root.set("flow", Value::array());
    root.find("flow")->append(Value::array());
    root.find("flow")->items()[0].append(inner); // a mapping in a list in a list: written in flow
    std::string out;
    for (const Member &member : root.members())
        YamlWriter::appendMember(out, member, 0);
    for (ScalarRules rules : {ScalarRules::Yaml12Core, ScalarRules::PyYaml11}) {
        Result<Value> back = YamlReader::parse(out, "back.yaml", rules);
        QVERIFY2(back.ok(), back.ok() ? "" : back.errorMessage().c_str());
        QCOMPARE(PyJson::dumps(back.value(), PyJson::KeyOrder::Insertion),
            PyJson::dumps(root, PyJson::KeyOrder::Insertion));
    }
}

void tst_YamlWriter::commasNeedQuotesOnlyInFlow()
{
    const std::string text = "Clean reviews, embed them [fast] {ok}";
    QCOMPARE(YamlWriter::text(text), text);
    QCOMPARE(YamlWriter::flowText(text), "\"" + text + "\"");
    Value list = Value::array();
    list.append(text);
    QCOMPARE(YamlWriter::flow(list), "[\"" + text + "\"]");
    for (ScalarRules rules : {ScalarRules::Yaml12Core, ScalarRules::PyYaml11}) {
        Result<Value> block = YamlReader::parse("v: " + YamlWriter::text(text) + "\n", "t", rules);
        QCOMPARE(block->find("v")->toString(), text);
        Result<Value> flow = YamlReader::parse("v: " + YamlWriter::flow(list) + "\n", "t", rules);
        QCOMPARE(flow->find("v")->items().front().toString(), text);
    }
}

QTEST_GUILESS_MAIN(tst_YamlWriter)
#include "tst_YamlWriter.moc"
