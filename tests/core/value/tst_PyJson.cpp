// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/value/PyJson.h"

#include "core/value/Value.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace fondant;

class tst_PyJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void floatRepr_data();
    void floatRepr();
    void escapes_data();
    void escapes();
    void keptTextWritesBytesThatAreNotUtf8AsReplacements();
    void separatorsAndOrder();
    void sortsAtEveryDepthButNotLists();
    void sortsKeysAsThePythonValuesTheyAre();
    void findsMappingsPythonCannotSort();
    void bigIntegersAreExact();
    void nanKeysSortAsPythonDoes();
};

namespace {

Member typedKey(const char *text, Value::Kind kind, Value value)
{
    return Member {text, std::move(value), {}, kind};
}

} // namespace

void tst_PyJson::floatRepr_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    // Python 3: repr(float)
    QTest::newRow("0.75") << 0.75 << "0.75";
    QTest::newRow("1.0") << 1.0 << "1.0";
    QTest::newRow("100.0") << 100.0 << "100.0";
    QTest::newRow("3.14") << 3.14 << "3.14";
    QTest::newRow("1e-05") << 1e-05 << "1e-05";
    QTest::newRow("0.0001") << 0.0001 << "0.0001";
    QTest::newRow("1e+16") << 1e16 << "1e+16";
    QTest::newRow("1e15") << 1e15 << "1000000000000000.0";
    QTest::newRow("1.5e+300") << 1.5e300 << "1.5e+300";
    QTest::newRow("0.1+0.2") << 0.1 + 0.2 << "0.30000000000000004";
    QTest::newRow("negative") << -2.5 << "-2.5";
    QTest::newRow("zero") << 0.0 << "0.0";
    QTest::newRow("negative zero") << -0.0 << "-0.0";
    QTest::newRow("big") << 12345678901234567.0 << "1.2345678901234568e+16";
    QTest::newRow("tiny") << 5e-324 << "5e-324";
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << "NaN";
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << "Infinity";
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << "-Infinity";
}

void tst_PyJson::floatRepr()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(PyJson::floatRepr(value)), expected);
}

void tst_PyJson::escapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("quote and backslash") << "a\"b\\c"
                                         << "\"a\\\"b\\\\c\"";
    QTest::newRow("controls") << "\n\r\t\b\f\x01"
                              << "\"\\n\\r\\t\\b\\f\\u0001\"";
    QTest::newRow("slash kept, DEL escaped") << "a/b\x7f"
                                             << "\"a/b\\u007f\"";
    QTest::newRow("latin") << QString::fromUtf8("é") << "\"\\u00e9\"";
    QTest::newRow("em dash") << QString::fromUtf8("—") << "\"\\u2014\"";
    QTest::newRow("astral") << QString::fromUtf8("😀") << "\"\\ud83d\\ude00\"";
}

void tst_PyJson::escapes()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(
                 PyJson::dumps(Value(text.toStdString()), PyJson::KeyOrder::Insertion)),
        expected);
}

void tst_PyJson::keptTextWritesBytesThatAreNotUtf8AsReplacements()
{
    // Folder names read from disk may be any bytes; the report stays valid JSON.
    const Value name(std::string("run-\xff\xfe-\xef\xbf\xbd-\xc3\xa9"));
    QCOMPARE(PyJson::dumps(name, PyJson::KeyOrder::Insertion, PyJson::Ascii::Keep),
        std::string("\"run-\xef\xbf\xbd\xef\xbf\xbd-\xef\xbf\xbd-\xc3\xa9\""));
    QCOMPARE(PyJson::dumps(name, PyJson::KeyOrder::Insertion),
        std::string(R"("run-\ufffd\ufffd-\ufffd-\u00e9")"));
}

void tst_PyJson::separatorsAndOrder()
{
    Value object = Value::object();
    object.set("b", Value::Array {1, true, Value()});
    object.set("a", 0.5);
    QCOMPARE(PyJson::dumps(object, PyJson::KeyOrder::Insertion),
        std::string(R"({"b": [1, true, null], "a": 0.5})"));
    QCOMPARE(PyJson::dumps(object, PyJson::KeyOrder::Sorted),
        std::string(R"({"a": 0.5, "b": [1, true, null]})"));
    QCOMPARE(PyJson::dumps(Value::object(), PyJson::KeyOrder::Sorted), std::string("{}"));
}

void tst_PyJson::sortsAtEveryDepthButNotLists()
{
    Value inner = Value::object();
    inner.set("z", 1);
    inner.set("Z", 2);
    inner.set("é", 3);
    Value outer = Value::object();
    outer.set("list", Value::Array {3, 1, 2});
    outer.set("inner", inner);
    QCOMPARE(PyJson::dumps(outer, PyJson::KeyOrder::Sorted),
        std::string(R"({"inner": {"Z": 2, "z": 1, "\u00e9": 3}, "list": [3, 1, 2]})"));
}

void tst_PyJson::sortsKeysAsThePythonValuesTheyAre()
{
    // json.dumps({10: 'b', 9: 'a', -1: 'c', 2.5: 'd', 2**64: 'big', -2**64: 'neg', True: 't'},
    // sort_keys=True) in Python 3.
    Value object = Value::object();
    object.appendMember(typedKey("10", Value::Kind::Int, "b"));
    object.appendMember(typedKey("9", Value::Kind::Int, "a"));
    object.appendMember(typedKey("-1", Value::Kind::Int, "c"));
    object.appendMember(typedKey("2.5", Value::Kind::Float, "d"));
    object.appendMember(typedKey("18446744073709551616", Value::Kind::Int, "big"));
    object.appendMember(typedKey("-18446744073709551616", Value::Kind::Int, "neg"));
    object.appendMember(typedKey("true", Value::Kind::Bool, "t"));
    QVERIFY(!PyJson::unsortableMapping(object));
    QCOMPARE(PyJson::dumps(object, PyJson::KeyOrder::Sorted),
        std::string(R"({"-18446744073709551616": "neg", "-1": "c", "true": "t", "2.5": "d", )"
                    R"("9": "a", "10": "b", "18446744073709551616": "big"})"));

    Value truth = Value::object(); // {True: 1, False: 0, 0.5: 'h'}
    truth.appendMember(typedKey("true", Value::Kind::Bool, 1));
    truth.appendMember(typedKey("false", Value::Kind::Bool, 0));
    truth.appendMember(typedKey("0.5", Value::Kind::Float, "h"));
    QCOMPARE(PyJson::dumps(truth, PyJson::KeyOrder::Sorted),
        std::string(R"({"false": 0, "0.5": "h", "true": 1})"));
    // Insertion order writes the keys as they came.
    QCOMPARE(PyJson::dumps(truth, PyJson::KeyOrder::Insertion),
        std::string(R"({"true": 1, "false": 0, "0.5": "h"})"));
}

void tst_PyJson::findsMappingsPythonCannotSort()
{
    // Python raises TypeError for {1: 'a', 'b': 2} and {None: 'a', 1: 2} under sort_keys.
    Value mixed = Value::object();
    mixed.appendMember(typedKey("1", Value::Kind::Int, "a"));
    mixed.appendMember(typedKey("b", Value::Kind::String, 2));
    Value withNull = Value::object();
    withNull.appendMember(typedKey("null", Value::Kind::Null, "a"));
    withNull.appendMember(typedKey("1", Value::Kind::Int, 2));
    Value aloneNull = Value::object();
    aloneNull.appendMember(typedKey("null", Value::Kind::Null, "a"));
    Value outer = Value::object();
    outer.set("list", Value::Array {1, mixed});
    QCOMPARE(PyJson::unsortableMapping(outer), &outer.find("list")->items()[1]);
    QCOMPARE(PyJson::unsortableMapping(withNull), &withNull);
    QCOMPARE(PyJson::unsortableMapping(aloneNull), nullptr);
}

void tst_PyJson::bigIntegersAreExact()
{
    const Value big(BigInt {"-340282366920938463463374607431768211456"});
    QVERIFY(big.isInt());
    QVERIFY(big.isBigInt());
    QCOMPARE(PyJson::dumps(Value::Array {big, std::numeric_limits<std::int64_t>::min()},
                 PyJson::KeyOrder::Sorted),
        std::string("[-340282366920938463463374607431768211456, -9223372036854775808]"));
}

void tst_PyJson::nanKeysSortAsPythonDoes()
{
    // Comparisons with NaN are all false, so Python's order follows its sorting steps:
    // json.dumps({1e-05: 'a', nan: 'b', 1e16: 'c', -0.5: 'd'}, sort_keys=True) and
    // json.dumps({3.0: 'x', nan: 'n', 1.0: 'y', 2.0: 'z'}, sort_keys=True) in Python 3.11.
    Value first = Value::object();
    first.appendMember(typedKey("1e-05", Value::Kind::Float, "a"));
    first.appendMember(typedKey("NaN", Value::Kind::Float, "b"));
    first.appendMember(typedKey("1e+16", Value::Kind::Float, "c"));
    first.appendMember(typedKey("-0.5", Value::Kind::Float, "d"));
    QCOMPARE(PyJson::dumps(first, PyJson::KeyOrder::Sorted),
        std::string(R"({"1e-05": "a", "NaN": "b", "-0.5": "d", "1e+16": "c"})"));
    Value second = Value::object();
    second.appendMember(typedKey("3.0", Value::Kind::Float, "x"));
    second.appendMember(typedKey("NaN", Value::Kind::Float, "n"));
    second.appendMember(typedKey("1.0", Value::Kind::Float, "y"));
    second.appendMember(typedKey("2.0", Value::Kind::Float, "z"));
    QCOMPARE(PyJson::dumps(second, PyJson::KeyOrder::Sorted),
        std::string(R"({"3.0": "x", "NaN": "n", "1.0": "y", "2.0": "z"})"));
}

QTEST_GUILESS_MAIN(tst_PyJson)
#include "tst_PyJson.moc"
