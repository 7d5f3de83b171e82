// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/value/JsonReader.h"

#include "core/value/PyJson.h"

#include <QTest>

#include <cmath>

using namespace fondant;

class tst_JsonReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsOrderAndNumberKinds();
    void integersBeyond64BitsStayExact();
    void pythonsNonFiniteNumbersAreRead();
    void repeatedKeysKeepTheirFirstPlaceAndLastValue();
    void syntaxErrorIsLocated();
    void deepNestingIsRefused();
    void tooManyValuesAreRefused();
    void nulBytesAreRefused();
    void missingFile();
};

void tst_JsonReader::keepsOrderAndNumberKinds()
{
    Result<Value> value
        = JsonReader::parse(R"({"b": 1, "a": 1.0, "c": [1e-05, "\u00e9"]})", "x.json");
    QVERIFY(value.ok());
    QVERIFY(value.value().find("b")->isInt());
    QVERIFY(value.value().find("a")->isFloat());
    QCOMPARE(PyJson::dumps(value.value(), PyJson::KeyOrder::Insertion),
        std::string(R"({"b": 1, "a": 1.0, "c": [1e-05, "\u00e9"]})"));
}

// As Python's json.loads: an integer of any size is an int, not a float.
void tst_JsonReader::integersBeyond64BitsStayExact()
{
    const std::string text = R"([18446744073709551616, -340282366920938463463374607431768211456, )"
                             R"(9223372036854775808, 1e20])";
    Result<Value> value = JsonReader::parse(text, "big.json");
    QVERIFY(value.ok());
    QVERIFY(value->items()[0].isBigInt());
    QVERIFY(value->items()[1].isBigInt());
    QVERIFY(value->items()[2].isBigInt());
    QVERIFY(value->items()[3].isFloat());
    QCOMPARE(PyJson::dumps(value.value(), PyJson::KeyOrder::Insertion),
        std::string("[18446744073709551616, -340282366920938463463374607431768211456, "
                    "9223372036854775808, 1e+20]"));
}

// Python's json.dumps writes NaN, Infinity and -Infinity, and json.loads reads them back.
void tst_JsonReader::pythonsNonFiniteNumbersAreRead()
{
    const std::string text = R"({"a": NaN, "b": [Infinity, -Infinity], "c": "NaN \" Infinity"})";
    Result<Value> value = JsonReader::parse(text, "nan.json");
    QVERIFY2(value.ok(), value.ok() ? "" : value.errorMessage().c_str());
    QVERIFY(std::isnan(value->find("a")->toDouble()));
    QCOMPARE(PyJson::dumps(value.value(), PyJson::KeyOrder::Insertion),
        std::string(R"({"a": NaN, "b": [Infinity, -Infinity], "c": "NaN \" Infinity"})"));
}

void tst_JsonReader::repeatedKeysKeepTheirFirstPlaceAndLastValue()
{
    // Python: json.dumps(json.loads('{"a": 1, "b": 2, "a": 3}')) == '{"a": 3, "b": 2}'
    Result<Value> small = JsonReader::parse(R"({"a": 1, "b": 2, "a": 3})", "x.json");
    QVERIFY(small.ok());
    QCOMPARE(PyJson::dumps(small.value(), PyJson::KeyOrder::Insertion),
        std::string(R"({"a": 3, "b": 2})"));

    // The same in an object large enough to be indexed, with a hundred thousand keys read in
    // linear time.
    std::string text = "{";
    for (int i = 0; i < 100000; ++i)
        text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    text += "\"k3\": \"again\"}";
    Result<Value> large = JsonReader::parse(text, "x.json");
    QVERIFY(large.ok());
    const Value::Object &members = large.value().members();
    QCOMPARE(members.size(), std::size_t {100000});
    QCOMPARE(members[3].key, std::string("k3"));
    QCOMPARE(members[3].value.toString(), std::string("again"));
    QCOMPARE(members.back().key, std::string("k99999"));
}

void tst_JsonReader::syntaxErrorIsLocated()
{
    Result<Value> value = JsonReader::parse("{\n  \"a\": tru\n}", "bad.json");
    QVERIFY(!value.ok());
    const Diagnostic &d = value.diagnostics().front();
    QCOMPARE(d.file, std::string("bad.json"));
    QCOMPARE(d.mark.line, 2);
}

void tst_JsonReader::deepNestingIsRefused()
{
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    Result<Value> value = JsonReader::parse(deep, "deep.json");
    QVERIFY(!value.ok());
    QVERIFY(value.errorMessage().find("deeper") != std::string::npos);
}

void tst_JsonReader::tooManyValuesAreRefused()
{
    // Small values cost far more in memory than in text: their number is bounded.
    std::string text = "[";
    for (std::size_t i = 1; i < JsonReader::maxValues; ++i)
        text += "0,";
    text.back() = ']';
    QVERIFY(JsonReader::parse(text, "many.json").ok()); // the list and its items
    text.insert(1, "0,");
    const Result<Value> value = JsonReader::parse(text, "many.json");
    QVERIFY(!value.ok());
    QVERIFY(
        value.diagnostics().front().message.find("more than 1000000 values") != std::string::npos);
}

void tst_JsonReader::nulBytesAreRefused()
{
    // Python's json.loads: "Extra data" after the object.
    const Result<Value> value = JsonReader::parse(std::string("{}\n\0garbage", 11), "nul.json");
    QVERIFY(!value.ok());
    QCOMPARE(value.diagnostics().front().mark.line, 2);
    QCOMPARE(value.diagnostics().front().mark.column, 1);
}

void tst_JsonReader::missingFile()
{
    Result<Value> value = JsonReader::readFile(QStringLiteral("/nonexistent/manifest.json"));
    QVERIFY(!value.ok());
    QCOMPARE(value.diagnostics().front().file, std::string("/nonexistent/manifest.json"));
}

QTEST_GUILESS_MAIN(tst_JsonReader)
#include "tst_JsonReader.moc"
