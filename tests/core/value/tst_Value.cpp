// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/value/Value.h"

#include <QTest>

using namespace fondant;

class tst_Value : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setKeepsFirstPositionLikeADict();
    void pythonEquality();
    void truthiness();
    void remove();
};

void tst_Value::setKeepsFirstPositionLikeADict()
{
    Value object = Value::object();
    object.set("b", 1);
    object.set("a", 2);
    object.set("b", 3);
    QCOMPARE(object.size(), std::size_t {2});
    QCOMPARE(object.members()[0].key, std::string("b"));
    QCOMPARE(object.find("b")->toInt(), std::int64_t {3});
}

void tst_Value::pythonEquality()
{
    QVERIFY(Value(1) == Value(1.0));
    QVERIFY(Value(true) == Value(1));
    QVERIFY(!(Value("1") == Value(1)));
    Value a = Value::object();
    a.set("x", 1);
    a.set("y", 2);
    Value b = Value::object();
    b.set("y", 2);
    b.set("x", 1);
    QVERIFY(a == b);
    QVERIFY(!(Value(Value::Array {1, 2}) == Value(Value::Array {2, 1})));
}

void tst_Value::truthiness()
{
    QVERIFY(!Value().isTruthy());
    QVERIFY(!Value(0).isTruthy());
    QVERIFY(!Value("").isTruthy());
    QVERIFY(!Value::object().isTruthy());
    QVERIFY(Value("None").isTruthy());
    QVERIFY(Value(0.1).isTruthy());
}

void tst_Value::remove()
{
    Value object = Value::object();
    object.set("a", 1);
    QVERIFY(object.remove("a"));
    QVERIFY(!object.remove("a"));
    QVERIFY(!object.contains("a"));
}

QTEST_GUILESS_MAIN(tst_Value)
#include "tst_Value.moc"
