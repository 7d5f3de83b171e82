// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/ArgumentEditor.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace fondant;

class tst_ArgumentEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void intShowsDefaultThenEmits();
    void boolAndText();
    void jsonIsCheckedBeforeEmitting();
    void valueOfTheWrongTypeIsFlagged();
};

static ArgumentSpec argument(const char *name, const char *type, std::optional<Value> defaultValue)
{
    return ArgumentSpec {name, type, "help", std::move(defaultValue), {}};
}

void tst_ArgumentEditor::intShowsDefaultThenEmits()
{
    ArgumentEditor editor(argument("n", "int", Value(8)));
    auto *spin = editor.findChild<QSpinBox *>();
    QCOMPARE(spin->value(), 8);
    QVERIFY(!editor.isSet());
    QSignalSpy edited(&editor, &ArgumentEditor::valueEdited);
    spin->setValue(9);
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).value<Value>().toInt(), std::int64_t {9});
    QVERIFY(editor.isSet());
    const Value explicitValue(12);
    editor.setValue(&explicitValue);
    QCOMPARE(spin->value(), 12);
    QCOMPARE(edited.count(), 1); // showing a value emits nothing
}

void tst_ArgumentEditor::boolAndText()
{
    ArgumentEditor flag(argument("b", "bool", Value(true)));
    QSignalSpy flagged(&flag, &ArgumentEditor::valueEdited);
    flag.findChild<QCheckBox *>()->setChecked(false);
    QCOMPARE(flagged.at(0).at(0).value<Value>().toBool(), false);

    ArgumentEditor text(argument("s", "str", Value("en")));
    QCOMPARE(text.findChild<QLineEdit *>()->placeholderText(), QStringLiteral("en"));
    QSignalSpy typed(&text, &ArgumentEditor::valueEdited);
    QTest::keyClicks(text.findChild<QLineEdit *>(), QStringLiteral("fr"));
    QCOMPARE(typed.last().at(0).value<Value>().toString(), std::string("fr"));
}

void tst_ArgumentEditor::jsonIsCheckedBeforeEmitting()
{
    ArgumentEditor editor(argument("l", "list", Value(Value::Array {})));
    QSignalSpy edited(&editor, &ArgumentEditor::valueEdited);
    auto *text = editor.findChild<QPlainTextEdit *>();
    text->setPlainText(QStringLiteral("[1, 2"));
    QCOMPARE(edited.count(), 0);
    QVERIFY(editor.problem().contains(QStringLiteral("JSON")));
    text->setPlainText(QStringLiteral("{\"a\": 1}"));
    QCOMPARE(edited.count(), 0);
    QVERIFY(editor.problem().contains(QStringLiteral("list")));
    text->setPlainText(QStringLiteral("[1, 2]"));
    QCOMPARE(edited.count(), 1);
    QCOMPARE(editor.problem(), QString());
}

void tst_ArgumentEditor::valueOfTheWrongTypeIsFlagged()
{
    ArgumentEditor editor(argument("n", "int", std::nullopt));
    const Value text("64");
    editor.setValue(&text);
    QVERIFY(editor.problem().contains(QStringLiteral("\"64\"")));
    editor.findChild<QSpinBox *>()->setValue(64);
    QCOMPARE(editor.problem(), QString());
}

QTEST_MAIN(tst_ArgumentEditor)
#include "tst_ArgumentEditor.moc"
