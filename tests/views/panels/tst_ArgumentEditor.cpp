// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/ArgumentEditor.h"

#include "views/panels/NoteLabel.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace fondant;

class tst_ArgumentEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unsetIntIsEmptyWithTheDefault();
    void typingSetsAndClearingUnsets();
    void invalidTextIsShownAndNotEmitted();
    void floatsShowAsPythonWritesThem();
    void floatsAreNeverRounded();
    void descriptionIsShown();
    void longDescriptionIsClamped();
    void boolAndText();
    void jsonIsCheckedBeforeEmitting();
    void valueOfTheWrongTypeIsFlagged();
};

static ArgumentSpec argument(const char *name, const char *type, std::optional<Value> defaultValue,
    const char *description = "help")
{
    return ArgumentSpec {name, type, description, std::move(defaultValue), {}};
}

void tst_ArgumentEditor::unsetIntIsEmptyWithTheDefault()
{
    ArgumentEditor optional(argument("n", "int", Value(8)));
    auto *line = optional.findChild<QLineEdit *>();
    QCOMPARE(line->text(), QString());
    QCOMPARE(line->placeholderText(), QStringLiteral("default: 8"));
    QVERIFY(!optional.isSet());

    ArgumentEditor required(argument("n", "int", std::nullopt));
    QCOMPARE(required.findChild<QLineEdit *>()->text(), QString());
    QCOMPARE(required.findChild<QLineEdit *>()->placeholderText(), QStringLiteral("required"));

    ArgumentEditor none(argument("n", "float", Value("None")));
    QCOMPARE(none.findChild<QLineEdit *>()->text(), QString());
    QCOMPARE(none.findChild<QLineEdit *>()->placeholderText(), QStringLiteral("not set"));

    const Value explicitValue(12);
    optional.setValue(&explicitValue);
    QCOMPARE(line->text(), QStringLiteral("12"));
    optional.setValue(nullptr);
    QCOMPARE(line->text(), QString());
}

void tst_ArgumentEditor::typingSetsAndClearingUnsets()
{
    ArgumentEditor editor(argument("n", "int", Value(8)));
    auto *line = editor.findChild<QLineEdit *>();
    QSignalSpy edited(&editor, &ArgumentEditor::valueEdited);
    QSignalSpy reset(&editor, &ArgumentEditor::resetRequested);
    QTest::keyClicks(line, QStringLiteral("90"));
    QCOMPARE(edited.count(), 2);
    QCOMPARE(edited.last().at(0).value<Value>().toInt(), std::int64_t {90});
    QVERIFY(editor.isSet());
    QTest::keyClick(line, Qt::Key_Backspace); // 9
    QTest::keyClick(line, Qt::Key_Backspace);
    QCOMPARE(edited.count(), 3);
    QCOMPARE(reset.count(), 1);
    QVERIFY(!editor.isSet());
    QCOMPARE(line->text(), QString());

    const Value value(7);
    editor.setValue(&value);
    editor.findChild<QToolButton *>()->click();
    QCOMPARE(reset.count(), 2);
    QCOMPARE(line->text(), QString());
    QCOMPARE(edited.count(), 3); // showing and resetting emit no value
}

void tst_ArgumentEditor::invalidTextIsShownAndNotEmitted()
{
    ArgumentEditor editor(argument("n", "int", Value(8)));
    editor.show();
    auto *line = editor.findChild<QLineEdit *>();
    QSignalSpy edited(&editor, &ArgumentEditor::valueEdited);
    QTest::keyClicks(line, QStringLiteral("1.5"));
    QCOMPARE(edited.count(), 1); // "1" only
    QVERIFY(editor.problem().contains(QStringLiteral("whole number")));
    NoteLabel *note = nullptr;
    for (NoteLabel *label : editor.findChildren<NoteLabel *>())
        if (label->tone() == NoteLabel::Tone::Problem)
            note = label;
    QVERIFY(note && note->isVisible());
    QCOMPARE(note->text(), editor.problem());

    line->clear();
    QTest::keyClicks(line, QStringLiteral("9223372036854775808"));
    QVERIFY(editor.problem().contains(QStringLiteral("too large")));
    line->clear();
    QTest::keyClicks(line, QStringLiteral("-9223372036854775808"));
    QCOMPARE(editor.problem(), QString());
    QCOMPARE(edited.last().at(0).value<Value>().toInt(), std::numeric_limits<std::int64_t>::min());

    ArgumentEditor ratio(argument("r", "float", Value(0.5)));
    QSignalSpy ratioEdited(&ratio, &ArgumentEditor::valueEdited);
    for (const QString &text : {QStringLiteral("abc"), QStringLiteral("inf"), QStringLiteral("nan"),
             QStringLiteral("1e400")}) {
        ratio.findChild<QLineEdit *>()->clear();
        QTest::keyClicks(ratio.findChild<QLineEdit *>(), text);
        QVERIFY2(ratio.problem().contains(QStringLiteral("finite number")), qPrintable(text));
    }
    QVERIFY(std::none_of(ratioEdited.begin(), ratioEdited.end(), [](const QList<QVariant> &args) {
        return !std::isfinite(args.at(0).value<Value>().toDouble());
    }));
}

void tst_ArgumentEditor::floatsShowAsPythonWritesThem()
{
    ArgumentEditor editor(argument("r", "float", Value(0.5)));
    auto *line = editor.findChild<QLineEdit *>();
    QCOMPARE(line->placeholderText(), QStringLiteral("default: 0.5"));
    const std::pair<double, const char *> cases[]
        = {{0.15, "0.15"}, {1e-05, "1e-05"}, {2.0, "2.0"}, {0.1 + 0.2, "0.30000000000000004"}};
    for (const auto &[number, text] : cases) {
        const Value value(number);
        editor.setValue(&value);
        QCOMPARE(line->text(), QString::fromLatin1(text));
    }
    const Value whole(3); // an int in the file stays an int
    editor.setValue(&whole);
    QCOMPARE(line->text(), QStringLiteral("3"));
}

void tst_ArgumentEditor::floatsAreNeverRounded()
{
    ArgumentEditor editor(argument("r", "float", Value(0.5)));
    auto *line = editor.findChild<QLineEdit *>();
    QSignalSpy edited(&editor, &ArgumentEditor::valueEdited);
    QTest::keyClicks(line, QStringLiteral("0.123456789012345"));
    QCOMPARE(edited.last().at(0).value<Value>().toDouble(), 0.123456789012345);
    line->clear();
    QTest::keyClicks(line, QStringLiteral("2"));
    QVERIFY(edited.last().at(0).value<Value>().isFloat()); // a float argument stays a float
}

void tst_ArgumentEditor::descriptionIsShown()
{
    ArgumentEditor editor(argument("n", "int", Value(8), "How many rows to read"));
    editor.show();
    auto *description = editor.findChild<NoteLabel *>(QStringLiteral("description"));
    QVERIFY(description);
    QVERIFY(description->isVisible());
    QCOMPARE(description->text(), QStringLiteral("How many rows to read"));
    QCOMPARE(description->tone(), NoteLabel::Tone::Secondary);
}

void tst_ArgumentEditor::longDescriptionIsClamped()
{
    const std::string longText(2000, 'x');
    ArgumentEditor editor(argument("n", "int", Value(8), (longText + " end").c_str()));
    editor.resize(300, editor.heightForWidth(300));
    editor.show();
    auto *description = editor.findChild<NoteLabel *>(QStringLiteral("description"));
    QVERIFY(description->isClamped());
    QVERIFY(description->height() <= description->fontMetrics().lineSpacing() * 3 + 2);
    QVERIFY(description->width() <= 300);
}

void tst_ArgumentEditor::boolAndText()
{
    ArgumentEditor flag(argument("b", "bool", Value(true)));
    QSignalSpy flagged(&flag, &ArgumentEditor::valueEdited);
    flag.findChild<QCheckBox *>()->setChecked(false);
    QCOMPARE(flagged.at(0).at(0).value<Value>().toBool(), false);

    ArgumentEditor text(argument("s", "str", Value("en")));
    QCOMPARE(text.findChild<QLineEdit *>()->placeholderText(), QStringLiteral("default: en"));
    QSignalSpy typed(&text, &ArgumentEditor::valueEdited);
    QTest::keyClicks(text.findChild<QLineEdit *>(), QStringLiteral("fr"));
    QCOMPARE(typed.last().at(0).value<Value>().toString(), std::string("fr"));
}

void tst_ArgumentEditor::jsonIsCheckedBeforeEmitting()
{
    ArgumentEditor editor(argument("l", "list", Value(Value::Array {})));
    QSignalSpy edited(&editor, &ArgumentEditor::valueEdited);
    QSignalSpy reset(&editor, &ArgumentEditor::resetRequested);
    auto *text = editor.findChild<QPlainTextEdit *>();
    QVERIFY(text->placeholderText().startsWith(QStringLiteral("default: []")));
    text->setPlainText(QStringLiteral("[1, 2"));
    QCOMPARE(edited.count(), 0);
    QVERIFY(editor.problem().contains(QStringLiteral("JSON")));
    text->setPlainText(QStringLiteral("{\"a\": 1}"));
    QCOMPARE(edited.count(), 0);
    QVERIFY(editor.problem().contains(QStringLiteral("list")));
    text->setPlainText(QStringLiteral("[1, 2]"));
    QCOMPARE(edited.count(), 1);
    QCOMPARE(editor.problem(), QString());
    text->clear();
    QCOMPARE(reset.count(), 1);
}

void tst_ArgumentEditor::valueOfTheWrongTypeIsFlagged()
{
    ArgumentEditor editor(argument("n", "int", std::nullopt));
    const Value text("64");
    editor.setValue(&text);
    QVERIFY(editor.problem().contains(QStringLiteral("\"64\"")));
    auto *line = editor.findChild<QLineEdit *>();
    line->clear();
    QTest::keyClicks(line, QStringLiteral("64"));
    QCOMPARE(editor.problem(), QString());
}

QTEST_MAIN(tst_ArgumentEditor)
#include "tst_ArgumentEditor.moc"
