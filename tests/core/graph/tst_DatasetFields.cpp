// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/DatasetFields.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace fondant;

class tst_DatasetFields : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setsLikeAPythonDict();
    void copiesAreIndependent();
    void comparesFieldsAndProducers();
    void listsTheFirstNames();
    void agreesWithAPlainListOnRandomEdits();
};

namespace {

FieldType type(const char *name)
{
    return FieldType::fromName(name).value();
}

std::string producers(const DatasetFields &fields)
{
    std::string text;
    for (const DatasetFields::Entry *entry : fields.entries())
        text += (text.empty() ? "" : ",") + entry->producer;
    return text;
}

} // namespace

void tst_DatasetFields::setsLikeAPythonDict()
{
    DatasetFields fields;
    QVERIFY(fields.empty());
    QCOMPARE(fields.names(), std::string("(none)"));
    fields.set("text", type("string"), "load");
    fields.set("stars", type("int8"), "load");
    fields.set("length", type("int32"), "trim");
    fields.set("text", type("utf8"), "trim"); // replaced where it stands
    QCOMPARE(fields.size(), std::size_t(3));
    QCOMPARE(fields.names(), std::string("text, stars, length"));
    QCOMPARE(producers(fields), std::string("trim,load,trim"));
    QVERIFY(fields.find("stars"));
    QCOMPARE(fields.find("stars")->field.type, type("int8"));
    QCOMPARE(fields.find("text")->field.type, type("string")); // utf8 normalises to string
    QVERIFY(!fields.find("star"));
    QVERIFY(!fields.find(""));
    QCOMPARE(fields.fields().size(), std::size_t(3));
    QCOMPARE(fields.fields()[2].name, std::string("length"));
}

void tst_DatasetFields::copiesAreIndependent()
{
    DatasetFields input;
    for (int i = 0; i < 100; ++i)
        input.set("f" + std::to_string(i), type("int32"), "load");
    DatasetFields output = input;
    output.set("f50", type("string"), "edit");
    output.set("extra", type("bool"), "edit");
    QCOMPARE(input.size(), std::size_t(100));
    QCOMPARE(input.find("f50")->field.type, type("int32"));
    QVERIFY(!input.find("extra"));
    QCOMPARE(output.size(), std::size_t(101));
    QCOMPARE(output.find("f50")->field.type, type("string"));
    QCOMPARE(output.entries().back()->field.name, std::string("extra"));
}

void tst_DatasetFields::comparesFieldsAndProducers()
{
    DatasetFields base;
    base.set("a", type("string"), "load");
    base.set("b", type("int32"), "load");

    // The same fields reached on different paths compare equal.
    DatasetFields left = base;
    left.set("c", type("bool"), "x");
    DatasetFields right;
    right.set("a", type("int8"), "load");
    right.set("b", type("int32"), "load");
    right.set("a", type("string"), "load");
    right.set("c", type("bool"), "x");
    QVERIFY(left.sameFieldsAs(right));
    QVERIFY(left == right);

    DatasetFields otherProducer = base;
    otherProducer.set("c", type("bool"), "y");
    QVERIFY(left.sameFieldsAs(otherProducer));
    QVERIFY(!(left == otherProducer));

    DatasetFields otherType = base;
    otherType.set("c", type("int8"), "x");
    QVERIFY(!left.sameFieldsAs(otherType));

    DatasetFields otherOrder;
    otherOrder.set("b", type("int32"), "load");
    otherOrder.set("a", type("string"), "load");
    otherOrder.set("c", type("bool"), "x");
    QVERIFY(!left.sameFieldsAs(otherOrder));

    DatasetFields otherName = base;
    otherName.set("d", type("bool"), "x");
    QVERIFY(!left.sameFieldsAs(otherName));
    QVERIFY(!left.sameFieldsAs(base));
}

void tst_DatasetFields::listsTheFirstNames()
{
    DatasetFields fields;
    for (int i = 0; i < 10; ++i)
        fields.set("f" + std::to_string(i), type("int32"), "load");
    QCOMPARE(fields.names(3), std::string("f0, f1, f2 and 7 more"));
    QCOMPARE(fields.names(10), std::string("f0, f1, f2, f3, f4, f5, f6, f7, f8, f9"));
    QCOMPARE(fields.entries(2).size(), std::size_t(2));
    QCOMPARE(fields.entries(2)[1]->field.name, std::string("f1"));
}

// Random sets on a chain of copies, checked against a vector with the dict rule.
void tst_DatasetFields::agreesWithAPlainListOnRandomEdits()
{
    QRandomGenerator random(7);
    const char *types[] = {"string", "int32", "bool"};
    std::vector<DatasetFields> versions(1);
    std::vector<std::vector<DatasetFields::Entry>> expected(1);
    for (int edit = 0; edit < 3000; ++edit) {
        const auto from
            = static_cast<std::size_t>(random.bounded(static_cast<int>(versions.size())));
        DatasetFields next = versions[from];
        std::vector<DatasetFields::Entry> list = expected[from];
        const std::string name = "n" + std::to_string(random.bounded(400));
        const FieldType fieldType = type(types[random.bounded(3)]);
        const std::string producer = "s" + std::to_string(edit);
        next.set(name, fieldType, producer);
        auto it = std::find_if(list.begin(), list.end(),
            [&](const DatasetFields::Entry &e) { return e.field.name == name; });
        if (it == list.end())
            list.push_back({Field {name, fieldType}, producer});
        else
            *it = {Field {name, fieldType}, producer};
        versions.push_back(next);
        expected.push_back(list);
    }
    for (std::size_t v = 0; v < versions.size(); v += 97) {
        const std::vector<const DatasetFields::Entry *> entries = versions[v].entries();
        QCOMPARE(entries.size(), expected[v].size());
        for (std::size_t i = 0; i < entries.size(); ++i) {
            QCOMPARE(entries[i]->field.name, expected[v][i].field.name);
            QCOMPARE(entries[i]->producer, expected[v][i].producer);
            QVERIFY(versions[v].find(expected[v][i].field.name) == entries[i]);
        }
    }
}

QTEST_GUILESS_MAIN(tst_DatasetFields)
#include "tst_DatasetFields.moc"
