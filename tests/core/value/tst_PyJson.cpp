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
    void separatorsAndOrder();
    void sortsAtEveryDepthButNotLists();
};

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
    QTest::newRow("slash and DEL kept") << "a/b\x7f"
                                        << "\"a/b\x7f\"";
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

QTEST_GUILESS_MAIN(tst_PyJson)
#include "tst_PyJson.moc"
