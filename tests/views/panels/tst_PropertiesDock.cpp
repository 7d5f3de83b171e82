// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/PropertiesDock.h"

#include "DocumentFixture.h"
#include "views/commands/PipelineEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

using namespace fondant;

class tst_PropertiesDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editorsWriteTheDocument();
    void renameIsCheckedAndUndoable();
    void inputChoiceConnects();
    void mappingTextIsCheckedInline();
    void pipelineSettingsWhenNothingIsSelected();
    void focusesAField();
    void undoOfAnArgumentKeepsTheForm();
};

void tst_PropertiesDock::editorsWriteTheDocument()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("trim"));
    auto *cache = qobject_cast<QCheckBox *>(dock.fieldWidget(QStringLiteral("cache")));
    cache->setChecked(false);
    QCOMPARE(document->step(QStringLiteral("trim"))->cache, false);
    auto *memory
        = qobject_cast<QLineEdit *>(dock.fieldWidget(QStringLiteral("resources.memory_limit")));
    QTest::keyClicks(memory, QStringLiteral("8G"));
    QCOMPARE(*document->step(QStringLiteral("trim"))->resources.memoryLimit, std::string("8G"));
    QCOMPARE(document->undoStack()->count(), 2); // typing two characters is one edit
    auto *rows = qobject_cast<QSpinBox *>(dock.fieldWidget(QStringLiteral("input_partition_rows")));
    QCOMPARE(rows->value(), 500);
    rows->setValue(0);
    QVERIFY(!document->step(QStringLiteral("trim"))->inputPartitionRows);
    auto *ratio
        = dock.fieldWidget(QStringLiteral("arguments.ratio"))->findChild<QDoubleSpinBox *>();
    ratio->setValue(0.75);
    QCOMPARE(document->step(QStringLiteral("trim"))->arguments.find("ratio")->toDouble(), 0.75);
    auto *words
        = dock.fieldWidget(QStringLiteral("arguments.words"))->findChild<QPlainTextEdit *>();
    words->setPlainText(QStringLiteral("[\"a\", \"an\"]"));
    QCOMPARE(
        document->step(QStringLiteral("trim"))->arguments.find("words")->size(), std::size_t {2});
    words->setPlainText(QStringLiteral("{\"not\": \"a list\"}"));
    QCOMPARE(
        document->step(QStringLiteral("trim"))->arguments.find("words")->size(), std::size_t {2});
}

void tst_PropertiesDock::renameIsCheckedAndUndoable()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("trim"));
    auto *id = qobject_cast<QLineEdit *>(dock.fieldWidget(QStringLiteral("id")));
    id->setText(QStringLiteral("load"));
    Q_EMIT id->editingFinished();
    QVERIFY(document->step(QStringLiteral("trim")));
    id = qobject_cast<QLineEdit *>(dock.fieldWidget(QStringLiteral("id")));
    id->setText(QStringLiteral("shorten"));
    Q_EMIT id->editingFinished();
    QVERIFY(document->step(QStringLiteral("shorten")));
    QCOMPARE(dock.stepId(), QStringLiteral("shorten"));
    document->undoStack()->undo();
    QCOMPARE(dock.stepId(), QStringLiteral("trim"));
}

void tst_PropertiesDock::inputChoiceConnects()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("export"));
    auto *input = qobject_cast<QComboBox *>(dock.fieldWidget(QStringLiteral("input")));
    QCOMPARE(input->currentText(), QStringLiteral("trim"));
    const int loadIndex = input->findText(QStringLiteral("load"));
    QVERIFY(loadIndex > 0);
    input->setCurrentIndex(loadIndex);
    Q_EMIT input->activated(loadIndex);
    QCOMPARE(document->step(QStringLiteral("export"))->input, std::string("load"));
}

void tst_PropertiesDock::mappingTextIsCheckedInline()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("trim"));
    auto *consumes = qobject_cast<QPlainTextEdit *>(dock.fieldWidget(QStringLiteral("consumes")));
    consumes->setPlainText(QStringLiteral("text: {type: array}"));
    QVERIFY(!document->step(QStringLiteral("trim"))->consumes.has_value());
    consumes->setPlainText(QStringLiteral("text: string"));
    QCOMPARE(document->step(QStringLiteral("trim"))->consumes->size(), std::size_t {1});
    consumes->clear();
    QVERIFY(!document->step(QStringLiteral("trim"))->consumes.has_value());
}

void tst_PropertiesDock::pipelineSettingsWhenNothingIsSelected()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep({});
    const auto summary = [&dock] {
        for (QLabel *label : dock.findChildren<QLabel *>())
            if (label->text().endsWith(QStringLiteral("Select a step on the canvas to edit it.")))
                return label->text();
        return QString();
    };
    QCOMPARE(summary(),
        QStringLiteral("%1 steps, 0 errors. Select a step on the canvas to edit it.")
            .arg(document->pipeline().steps.size()));
    auto *name = qobject_cast<QLineEdit *>(dock.fieldWidget(QStringLiteral("name")));
    QCOMPARE(name->text(), QStringLiteral("reviews"));
    QTest::keyClicks(name, QStringLiteral("X"));
    QCOMPARE(document->pipeline().name, std::string("reviewsX"));
    QVERIFY(document->analysis().hasErrors()); // uppercase is not a dataset name
    QVERIFY2(summary().contains(QStringLiteral(" steps, 1 error. ")), qPrintable(summary()));
    document->undoStack()->undo();
    QCOMPARE(document->pipeline().name, std::string("reviews"));
}

void tst_PropertiesDock::focusesAField()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.show();
    dock.showStep(QStringLiteral("trim"));
    QVERIFY(dock.focusField(QStringLiteral("arguments.max_length")));
    QVERIFY(dock.focusField(QStringLiteral("resources.cpu_limit")));
    QVERIFY(!dock.focusField(QStringLiteral("nothing")));
}

void tst_PropertiesDock::undoOfAnArgumentKeepsTheForm()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("trim"));
    QWidget *editor = dock.fieldWidget(QStringLiteral("arguments.max_length"));
    auto *box = editor->findChild<QSpinBox *>();
    const int before = box->value();
    box->setValue(before + 7); // typed: one undoable edit
    QCOMPARE(
        document->step(QStringLiteral("trim"))->arguments.find("max_length")->toInt(), before + 7);
    document->undoStack()->undo();
    QCOMPARE(dock.fieldWidget(QStringLiteral("arguments.max_length")), editor); // not rebuilt
    QCOMPARE(box->value(), before);
    document->undoStack()->redo();
    QCOMPARE(box->value(), before + 7);

    // A change of anything else builds the form again.
    PipelineEditor(*document).disconnect(QStringLiteral("trim"));
    QVERIFY(dock.fieldWidget(QStringLiteral("arguments.max_length")) != editor);
    auto *input = qobject_cast<QComboBox *>(dock.fieldWidget(QStringLiteral("input")));
    QCOMPARE(input->currentIndex(), 0);
}

QTEST_MAIN(tst_PropertiesDock)
#include "tst_PropertiesDock.moc"
