// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/spec/FieldType.h"

#include "core/value/JsonReader.h"
#include "core/value/PyJson.h"

#include <QTest>

using namespace fondant;

class tst_FieldType : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalises_data();
    void normalises();
    void displayNames();
    void fieldListSetsInPlace();
};

void tst_FieldType::normalises_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("string") << "\"string\""
                            << R"({"type": "string"})";
    QTest::newRow("utf8") << "\"utf8\""
                          << R"({"type": "string"})";
    QTest::newRow("timestamp") << "\"timestamp\""
                               << R"({"type": "string", "format": "date-time"})";
    QTest::newRow("struct") << "\"struct\""
                            << R"({"type": "object", "properties": {}})";
    QTest::newRow("nested array")
        << R"({"type": "array", "items": {"type": "array", "items": "utf8"}})"
        << R"({"type": "array", "items": {"type": "array", "items": {"type": "string"}}})";
    QTest::newRow("other format dropped") << R"({"type": "string", "format": "uri"})"
                                          << R"({"type": "string"})";
    QTest::newRow("decimal refused") << "\"decimal\""
                                     << "ERROR";
    QTest::newRow("list refused") << "\"list\""
                                  << "ERROR";
    QTest::newRow("array without items") << R"({"type": "array"})"
                                         << "ERROR";
    QTest::newRow("object without properties") << R"({"type": "object"})"
                                               << "ERROR";
    QTest::newRow("no type") << R"({"items": "int8"})"
                             << "ERROR";
    QTest::newRow("unknown") << "\"text\""
                             << "ERROR";
}

void tst_FieldType::normalises()
{
    QFETCH(QString, input);
    QFETCH(QString, normalised);
    Result<Value> value = JsonReader::parse(input.toStdString(), "t");
    QVERIFY(value.ok());
    Result<FieldType> type = FieldType::fromValue(value.value());
    if (normalised == QLatin1String("ERROR")) {
        QVERIFY(!type.ok());
        QVERIFY(!type.errorMessage().empty());
        return;
    }
    QVERIFY2(type.ok(), type.errorMessage().c_str());
    QCOMPARE(
        QString::fromStdString(PyJson::dumps(type.value().toValue(), PyJson::KeyOrder::Insertion)),
        normalised);
}

void tst_FieldType::displayNames()
{
    Result<Value> value
        = JsonReader::parse(R"({"type": "array", "items": {"type": "float32"}})", "t");
    QCOMPARE(
        FieldType::fromValue(value.value()).value().displayName(), std::string("array<float32>"));
    QCOMPARE(FieldType::fromName("timestamp").value().displayName(), std::string("timestamp"));
    QVERIFY(FieldType::fromName("utf8").value() == FieldType::fromName("string").value());
}

void tst_FieldType::fieldListSetsInPlace()
{
    FieldList fields;
    setField(fields, "a", FieldType::fromName("int8").value());
    setField(fields, "b", FieldType::fromName("int8").value());
    setField(fields, "a", FieldType::fromName("string").value());
    QCOMPARE(fields.size(), std::size_t {2});
    QCOMPARE(fields[0].type.displayName(), std::string("string"));
    QCOMPARE(fieldNames(fields), std::string("a, b"));
}

QTEST_GUILESS_MAIN(tst_FieldType)
#include "tst_FieldType.moc"
