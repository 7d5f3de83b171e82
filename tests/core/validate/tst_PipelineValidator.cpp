// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/validate/PipelineValidator.h"

#include "core/pipeline/PipelineReader.h"
#include "core/spec/ComponentResolver.h"

#include <QTest>

using namespace fondant;

class tst_PipelineValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixtureIsValid();
    void fieldFlowAndProducers();
    void reports_data();
    void reports();
    void latestTagTurnsCachingOff();
    void unconnectedStepGetsOneClearError();
    void branchChainingIsExplained();
    void anEmptyPipelineIsNoWarning();
    void suggestionsCarryTheirFix_data();
    void suggestionsCarryTheirFix();
    void aDeclaredFieldIsMappedToTheSuggestedColumn();
    void noFixWhereItCouldNotApply();
};

static const std::string head
    = "version: 1\nname: reviews\nsteps:\n"
      "  - id: load\n    component: load_table\n    arguments: {uri: /in}\n"
      "    produces: {text: string, stars: int8}\n";

static PipelineAnalysis analyse(const std::string &yaml, Pipeline *out = nullptr)
{
    Result<Pipeline> pipeline = PipelineReader::parse(yaml, "p.pipeline.yaml");
    if (!pipeline.ok())
        qFatal("fixture does not parse: %s", pipeline.errorMessage().c_str());
    const ComponentResolver resolver({QStringLiteral(FONDANT_TEST_DATA_DIR "/components")});
    resolver.assignDefaultIds(pipeline.value());
    if (out)
        *out = pipeline.value();
    return PipelineValidator::validate(pipeline.value(), resolver);
}

void tst_PipelineValidator::fixtureIsValid()
{
    const PipelineAnalysis analysis = analyse(head + "  - component: trim_text\n    input: load\n");
    QVERIFY2(analysis.diagnostics.empty(),
        analysis.diagnostics.empty() ? "" : analysis.diagnostics[0].toString().c_str());
    QCOMPARE(analysis.steps[1].id, std::string("trim_text"));
}

void tst_PipelineValidator::fieldFlowAndProducers()
{
    const PipelineAnalysis analysis
        = analyse(head + "  - {id: trim, component: trim_text, input: load}\n");
    const StepAnalysis &trim = analysis.steps[1];
    QCOMPARE(trim.inputFields.names(), std::string("text, stars"));
    QCOMPARE(trim.outputFields.names(), std::string("text, stars, length"));
    std::vector<std::string> producers;
    for (const DatasetFields::Entry *entry : trim.outputFields.entries())
        producers.push_back(entry->producer);
    QCOMPARE(producers, (std::vector<std::string> {"trim", "load", "trim"}));
    QCOMPARE(trim.parent, 0);
}

void tst_PipelineValidator::reports_data()
{
    QTest::addColumn<QString>("steps");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("line");
    QTest::addColumn<bool>("isError");
    QTest::newRow("unknown argument")
        << "  - {id: t, component: trim_text, input: load, arguments: {max_lenght: 3}}\n"
        << "did you mean 'max_length'"
        << "arguments.max_lenght" << 8 << true;
    QTest::newRow("argument type")
        << "  - {id: t, component: trim_text, input: load, arguments: {max_length: '3'}}\n"
        << "without quotes"
        << "arguments.max_length" << 8 << true;
    QTest::newRow("float for int")
        << "  - {id: t, component: trim_text, input: load, arguments: {max_length: 3.5}}\n"
        << "whole number"
        << "arguments.max_length" << 8 << true;
    QTest::newRow("missing required") << "  - {id: e, component: export_rows, input: load}\n"
                                      << "required argument 'path'"
                                      << "arguments.path" << 8 << true;
    QTest::newRow("reserved")
        << "  - {id: t, component: trim_text, input: load, arguments: {cache: false}}\n"
        << "set by Fondant"
        << "arguments.cache" << 8 << true;
    QTest::newRow("duplicate id") << "  - {id: load, component: trim_text, input: load}\n"
                                  << "already used"
                                  << "id" << 8 << true;
    QTest::newRow("unsafe id") << "  - {id: ../x, component: trim_text, input: load}\n"
                               << "folder"
                               << "id" << 8 << true;
    QTest::newRow("unknown input") << "  - {id: t, component: trim_text, input: lod}\n"
                                   << "did you mean 'load'"
                                   << "input" << 8 << true;
    QTest::newRow("no input") << "  - {id: t, component: trim_text}\n"
                              << "no 'input'"
                              << "component" << 8 << true;
    QTest::newRow("unknown component") << "  - {id: t, component: trim, input: load}\n"
                                       << "not found"
                                       << "component" << 8 << true;
    QTest::newRow("consumed field missing")
        << "  - {id: t, component: trim_text, input: load, consumes: {text: body}}\n"
        << "no column 'body'"
        << "consumes.text" << 8 << true;
    QTest::newRow("type mismatch")
        << "  - {id: t, component: trim_text, input: load, consumes: {text: stars}}\n"
        << "produces it as int8"
        << "consumes.text" << 8 << true;
    QTest::newRow("node pool pairing")
        << "  - {id: t, component: trim_text, input: load, resources: {node_pool_label: a}}\n"
        << "node_pool_name"
        << "resources.node_pool_label" << 8 << true;
    QTest::newRow("accelerator pairing")
        << "  - {id: t, component: trim_text, input: load, resources: {accelerator_number: 1}}\n"
        << "accelerator_name"
        << "resources.accelerator_number" << 8 << true;
    QTest::newRow("accelerator name")
        << "  - {id: t, component: trim_text, input: load, resources: {accelerator_number: 1, "
           "accelerator_name: GPUS}}\n"
        << "did you mean 'GPU'"
        << "resources.accelerator_name" << 8 << true;
    QTest::newRow("vertex accelerator")
        << "  - {id: t, component: trim_text, input: load, resources: {accelerator_number: 1, "
           "accelerator_name: NVIDIA_TESLA_T4}}\n"
        << "Vertex AI only"
        << "resources.accelerator_name" << 8 << false;
    QTest::newRow("memory format")
        << "  - {id: t, component: trim_text, input: load, resources: {memory_limit: lots}}\n"
        << "memory size"
        << "resources.memory_limit" << 8 << true;
    QTest::newRow("null for int")
        << "  - {id: t, component: trim_text, input: load, arguments: {max_length: null}}\n"
        << "text None"
        << "arguments.max_length" << 8 << false;
    // Fondant 0.12.1 refuses this pipeline: a manifest gives every timestamp back with the UTC
    // time zone, and the consumer asks for one without (InvalidDatasetDefinition).
    QTest::newRow("time-zone-less timestamp consumed")
        << "  - {id: t, component: trim_text, input: load, produces: {when: timestamp}}\n"
           "  - {id: e, component: export_rows, input: t, arguments: {path: /o}, "
           "consumes: {when: timestamp}}\n"
        << "UTC time zone"
        << "consumes.when" << 9 << true;
    // Fondant 0.12.1's validate() refuses this: it checks trim against the fields after e, the
    // step before it in call order, where 'text' is int32.
    QTest::newRow("fields checked in call order")
        << "  - {id: e, component: export_rows, input: load, arguments: {path: /o}, "
           "produces: {text: int32}}\n"
           "  - {id: t, component: trim_text, input: load}\n"
        << "checks step 't' against the fields after 'e'"
        << "consumes.text" << 9 << true;
    QTest::newRow("field named index")
        << "  - {id: e, component: export_rows, input: load, arguments: {path: /o}, "
           "produces: {index: string}}\n"
        << "named 'index'"
        << "produces.index" << 8 << true;
    QTest::newRow("keys Python cannot sort")
        << "  - {id: t, component: trim_text, input: load, arguments: {max_length: {1: a, b: c}}}\n"
        << "Python cannot sort"
        << "arguments.max_length" << 8 << true;
    QTest::newRow("kfp name clash") << "  - {id: a_b, component: trim_text, input: load}\n  - {id: "
                                       "a-b, component: trim_text, input: load}\n"
                                    << "Kubeflow task name"
                                    << "id" << 9 << true;
}

void tst_PipelineValidator::reports()
{
    QFETCH(QString, steps);
    QFETCH(QString, messagePart);
    QFETCH(QString, field);
    QFETCH(int, line);
    QFETCH(bool, isError);
    const PipelineAnalysis analysis = analyse(head + steps.toStdString());
    const auto it = std::find_if(
        analysis.diagnostics.begin(), analysis.diagnostics.end(), [&](const Diagnostic &d) {
            return d.message.find(messagePart.toStdString()) != std::string::npos;
        });
    if (it == analysis.diagnostics.end()) {
        for (const Diagnostic &d : analysis.diagnostics)
            qWarning("%s", d.toString().c_str());
        QFAIL("expected diagnostic not reported");
    }
    QCOMPARE(it->isError(), isError);
    QCOMPARE(QString::fromStdString(it->fieldPath), field);
    QCOMPARE(it->mark.line, line);
    QCOMPARE(it->file, std::string("p.pipeline.yaml"));
    QVERIFY(!it->stepId.empty());
}

void tst_PipelineValidator::latestTagTurnsCachingOff()
{
    const PipelineAnalysis analysis = analyse(head
        + "  - {id: e, component: embed_text_latest, input: load}\n  - {id: t, component: "
          "trim_text, input: load, cache: false}\n");
    QVERIFY(!analysis.hasErrors());
    QVERIFY(!analysis.steps[1].cacheEnabled);
    QVERIFY(analysis.steps[1].cacheDisabledReason.find("latest") != std::string::npos);
    QVERIFY(!analysis.steps[2].cacheEnabled);
    QCOMPARE(analysis.steps[2].cacheDisabledReason, std::string("cache: false"));
    QVERIFY(analysis.steps[0].cacheEnabled);
}

void tst_PipelineValidator::unconnectedStepGetsOneClearError()
{
    const PipelineAnalysis analysis = analyse(head + "  - {id: t, component: trim_text}\n");
    QCOMPARE(analysis.diagnostics.size(), std::size_t {1});
    QVERIFY(analysis.diagnostics.front().message.find("no 'input'") != std::string::npos);
}

// A new document has no steps yet: a note, not a warning the user did nothing to cause.
void tst_PipelineValidator::anEmptyPipelineIsNoWarning()
{
    const PipelineAnalysis analysis = analyse("version: 1\nname: p\nsteps: []\n");
    QCOMPARE(analysis.diagnostics.size(), std::size_t(1));
    QCOMPARE(analysis.diagnostics.front().severity, Severity::Note);
    QVERIFY(analysis.diagnostics.front().message.find("no steps yet") != std::string::npos);
}

void tst_PipelineValidator::branchChainingIsExplained()
{
    const PipelineAnalysis analysis = analyse(head
        + "  - {id: a, component: trim_text, input: load}\n"
          "  - {id: b, component: trim_text, input: load}\n");
    QCOMPARE(analysis.diagnostics.size(), std::size_t {1});
    const Diagnostic &note = analysis.diagnostics.front();
    QCOMPARE(note.severity, Severity::Note);
    QCOMPARE(note.stepId, std::string("b"));
    QVERIFY(note.message.find("chains on 'a'") != std::string::npos);
    QVERIFY(!analysis.hasErrors());
}

static const Diagnostic *findReported(
    const PipelineAnalysis &analysis, const std::string &messagePart)
{
    for (const Diagnostic &d : analysis.diagnostics)
        if (d.message.find(messagePart) != std::string::npos)
            return &d;
    for (const Diagnostic &d : analysis.diagnostics)
        qWarning("%s", d.toString().c_str());
    return nullptr;
}

void tst_PipelineValidator::suggestionsCarryTheirFix_data()
{
    QTest::addColumn<QString>("steps");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("renamesTheKey");
    QTest::addColumn<QString>("replacement");
    QTest::newRow("argument name")
        << "  - {id: t, component: trim_text, input: load, arguments: {max_lenght: 3}}\n"
        << "has no argument 'max_lenght' (did you mean 'max_length'?)"
        << "arguments.max_lenght" << true << "max_length";
    QTest::newRow("input")
        << "  - {id: t, component: trim_text, input: lod}\n"
        << "the input 'lod' is not a step of this pipeline (did you mean 'load'?)"
        << "input" << false << "load";
    QTest::newRow("component") << "  - {id: t, component: trim_txt, input: load}\n"
                               << "(did you mean 'trim_text'?)"
                               << "component" << false << "trim_text";
    QTest::newRow("accelerator")
        << "  - {id: t, component: trim_text, input: load, resources: {accelerator_number: 1, "
           "accelerator_name: GPUS}}\n"
        << "(did you mean 'GPU'?)"
        << "resources.accelerator_name" << false << "GPU";
    QTest::newRow("consumed column")
        << "  - {id: t, component: trim_text, input: load, "
           "consumes: {text: txt}}\n"
        << "no column 'txt' (it has: text, stars) (did you mean 'text'?)"
        << "consumes.text" << false << "text";
    QTest::newRow("consumed field not declared")
        << "  - {id: t, component: trim_text, input: load, consumes: {txet: stars}}\n"
        << "does not consume a field 'txet', so it cannot be mapped to a column (did you mean "
           "'text'?)"
        << "consumes.txet" << true << "text";
    QTest::newRow("consumed field not produced")
        << "  - {id: e, component: export_rows, input: load, arguments: {path: /o}, consumes: "
           "{txet: string}}\n"
        << "which no earlier step produces (available: text, stars) (did you mean 'text'?)"
        << "consumes.txet" << true << "text";
    QTest::newRow("produced field not declared")
        << "  - {id: t, component: trim_text, input: load, produces: {lenght: size}}\n"
        << "does not declare 'lenght' in 'produces' (did you mean 'length'?)"
        << "produces.lenght" << true << "length";
}

void tst_PipelineValidator::suggestionsCarryTheirFix()
{
    QFETCH(QString, steps);
    QFETCH(QString, messagePart);
    QFETCH(QString, field);
    QFETCH(bool, renamesTheKey);
    QFETCH(QString, replacement);
    const PipelineAnalysis analysis = analyse(head + steps.toStdString());
    const Diagnostic *d = findReported(analysis, messagePart.toStdString());
    QVERIFY(d);
    QCOMPARE(QString::fromStdString(d->fieldPath), field);
    QVERIFY(d->fix);
    QCOMPARE(d->fix->part, renamesTheKey ? Fix::Part::KeyName : Fix::Part::Value);
    QCOMPARE(QString::fromStdString(d->fix->replacement), replacement);
}

// The component reads 'text'; the dataset calls it 'texts': the entry maps the field to it.
void tst_PipelineValidator::aDeclaredFieldIsMappedToTheSuggestedColumn()
{
    const PipelineAnalysis analysis
        = analyse("version: 1\nname: reviews\nsteps:\n"
                  "  - {id: load, component: load_table, arguments: {uri: /in}, "
                  "produces: {texts: string}}\n"
                  "  - {id: t, component: trim_text, input: load, consumes: {text: string}}\n");
    const Diagnostic *d = findReported(analysis, "(did you mean 'texts'?)");
    QVERIFY(d);
    QCOMPARE(d->fieldPath, std::string("consumes.text"));
    QCOMPARE(d->fix, (Fix {Fix::Part::Value, "texts"}));
}

void tst_PipelineValidator::noFixWhereItCouldNotApply()
{
    // Renaming would give the step the same argument twice.
    PipelineAnalysis analysis = analyse(head
        + "  - {id: t, component: trim_text, input: load, arguments: {max_lenght: 3, "
          "max_length: 4}}\n");
    const Diagnostic *d = findReported(analysis, "(did you mean 'max_length'?)");
    QVERIFY(d);
    QVERIFY(!d->fix);
    // The consumed field is not written in the step: there is no entry to change.
    analysis = analyse("version: 1\nname: reviews\nsteps:\n"
                       "  - {id: load, component: load_table, arguments: {uri: /in}, "
                       "produces: {texts: string}}\n"
                       "  - {id: t, component: trim_text, input: load}\n");
    d = findReported(analysis, "(did you mean 'texts'?)");
    QVERIFY(d);
    QVERIFY(!d->fix);
    // A problem without a suggestion offers no fix.
    analysis = analyse(
        head + "  - {id: t, component: trim_text, input: load, arguments: {max_length: '3'}}\n");
    QVERIFY(!analysis.diagnostics.empty());
    QVERIFY(!analysis.diagnostics.front().fix);
}

QTEST_GUILESS_MAIN(tst_PipelineValidator)
#include "tst_PipelineValidator.moc"
