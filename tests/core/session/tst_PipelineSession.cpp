// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/session/PipelineSession.h"

#include "core/pipeline/PipelineReader.h"
#include "core/spec/SpecCache.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fondant;

class tst_PipelineSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensAnalysesAndKeys();
    void unreadableFileGivesItsProblems();
    void specsAreParsedOncePerProcess();
    void stepEditRecomputesOnlyWhatItAffects();
    void partialUpdateEqualsFullAnalysis_data();
    void partialUpdateEqualsFullAnalysis();
    void specProblemsStayWithTheirFirstUser();
};

namespace {

const QString reviewsPath
    = QStringLiteral(FONDANT_TEST_DATA_DIR "/pipelines/reviews.pipeline.yaml");
const QStringList testComponents {QStringLiteral(FONDANT_TEST_DATA_DIR "/components")};

std::vector<std::string> keyTexts(const PipelineSession &session)
{
    std::vector<std::string> keys;
    for (const auto &key : session.keys().keys)
        keys.push_back(key ? key->key : "-");
    return keys;
}

std::vector<std::string> messages(const Diagnostics &diagnostics)
{
    std::vector<std::string> texts;
    for (const Diagnostic &d : diagnostics)
        texts.push_back(d.toString());
    std::sort(texts.begin(), texts.end());
    return texts;
}

} // namespace

void tst_PipelineSession::opensAnalysesAndKeys()
{
    Result<PipelineSession> session = PipelineSession::open(reviewsPath, testComponents);
    QVERIFY(session.ok());
    QVERIFY(!session->hasErrors());
    QCOMPARE(session->pipeline().steps.size(), std::size_t {3});
    QCOMPARE(session->indexOf("export"), 2);
    // The fixture's keys, computed with Python's json and hashlib (Fondant's recipe).
    QCOMPARE(keyTexts(session.value()),
        (std::vector<std::string> {"0c8cbbca8558c4ed13786ca5471eac23",
            "255ab9edb57e309110d81a0d403f975a", "8425a8fbacfa3df582dc2ef06758dcfd"}));
}

void tst_PipelineSession::unreadableFileGivesItsProblems()
{
    Result<PipelineSession> session
        = PipelineSession::open(QStringLiteral("/nonexistent/p.pipeline.yaml"));
    QVERIFY(!session.ok());
    QVERIFY(session.errorMessage().find("no such file") != std::string::npos);
}

void tst_PipelineSession::specsAreParsedOncePerProcess()
{
    Result<PipelineSession> first = PipelineSession::open(reviewsPath, testComponents);
    const std::size_t parsed = SpecCache::shared().parseCount();
    Result<PipelineSession> second = PipelineSession::open(reviewsPath, testComponents);
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(SpecCache::shared().parseCount(), parsed);
    QCOMPARE(keyTexts(first.value()), keyTexts(second.value()));
}

void tst_PipelineSession::stepEditRecomputesOnlyWhatItAffects()
{
    PipelineSession session = PipelineSession::open(reviewsPath, testComponents).value();
    Step load = session.pipeline().steps[0];
    load.arguments.set("uri", "/other");
    // Every key chains on the first step, so all three change; only load is re-analysed.
    QCOMPARE(session.replaceStep(0, load), (PipelineSession::StepChanges {{0}, {1, 2}}));
    Step exportStep = session.pipeline().steps[2];
    exportStep.arguments.set("format", "csv");
    QCOMPARE(session.replaceStep(2, exportStep), (PipelineSession::StepChanges {{2}, {}}));
}

void tst_PipelineSession::partialUpdateEqualsFullAnalysis_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("yaml");
    QTest::newRow("argument") << 1 << "arguments"
                              << "{max_length: 3}";
    QTest::newRow("bad argument") << 1 << "arguments"
                                  << "{max_lenght: 3}";
    QTest::newRow("produces rename") << 0 << "produces"
                                     << "{text: string, stars: int8}";
    QTest::newRow("missing consumed column") << 1 << "consumes"
                                             << "{text: body}";
}

// After any in-place edit, the partly recomputed session equals one analysed from scratch.
void tst_PipelineSession::partialUpdateEqualsFullAnalysis()
{
    QFETCH(int, index);
    QFETCH(QString, key);
    QFETCH(QString, yaml);
    PipelineSession session = PipelineSession::open(reviewsPath, testComponents).value();
    Step step = session.pipeline().steps[static_cast<std::size_t>(index)];
    if (key == QLatin1String("arguments")) {
        step.arguments = Value::object();
        const std::string text = yaml.toStdString();
        const std::size_t colon = text.find(':');
        step.arguments.set(text.substr(1, colon - 1), std::stoi(text.substr(colon + 2)));
    } else {
        Result<FieldMapping> mapping
            = PipelineReader::parseFieldMapping(yaml.toStdString(), key.toStdString());
        QVERIFY(mapping.ok());
        (key == QLatin1String("consumes") ? step.consumes : step.produces) = mapping.value();
    }
    session.replaceStep(index, step);

    PipelineSession fresh(testComponents);
    Pipeline pipeline = session.pipeline();
    fresh.reset(pipeline);
    QCOMPARE(keyTexts(session), keyTexts(fresh));
    QCOMPARE(messages(session.diagnostics()), messages(fresh.diagnostics()));
    Diagnostics byStep;
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        QVERIFY(session.analysis().steps[i].outputFields == fresh.analysis().steps[i].outputFields);
        const Diagnostics own = session.diagnosticsOf(static_cast<int>(i));
        QCOMPARE(messages(own), messages(fresh.diagnosticsOf(static_cast<int>(i))));
        for (const Diagnostic &d : own)
            QCOMPARE(d.stepId, pipeline.steps[i].id);
        append(byStep, own);
    }
    // Every problem that names a step is that step's.
    Diagnostics named;
    for (const Diagnostic &d : session.diagnostics())
        if (!d.stepId.empty())
            named.push_back(d);
    QCOMPARE(messages(byStep), messages(named));
}

// A spec's own problems are reported once, on the first step using it, also after the second
// user is edited alone.
void tst_PipelineSession::specProblemsStayWithTheirFirstUser()
{
    QTemporaryDir folder;
    QVERIFY(QDir(folder.path()).mkpath(QStringLiteral("components/tag_rows")));
    QFile spec(folder.filePath(QStringLiteral("components/tag_rows/fondant_component.yaml")));
    QVERIFY(spec.open(QIODevice::WriteOnly));
    spec.write("name: Tag rows\ndescription: Tags rows\nimage: example/tag:1\nconsumes: {text: "
               "{type: string}}\n"
               "args: {sizes: {type: tuple, default: None}}\n"); // a tuple argument: a warning
    spec.close();
    const std::string yaml
        = "version: 1\nname: tags\ncomponent_dirs: [components, " FONDANT_TEST_DATA_DIR
          "/components]\nsteps:\n"
          "  - {id: load, component: load_table, arguments: {uri: /in}, produces: {text: string}}\n"
          "  - {id: first, component: tag_rows, input: load}\n"
          "  - {id: second, component: tag_rows, input: first}\n";
    Result<Pipeline> pipeline = PipelineReader::parse(
        yaml, folder.filePath(QStringLiteral("tags.pipeline.yaml")).toStdString());
    QVERIFY(pipeline.ok());
    PipelineSession session;
    session.reset(pipeline.value());
    const auto specNotes = [&](int index) {
        const Diagnostics own = session.diagnosticsOf(index);
        return std::count_if(own.begin(), own.end(),
            [](const Diagnostic &d) { return d.file.ends_with("fondant_component.yaml"); });
    };
    QCOMPARE(specNotes(1), 1);
    QCOMPARE(specNotes(2), 0);
    Step second = session.pipeline().steps[2];
    second.arguments.set("sizes", Value::array());
    session.replaceStep(2, second);
    QCOMPARE(specNotes(1), 1);
    QCOMPARE(specNotes(2), 0);
    Step first = session.pipeline().steps[1];
    first.arguments.set("sizes", Value::array());
    session.replaceStep(1, first);
    QCOMPARE(specNotes(1), 1);
    QCOMPARE(specNotes(2), 0);
}

QTEST_GUILESS_MAIN(tst_PipelineSession)
#include "tst_PipelineSession.moc"
