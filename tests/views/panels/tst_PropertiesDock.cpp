// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/PropertiesDock.h"

#include "DocumentFixture.h"
#include "views/commands/PipelineEditor.h"
#include "views/panels/ArgumentEditor.h"
#include "views/panels/FieldMappingEditor.h"
#include "views/panels/NoteLabel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QToolButton>

using namespace fondant;

class tst_PropertiesDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editorsWriteTheDocument();
    void renameIsCheckedAndUndoable();
    void inputChoiceConnects();
    void unsetNumberIsEmptyAndTypingSetsIt();
    void clearingUnsetsAndUndoRestores();
    void floatsShowAsWritten();
    void descriptionsAreVisible();
    void consumesPickerListsUpstreamFields();
    void producesRenameAndAddedFields();
    void mappingTextIsCheckedInline();
    void pipelineSettingsWhenNothingIsSelected();
    void noSidewaysScrollingAt330Pixels();
    void focusesAField();
    void everyProblemFocusesItsField();
    void undoOfAnArgumentKeepsTheForm();
    void tabGoesFromFieldToFieldInOrder();
};

namespace {

QLineEdit *argumentLine(const PropertiesDock &dock, const QString &name)
{
    return dock.fieldWidget(QStringLiteral("arguments.") + name)->findChild<QLineEdit *>();
}

// Replaces a line's text as a user does: select all, type.
void retype(QLineEdit *line, const QString &text)
{
    line->selectAll();
    if (text.isEmpty())
        QTest::keyClick(line, Qt::Key_Backspace);
    else
        QTest::keyClicks(line, text);
}

// Whether the editor of a key, or a part of it (an editable combo box's line), has the focus.
bool holdsFocus(const PropertiesDock &dock, const QString &path)
{
    QWidget *editor = dock.fieldWidget(path);
    QWidget *focus = dock.focusWidget();
    return editor && focus && (editor == focus || editor->isAncestorOf(focus));
}

} // namespace

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
    retype(argumentLine(dock, QStringLiteral("ratio")), QStringLiteral("0.75"));
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

void tst_PropertiesDock::unsetNumberIsEmptyAndTypingSetsIt()
{
    auto document = test::reviewsDocument();
    PipelineEditor(*document).changeStep(QStringLiteral("trim"), QStringLiteral("setup"),
        [](Step &step) { step.arguments.remove("max_length"); });
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("trim"));
    QLineEdit *maxLength = argumentLine(dock, QStringLiteral("max_length"));
    QCOMPARE(maxLength->text(), QString());
    QCOMPARE(maxLength->placeholderText(), QStringLiteral("default: 100"));
    const int before = document->undoStack()->count();
    QTest::keyClicks(maxLength, QStringLiteral("120"));
    QCOMPARE(document->step(QStringLiteral("trim"))->arguments.find("max_length")->toInt(),
        std::int64_t {120});
    QCOMPARE(document->undoStack()->count(), before + 1); // typing is one edit
    document->undoStack()->undo();
    QVERIFY(!document->step(QStringLiteral("trim"))->arguments.contains("max_length"));
    QCOMPARE(argumentLine(dock, QStringLiteral("max_length"))->text(), QString());

    QTest::keyClicks(argumentLine(dock, QStringLiteral("max_length")), QStringLiteral("12x"));
    QCOMPARE(document->step(QStringLiteral("trim"))->arguments.find("max_length")->toInt(),
        std::int64_t {12}); // "12x" is not a number: the document keeps 12
    auto *editor
        = qobject_cast<ArgumentEditor *>(dock.fieldWidget(QStringLiteral("arguments.max_length")));
    QVERIFY(editor->problem().contains(QStringLiteral("whole number")));
}

void tst_PropertiesDock::clearingUnsetsAndUndoRestores()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("trim"));
    const std::string before = test::savedState(*document);
    QLineEdit *maxLength = argumentLine(dock, QStringLiteral("max_length"));
    QCOMPARE(maxLength->text(), QStringLiteral("80"));
    retype(maxLength, QString());
    QVERIFY(!document->step(QStringLiteral("trim"))->arguments.contains("max_length"));
    QCOMPARE(document->undoStack()->count(), 1);
    QCOMPARE(argumentLine(dock, QStringLiteral("max_length"))->text(), QString());
    document->undoStack()->undo();
    QCOMPARE(test::savedState(*document), before);
    QCOMPARE(argumentLine(dock, QStringLiteral("max_length"))->text(), QStringLiteral("80"));

    // The reset button unsets too, as one edit.
    auto *editor = dock.fieldWidget(QStringLiteral("ratio").prepend(QStringLiteral("arguments.")));
    editor->findChild<QToolButton *>()->click();
    QVERIFY(!document->step(QStringLiteral("trim"))->arguments.contains("ratio"));
    QCOMPARE(argumentLine(dock, QStringLiteral("ratio"))->text(), QString());
    QCOMPARE(argumentLine(dock, QStringLiteral("ratio"))->placeholderText(),
        QStringLiteral("default: 0.5"));
    document->undoStack()->undo();
    QCOMPARE(test::savedState(*document), before);
}

void tst_PropertiesDock::floatsShowAsWritten()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("trim"));
    QCOMPARE(argumentLine(dock, QStringLiteral("ratio"))->text(), QStringLiteral("0.25"));
    PipelineEditor(*document).changeStep(QStringLiteral("trim"), QStringLiteral("arguments.ratio"),
        [](Step &step) { step.arguments.set("ratio", Value(0.15)); });
    QCOMPARE(argumentLine(dock, QStringLiteral("ratio"))->text(), QStringLiteral("0.15"));
    PipelineEditor(*document).changeStep(QStringLiteral("trim"), QStringLiteral("arguments.ratio"),
        [](Step &step) { step.arguments.set("ratio", Value(1.0)); });
    QCOMPARE(argumentLine(dock, QStringLiteral("ratio"))->text(), QStringLiteral("1.0"));
}

void tst_PropertiesDock::descriptionsAreVisible()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.resize(330, 900);
    dock.show();
    dock.showStep(QStringLiteral("trim"));
    auto *description = dock.fieldWidget(QStringLiteral("arguments.max_length"))
                            ->findChild<NoteLabel *>(QStringLiteral("description"));
    QVERIFY(description);
    QVERIFY(description->isVisible());
    QCOMPARE(description->text(), QStringLiteral("Longest text kept"));
}

void tst_PropertiesDock::consumesPickerListsUpstreamFields()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("trim"));
    auto *text = qobject_cast<QComboBox *>(dock.fieldWidget(QStringLiteral("consumes.text")));
    QVERIFY(text);
    QCOMPARE(text->currentText(), QString()); // reads its own name
    QCOMPARE(text->lineEdit()->placeholderText(), QStringLiteral("same name"));
    QStringList listed;
    for (int i = 0; i < text->count(); ++i)
        listed << text->itemText(i) + QLatin1Char(':') + text->itemData(i).toString();
    QCOMPARE(listed, (QStringList {QStringLiteral("text:string"), QStringLiteral("stars:int8")}));

    const int before = document->undoStack()->count();
    const int stars = text->findText(QStringLiteral("stars"));
    text->setCurrentIndex(stars);
    Q_EMIT text->activated(stars);
    const auto &consumes = document->step(QStringLiteral("trim"))->consumes;
    QVERIFY(consumes.has_value());
    QCOMPARE(consumes->size(), std::size_t {1});
    QCOMPARE(consumes->front().name, std::string("text"));
    QCOMPARE(consumes->front().rename, std::string("stars"));
    QCOMPARE(document->undoStack()->count(), before + 1);
    // The row tells that the column has another type than the component reads.
    text = qobject_cast<QComboBox *>(dock.fieldWidget(QStringLiteral("consumes.text")));
    bool mismatchShown = false;
    for (NoteLabel *label :
        dock.fieldWidget(QStringLiteral("consumes"))->findChildren<NoteLabel *>())
        mismatchShown = mismatchShown
            || (label->tone() == NoteLabel::Tone::Problem
                && label->text().contains(QStringLiteral("int8")));
    QVERIFY(mismatchShown);

    document->undoStack()->undo();
    QVERIFY(!document->step(QStringLiteral("trim"))->consumes.has_value());
    text = qobject_cast<QComboBox *>(dock.fieldWidget(QStringLiteral("consumes.text")));
    QCOMPARE(text->currentText(), QString());

    // A typed column name is a rename too; its own name is none.
    text->setEditText(QStringLiteral("body"));
    Q_EMIT text->lineEdit()->editingFinished();
    QCOMPARE(document->step(QStringLiteral("trim"))->consumes->front().rename, std::string("body"));
    text = qobject_cast<QComboBox *>(dock.fieldWidget(QStringLiteral("consumes.text")));
    text->setEditText(QStringLiteral("text"));
    Q_EMIT text->lineEdit()->editingFinished();
    QVERIFY(!document->step(QStringLiteral("trim"))->consumes.has_value());
}

void tst_PropertiesDock::producesRenameAndAddedFields()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("trim"));
    auto *length = qobject_cast<QLineEdit *>(dock.fieldWidget(QStringLiteral("produces.length")));
    QVERIFY(length);
    length->setText(QStringLiteral("size"));
    Q_EMIT length->editingFinished();
    const auto &produces = document->step(QStringLiteral("trim"))->produces;
    QVERIFY(produces && produces->size() == 1);
    QCOMPARE(produces->front().rename, std::string("size"));

    // A component that writes any fields: its typed entries, and new ones.
    dock.showStep(QStringLiteral("load"));
    auto *stars = qobject_cast<QComboBox *>(dock.fieldWidget(QStringLiteral("produces.stars")));
    QVERIFY(stars);
    QCOMPARE(stars->currentText(), QStringLiteral("int8"));
    auto *mapping = dock.fieldWidget(QStringLiteral("produces"));
    auto *name = mapping->findChild<QComboBox *>(QStringLiteral("produces.new"));
    QVERIFY(name);
    name->setEditText(QStringLiteral("lang"));
    QToolButton *add = nullptr;
    for (QToolButton *button : mapping->findChildren<QToolButton *>())
        if (button->text() == QStringLiteral("Add"))
            add = button;
    add->click();
    const FieldMapping &written = *document->step(QStringLiteral("load"))->produces;
    QCOMPARE(written.size(), std::size_t {3});
    QCOMPARE(written.back().name, std::string("lang"));
    QCOMPARE(written.back().type->displayName(), std::string("string"));
    QVERIFY(dock.fieldWidget(QStringLiteral("produces.lang")));

    stars = qobject_cast<QComboBox *>(dock.fieldWidget(QStringLiteral("produces.stars")));
    stars->setEditText(QStringLiteral("int16"));
    Q_EMIT stars->lineEdit()->editingFinished();
    QCOMPARE(document->step(QStringLiteral("load"))->produces->at(1).type->displayName(),
        std::string("int16"));
}

void tst_PropertiesDock::mappingTextIsCheckedInline()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("trim"));
    auto *consumes = dock.fieldWidget(QStringLiteral("consumes"))->findChild<QPlainTextEdit *>();
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

void tst_PropertiesDock::noSidewaysScrollingAt330Pixels()
{
    auto document = test::reviewsDocument();
    // Long texts that must wrap or elide rather than widen the panel.
    PipelineEditor(*document).changeStep(
        QStringLiteral("trim"), QStringLiteral("setup"), [](Step &step) {
            step.arguments.set(
                "an_argument_this_component_does_not_take_at_all", Value(std::string(200, 'v')));
            step.resources.instanceType = Value(std::string(120, 'i'));
        });
    PropertiesDock dock(*document);
    dock.resize(330, 900);
    dock.show();
    auto *area = dock.findChild<QScrollArea *>();
    for (const QString &id :
        {QString(), QStringLiteral("load"), QStringLiteral("trim"), QStringLiteral("export")}) {
        dock.showStep(id);
        QTest::qWait(50); // the layouts settle
        QVERIFY2(!area->horizontalScrollBar()->isVisible(), qPrintable(id));
        QVERIFY2(area->widget()->width() <= area->viewport()->width(), qPrintable(id));
        // FONDANT_SCREENSHOT_DIR keeps pictures of the whole form, to look at.
        if (const QString folder = qEnvironmentVariable("FONDANT_SCREENSHOT_DIR");
            !folder.isEmpty())
            area->widget()->grab().save(
                QStringLiteral("%1/properties-%2.png")
                    .arg(folder, id.isEmpty() ? QStringLiteral("pipeline") : id));
        // Notes show all their lines (up to their limit).
        for (NoteLabel *note : area->widget()->findChildren<NoteLabel *>()) {
            if (note->isVisibleTo(area->widget()))
                QVERIFY2(note->height() >= note->heightForWidth(note->width()),
                    qPrintable(QStringLiteral("%1: %2 < %3 at %4")
                                   .arg(note->text())
                                   .arg(note->height())
                                   .arg(note->heightForWidth(note->width()))
                                   .arg(note->width())));
        }
        // Reset and remove buttons stay in sight.
        for (QToolButton *button : area->widget()->findChildren<QToolButton *>()) {
            if (!button->isVisibleTo(area->widget()))
                continue;
            const QPoint right = button->mapTo(area->widget(), QPoint(button->width(), 0));
            QVERIFY2(right.x() <= area->viewport()->width(), qPrintable(button->toolTip()));
        }
    }
}

void tst_PropertiesDock::tabGoesFromFieldToFieldInOrder()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.show();
    QApplication::setActiveWindow(&dock);
    dock.showStep(QStringLiteral("trim"));
    QVERIFY(dock.focusField(QStringLiteral("id")));
    // From the id, Tab reaches the arguments in the order they are shown, then goes on.
    QWidget *maxLength = argumentLine(dock, QStringLiteral("max_length"));
    QWidget *ratio = argumentLine(dock, QStringLiteral("ratio"));
    QList<QWidget *> reached;
    for (int i = 0; i < 40 && !reached.contains(ratio); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reached << QApplication::focusWidget();
    }
    QVERIFY(reached.contains(maxLength));
    QVERIFY(reached.contains(ratio));
    QVERIFY(reached.indexOf(maxLength) < reached.indexOf(ratio));
    for (QWidget *widget : reached)
        QVERIFY(dock.isAncestorOf(widget));
}

void tst_PropertiesDock::focusesAField()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.show();
    dock.showStep(QStringLiteral("trim"));
    QVERIFY(dock.focusField(QStringLiteral("arguments.max_length")));
    QCOMPARE(dock.focusWidget(), argumentLine(dock, QStringLiteral("max_length")));
    QVERIFY(dock.focusField(QStringLiteral("resources.cpu_limit")));
    QCOMPARE(dock.focusWidget(), dock.fieldWidget(QStringLiteral("resources.cpu_limit")));
    QVERIFY(dock.focusField(QStringLiteral("consumes.text")));
    QVERIFY(holdsFocus(dock, QStringLiteral("consumes.text")));
    QVERIFY(!dock.focusField(QStringLiteral("nothing")));
}

// Every field a problem names has an editor to go to: the Problems panel focuses it.
void tst_PropertiesDock::everyProblemFocusesItsField()
{
    auto document = test::reviewsDocument();
    PipelineEditor(*document).changeStep(
        QStringLiteral("export"), QStringLiteral("setup"), [](Step &step) {
            step.arguments.remove("path"); // a required argument
            step.arguments.set("cache", Value(true)); // a name Fondant keeps
            step.consumes = FieldMapping {FieldMappingEntry {"text", std::nullopt, "body"}};
            step.resources.cpuLimit = Value("lots");
            step.resources.acceleratorNumber = Value(1);
            step.inputPartitionRows = Value(0);
        });
    PipelineEditor(*document).changeStep(
        QStringLiteral("trim"), QStringLiteral("setup"), [](Step &step) {
            step.produces = FieldMapping {FieldMappingEntry {"length", std::nullopt, "index"}};
        });
    PropertiesDock dock(*document);
    dock.show();
    QStringList checked;
    for (const Diagnostic &problem : document->diagnostics()) {
        if (problem.stepId.empty() || problem.fieldPath.empty())
            continue;
        const QString path = QString::fromStdString(problem.fieldPath);
        dock.showStep(QString::fromStdString(problem.stepId));
        QVERIFY2(dock.focusField(path), qPrintable(path));
        QVERIFY2(dock.focusWidget(), qPrintable(path));
        checked << path;
    }
    for (const QString &path : {QStringLiteral("arguments.path"), QStringLiteral("arguments.cache"),
             QStringLiteral("consumes.text"), QStringLiteral("resources.cpu_limit"),
             QStringLiteral("resources.accelerator_number"), QStringLiteral("input_partition_rows"),
             QStringLiteral("produces.length")})
        QVERIFY2(checked.contains(path), qPrintable(checked.join(QLatin1Char(' '))));

    // The missing required argument focuses its own (empty) editor.
    dock.showStep(QStringLiteral("export"));
    QVERIFY(dock.focusField(QStringLiteral("arguments.path")));
    QCOMPARE(dock.focusWidget(), argumentLine(dock, QStringLiteral("path")));
    QCOMPARE(
        argumentLine(dock, QStringLiteral("path"))->placeholderText(), QStringLiteral("required"));
    // A consumes entry focuses its picker row, a resource its editor.
    QVERIFY(dock.focusField(QStringLiteral("consumes.text")));
    QVERIFY(holdsFocus(dock, QStringLiteral("consumes.text")));
    QVERIFY(dock.focusField(QStringLiteral("resources.cpu_limit")));
    QCOMPARE(dock.focusWidget(), dock.fieldWidget(QStringLiteral("resources.cpu_limit")));
}

void tst_PropertiesDock::undoOfAnArgumentKeepsTheForm()
{
    auto document = test::reviewsDocument();
    PropertiesDock dock(*document);
    dock.showStep(QStringLiteral("trim"));
    QWidget *editor = dock.fieldWidget(QStringLiteral("arguments.max_length"));
    auto *line = editor->findChild<QLineEdit *>();
    QCOMPARE(line->text(), QStringLiteral("80"));
    retype(line, QStringLiteral("87")); // typed: one undoable edit
    QCOMPARE(document->step(QStringLiteral("trim"))->arguments.find("max_length")->toInt(),
        std::int64_t {87});
    QCOMPARE(document->undoStack()->count(), 1);
    document->undoStack()->undo();
    QCOMPARE(dock.fieldWidget(QStringLiteral("arguments.max_length")), editor); // not rebuilt
    QCOMPARE(line->text(), QStringLiteral("80"));
    document->undoStack()->redo();
    QCOMPARE(line->text(), QStringLiteral("87"));

    // A change of anything else builds the form again.
    PipelineEditor(*document).disconnect(QStringLiteral("trim"));
    QVERIFY(dock.fieldWidget(QStringLiteral("arguments.max_length")) != editor);
    auto *input = qobject_cast<QComboBox *>(dock.fieldWidget(QStringLiteral("input")));
    QCOMPARE(input->currentIndex(), 0);
}

QTEST_MAIN(tst_PropertiesDock)
#include "tst_PropertiesDock.moc"
