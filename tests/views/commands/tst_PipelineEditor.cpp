// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/PipelineEditor.h"

#include "DocumentFixture.h"
#include "core/pipeline/PipelineReader.h"

using namespace fondant;

class tst_PipelineEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addComponentGetsAUniqueId();
    void addAfterABranchKeepsCallOrder();
    void removeDisconnectsReadersInOneUndo();
    void connectRefusesCycles();
    void linkFieldProblemNamesMissingFields();
    void connectMovesTheBranchAfterItsInput();
    void renameChecksTheId();
    void copyPasteKeepsLinksAmongPastedSteps();
    void moveIsOneCommand();
    void insertOnALinkIsOneEdit();
    void removeLinksIsOneEdit();
    void fixRenamesAnArgumentInPlaceAsOneEdit();
    void fixSetsTheInput();
    void fixRenamesAMappingKeyWithItsComments();
    void fixIsRefusedOnceItNoLongerApplies();
};

// The problem of the document offering a fix whose message contains part.
static Diagnostic problemWithFix(const PipelineDocument &document, const std::string &part)
{
    for (const Diagnostic &d : document.diagnostics())
        if (d.fix && d.message.find(part) != std::string::npos)
            return d;
    qFatal("no problem with a fix mentions %s", part.c_str());
}

void tst_PipelineEditor::addComponentGetsAUniqueId()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    QCOMPARE(editor.addComponent(QStringLiteral("trim_text"), QPointF(1, 2)),
        QStringLiteral("trim_text"));
    QCOMPARE(editor.addComponent(QStringLiteral("trim_text"), QPointF(1, 2)),
        QStringLiteral("trim_text_2"));
    QCOMPARE(document->undoStack()->count(), 2);
    QCOMPARE(document->step(QStringLiteral("trim_text"))->input, std::string());
}

void tst_PipelineEditor::addAfterABranchKeepsCallOrder()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    const QString id
        = editor.addComponent(QStringLiteral("trim_text"), QPointF(), QStringLiteral("load"));
    QCOMPARE(document->step(id)->input, std::string("load"));
    QCOMPARE(document->indexOf(id), 3); // after load's whole branch (trim, export)
    QVERIFY(!document->analysis().hasErrors());
}

void tst_PipelineEditor::removeDisconnectsReadersInOneUndo()
{
    auto document = test::reviewsDocument();
    const std::string before = test::savedState(*document);
    PipelineEditor editor(*document);
    QVERIFY(editor.removeSteps({QStringLiteral("trim")}));
    QCOMPARE(document->step(QStringLiteral("export"))->input, std::string());
    QCOMPARE(document->undoStack()->count(), 1);
    document->undoStack()->undo();
    QCOMPARE(test::savedState(*document), before);
    QVERIFY(!editor.removeSteps({QStringLiteral("nothing")}));
}

void tst_PipelineEditor::connectRefusesCycles()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    QString why;
    QVERIFY(!editor.canConnect(QStringLiteral("export"), QStringLiteral("load"), &why));
    QVERIFY(why.contains(QStringLiteral("cycle")));
    QVERIFY(!editor.canConnect(QStringLiteral("trim"), QStringLiteral("trim")));
    QVERIFY(!editor.connectSteps(QStringLiteral("export"), QStringLiteral("load")));
    QCOMPARE(document->undoStack()->count(), 0);
    // The choices offered agree with canConnect: load -> trim -> export.
    QCOMPARE(editor.possibleInputs(QStringLiteral("load")), QStringList());
    QCOMPARE(editor.possibleInputs(QStringLiteral("trim")), QStringList {QStringLiteral("load")});
    QCOMPARE(editor.possibleInputs(QStringLiteral("export")),
        (QStringList {QStringLiteral("load"), QStringLiteral("trim")}));
    for (const QString &target : document->stepIds())
        for (const QString &source : document->stepIds())
            QCOMPARE(
                editor.possibleInputs(target).contains(source), editor.canConnect(source, target));
}

void tst_PipelineEditor::linkFieldProblemNamesMissingFields()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    QCOMPARE(editor.linkFieldProblem(QStringLiteral("load"), QStringLiteral("trim")), QString());
    const QString extra = editor.addComponent(QStringLiteral("load_table"), QPointF());
    Step step = *document->step(extra);
    step.produces
        = FieldMapping {FieldMappingEntry {"text", FieldType::fromName("int8").value(), {}}};
    document->replaceStep(extra, step);
    QCOMPARE(editor.linkFieldProblem(extra, QStringLiteral("trim")),
        QStringLiteral("'text' is int8, not string"));
    step.produces = FieldMapping {};
    document->replaceStep(extra, step);
    QCOMPARE(editor.linkFieldProblem(extra, QStringLiteral("trim")),
        QStringLiteral("'text' is missing"));
}

void tst_PipelineEditor::connectMovesTheBranchAfterItsInput()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    const QString extra = editor.addComponent(QStringLiteral("trim_text"), QPointF());
    QVERIFY(editor.connectSteps(QStringLiteral("load"), extra));
    QVERIFY(editor.disconnect(QStringLiteral("trim")));
    QVERIFY(editor.connectSteps(extra, QStringLiteral("trim")));
    QVERIFY(document->indexOf(QStringLiteral("trim")) > document->indexOf(extra));
    QVERIFY(
        document->indexOf(QStringLiteral("export")) > document->indexOf(QStringLiteral("trim")));
    QVERIFY(!document->analysis().hasErrors());
    const int commands = document->undoStack()->count();
    document->undoStack()->undo();
    QCOMPARE(document->step(QStringLiteral("trim"))->input, std::string());
    QCOMPARE(document->undoStack()->index(), commands - 1);
}

void tst_PipelineEditor::renameChecksTheId()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    QString why;
    QVERIFY(!editor.renameStep(QStringLiteral("trim"), QStringLiteral("load"), &why));
    QVERIFY(!editor.renameStep(QStringLiteral("trim"), QStringLiteral("../up"), &why));
    QVERIFY(editor.renameStep(QStringLiteral("trim"), QStringLiteral("shorten")));
    QCOMPARE(document->step(QStringLiteral("export"))->input, std::string("shorten"));
}

void tst_PipelineEditor::copyPasteKeepsLinksAmongPastedSteps()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    const QString text = editor.copySteps({QStringLiteral("trim"), QStringLiteral("export")});
    const QStringList pasted = editor.pasteSteps(text, QPointF(0, 200));
    QCOMPARE(pasted, (QStringList {QStringLiteral("trim_2"), QStringLiteral("export_2")}));
    QCOMPARE(
        document->step(QStringLiteral("trim_2"))->input, std::string()); // its input was not copied
    QCOMPARE(document->step(QStringLiteral("export_2"))->input, std::string("trim_2"));
    QCOMPARE(document->position(QStringLiteral("export_2")), QPointF(520, 200));
    QCOMPARE(document->undoStack()->count(), 1);
    QVERIFY(editor.pasteSteps(QStringLiteral("not: [a pipeline"), QPointF()).isEmpty());
}

void tst_PipelineEditor::moveIsOneCommand()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    QVERIFY(editor.moveSteps(
        {{QStringLiteral("load"), QPointF(0, 0)}}, {{QStringLiteral("load"), QPointF(40, 40)}}));
    QVERIFY(!editor.moveSteps(
        {{QStringLiteral("load"), QPointF(40, 40)}}, {{QStringLiteral("load"), QPointF(40, 40)}}));
    QCOMPARE(document->undoStack()->count(), 1);
}

void tst_PipelineEditor::insertOnALinkIsOneEdit()
{
    auto document = test::reviewsDocument(); // load -> trim -> export
    PipelineEditor editor(*document);
    const std::string before = test::savedState(*document);
    const QString id
        = editor.insertComponent(QStringLiteral("trim_text"), QStringLiteral("export"), QPointF());
    QCOMPARE(id, QStringLiteral("trim_text"));
    QCOMPARE(document->step(id)->input, std::string("trim"));
    QCOMPARE(document->step(QStringLiteral("export"))->input, id.toStdString());
    // The new step comes before its reader in the call order.
    QVERIFY(document->indexOf(id) < document->indexOf(QStringLiteral("export")));
    QCOMPARE(document->undoStack()->count(), 1);
    document->undoStack()->undo();
    QCOMPARE(test::savedState(*document), before);
    // The first step has no link into it.
    QVERIFY(editor.insertComponent(QStringLiteral("trim_text"), QStringLiteral("load"), QPointF())
                .isEmpty());
}

void tst_PipelineEditor::removeLinksIsOneEdit()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    QVERIFY(editor.removeLinks({QStringLiteral("trim"), QStringLiteral("export")}));
    QVERIFY(document->step(QStringLiteral("trim"))->input.empty());
    QVERIFY(document->step(QStringLiteral("export"))->input.empty());
    QCOMPARE(document->undoStack()->count(), 1);
    document->undoStack()->undo();
    QCOMPARE(document->step(QStringLiteral("export"))->input, std::string("trim"));
    QVERIFY(!editor.removeLinks({}));
}

void tst_PipelineEditor::fixRenamesAnArgumentInPlaceAsOneEdit()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    editor.changeStep(QStringLiteral("trim"), QStringLiteral("arguments"), [](Step &step) {
        step.arguments = Value::object();
        step.arguments.set("ratio", 0.25);
        step.arguments.set("max_lenght", 80);
        step.arguments.set("words", Value(Value::Array {Value("a"), Value("the")}));
    });
    const std::string mistyped = test::savedState(*document);
    const Diagnostic problem = problemWithFix(*document, "max_lenght");
    QCOMPARE(PipelineEditor::fixText(*problem.fix), QStringLiteral("Use 'max_length'"));

    QVERIFY(editor.applyFix(problem));
    const Value &arguments = document->step(QStringLiteral("trim"))->arguments;
    std::vector<std::string> keys;
    for (const Member &member : arguments.members())
        keys.push_back(member.key);
    QCOMPARE(keys, (std::vector<std::string> {"ratio", "max_length", "words"}));
    QCOMPARE(*arguments.find("max_length"), Value(80));
    QCOMPARE(*arguments.find("words"), Value(Value::Array {Value("a"), Value("the")}));
    QVERIFY(document->diagnostics().empty());
    QCOMPARE(document->undoStack()->count(), 2);
    QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Use 'max_length'"));

    document->undoStack()->undo();
    QCOMPARE(test::savedState(*document), mistyped);
    document->undoStack()->redo();
    QCOMPARE(document->step(QStringLiteral("trim"))->arguments.members().at(1).key,
        std::string("max_length"));
}

void tst_PipelineEditor::fixSetsTheInput()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    editor.changeStep(
        QStringLiteral("export"), QStringLiteral("input"), [](Step &step) { step.input = "trm"; });
    QVERIFY(editor.applyFix(problemWithFix(*document, "'trm'")));
    QCOMPARE(document->step(QStringLiteral("export"))->input, std::string("trim"));
    QVERIFY(document->diagnostics().empty());
    // The next change of the input is its own edit, not merged into the fix.
    editor.changeStep(
        QStringLiteral("export"), QStringLiteral("input"), [](Step &step) { step.input = "load"; });
    QCOMPARE(document->undoStack()->count(), 3);
}

void tst_PipelineEditor::fixRenamesAMappingKeyWithItsComments()
{
    Result<Pipeline> pipeline = PipelineReader::parse(
        "version: 1\nname: reviews\ncomponent_dirs: [" FONDANT_TEST_DATA_DIR "/components]\n"
        "steps:\n"
        "  - id: load\n    component: load_table\n    arguments: {uri: /in}\n"
        "    produces: {text: string, stars: int8}\n"
        "  - id: export\n    component: export_rows\n    input: load\n"
        "    arguments: {path: /o}\n"
        "    consumes:\n      stars: int8\n      # the review itself\n      txet: string\n",
        "p.pipeline.yaml");
    QVERIFY(pipeline.ok());
    PipelineDocument document;
    document.reset(pipeline.value());
    QVERIFY(PipelineEditor(document).applyFix(problemWithFix(document, "'txet'")));
    const Step &step = *document.step(QStringLiteral("export"));
    QCOMPARE(step.consumes->at(1).name, std::string("text"));
    QVERIFY(step.consumes->at(1).type);
    QCOMPARE(step.consumes->at(0).name, std::string("stars"));
    QVERIFY(test::savedState(document).find("      # the review itself\n      text: string\n")
        != std::string::npos);
    QVERIFY(!document.analysis().hasErrors());
}

void tst_PipelineEditor::fixIsRefusedOnceItNoLongerApplies()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    editor.changeStep(QStringLiteral("trim"), QStringLiteral("arguments"),
        [](Step &step) { step.arguments.set("lowercse", true); });
    const Diagnostic problem = problemWithFix(*document, "lowercse");
    QVERIFY(editor.applyFix(problem));
    QVERIFY(!editor.applyFix(problem)); // the key is gone
    Diagnostic elsewhere = problem;
    elsewhere.stepId = "removed";
    QVERIFY(!editor.applyFix(elsewhere));
    Diagnostic withoutFix = problem;
    withoutFix.fix.reset();
    QVERIFY(!editor.applyFix(withoutFix));
    QCOMPARE(document->undoStack()->count(), 2);
}

QTEST_GUILESS_MAIN(tst_PipelineEditor)
#include "tst_PipelineEditor.moc"
