// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CliApplication.h"

#include "core/value/JsonReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace fondant;

class tst_CliApplication : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usageErrors_data();
    void usageErrors();
    void helpAndVersion();
    void validateValidPipeline();
    void bundledExampleIsClean();
    void validateReportsLocatedErrors();
    void keysTextAndJson();
    void keysOfInvalidPipelineFail();
    void renderWritesAPicture();
    void renderShowsTheCacheOfAWorkingDirectory();
    void unreadableInputExitsOne_data();
    void unreadableInputExitsOne();
    void renderRefusesInvalidPipelines();
    void formatWritesTheCanonicalForm();
    void formatCheckNamesNonCanonicalFiles();
    void formatKeepsComments();
    void outputsAreOnlyRegularFiles();
    void controlCharactersAreEscaped();
    void everyCommandHasHelp();
    void drawsNothingWithoutGuiLibraries();
    void runsTextAndJson();
    void runsOfAnUnusableFolderFail();
    void statusTextAndJson();
    void explainTextAndJson();
    void exportRecordsTheRunThatExplainComparesWith();
    void exportWritesNothingOnError();
    void exportWritesTheFondantProgram();
    void importRebuildsTheDocumentOfAnExport();
    void runsExportedToARemoteFolderAreKnownByTheirRecords();

private:
    int run(const QStringList &arguments);
    std::ostringstream m_out;
    std::ostringstream m_err;
};

static const QString fixture
    = QStringLiteral(FONDANT_TEST_DATA_DIR "/pipelines/reviews.pipeline.yaml");

int tst_CliApplication::run(const QStringList &arguments)
{
    m_out.str({});
    m_err.str({});
    return CliApplication(m_out, m_err).run(arguments);
}

void tst_CliApplication::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("nothing") << QStringList {};
    QTest::newRow("unknown command") << QStringList {QStringLiteral("compile"), fixture};
    QTest::newRow("no pipeline") << QStringList {QStringLiteral("keys")};
    QTest::newRow("unknown option")
        << QStringList {QStringLiteral("keys"), fixture, QStringLiteral("--fast")};
    QTest::newRow("components without folder")
        << QStringList {QStringLiteral("keys"), fixture, QStringLiteral("--components")};
}

void tst_CliApplication::usageErrors()
{
    QFETCH(QStringList, arguments);
    QCOMPARE(run(arguments), int(UsageError));
    QVERIFY(m_err.str().find("--help") != std::string::npos);
}

void tst_CliApplication::helpAndVersion()
{
    QCOMPARE(run({QStringLiteral("--help")}), 0);
    QVERIFY(m_out.str().find("validate PIPELINE") != std::string::npos);
    QCOMPARE(run({QStringLiteral("--version")}), 0);
    QVERIFY(m_out.str().find("fondant-studio-cli") != std::string::npos);
}

void tst_CliApplication::validateValidPipeline()
{
    QCOMPARE(run({QStringLiteral("validate"), fixture}), 0);
    QVERIFY(m_out.str().find("3 steps, 0 errors") != std::string::npos);
    QCOMPARE(m_err.str(), std::string());
}

void tst_CliApplication::bundledExampleIsClean()
{
    QCOMPARE(run({QStringLiteral("validate"),
                 QStringLiteral(FONDANT_EXAMPLE_DIR "/reviews.pipeline.yaml")}),
        0);
    QVERIFY(m_out.str().find("7 steps, 0 errors, 0 warnings, 1 note") != std::string::npos);
    // Its branch is explained: detect_language's key chains on the step before it in call order.
    QVERIFY2(
        m_err.str().find(
            ":41:12: note: the cache key of step 'detect_language' chains on 'write_embeddings'")
            != std::string::npos,
        m_err.str().c_str());
    // It is saved as the designer saves it: opening and saving it changes nothing.
    QCOMPARE(
        run({QStringLiteral("format"), QStringLiteral(FONDANT_EXAMPLE_DIR "/reviews.pipeline.yaml"),
            QStringLiteral("--check")}),
        0);
}

void tst_CliApplication::validateReportsLocatedErrors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.pipeline.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("version: 1\nname: Bad Name\ncomponent_dirs: [" FONDANT_TEST_DATA_DIR
               "/components]\nsteps:\n"
               "  - id: load\n    component: load_table\n    arguments: {uri: /in, rowz: 3}\n");
    file.close();
    QCOMPARE(run({QStringLiteral("validate"), path}), 1);
    const std::string err = m_err.str();
    QVERIFY2(err.find(path.toStdString() + ":2:7: error: the name 'Bad Name'") != std::string::npos,
        err.c_str());
    QVERIFY2(
        err.find(path.toStdString()
            + ":7:27: error: component 'Load table' has no argument 'rowz' (did you mean 'rows'?)")
            != std::string::npos,
        err.c_str());
    QCOMPARE(run({QStringLiteral("validate"), path, QStringLiteral("--json")}), 1);
    Result<Value> json = JsonReader::parse(m_out.str(), "stdout");
    QVERIFY(json.ok());
    QCOMPARE(json->find("valid")->toBool(), false);
    QCOMPARE(json->find("diagnostics")->size(), std::size_t {2});
    // The suggestion is also a fix a tool can apply: rename the argument's key.
    for (const Value &problem : json->find("diagnostics")->items()) {
        const Value &fix = *problem.find("fix");
        if (*problem.find("field") != Value("arguments.rowz")) {
            QVERIFY(fix.isNull());
            continue;
        }
        QCOMPARE(fix.find("replace")->toString(), std::string("key"));
        QCOMPARE(fix.find("with")->toString(), std::string("rows"));
    }
}

void tst_CliApplication::keysTextAndJson()
{
    QCOMPARE(run({QStringLiteral("keys"), fixture}), 0);
    QVERIFY(m_out.str().find("trim    255ab9edb57e309110d81a0d403f975a") != std::string::npos);
    QCOMPARE(run({QStringLiteral("keys"), fixture, QStringLiteral("--json"),
                 QStringLiteral("--preimages")}),
        0);
    Result<Value> json = JsonReader::parse(m_out.str(), "stdout");
    QVERIFY2(json.ok(), m_out.str().c_str());
    QCOMPARE(json->find("pipeline")->toString(), std::string("reviews"));
    const Value &steps = *json->find("steps");
    QCOMPARE(steps.size(), std::size_t {3});
    QCOMPARE(steps.items()[2].find("cache_key")->toString(),
        std::string("8425a8fbacfa3df582dc2ef06758dcfd"));
    QCOMPARE(steps.items()[2].find("preimage")->find("previous_key")->toString(),
        std::string("255ab9edb57e309110d81a0d403f975a"));
    QVERIFY(steps.items()[0]
                .find("preimage")
                ->find("final_text")
                ->toString()
                .starts_with("{\"accelerator_name\": null"));
}

void tst_CliApplication::keysOfInvalidPipelineFail()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.pipeline.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("version: 1\nname: p\nsteps:\n  - component: not_a_component\n");
    file.close();
    QCOMPARE(run({QStringLiteral("keys"), path, QStringLiteral("--json")}), 1);
    // Still one JSON document, with the problem in it.
    Result<Value> json = JsonReader::parse(m_out.str(), "stdout");
    QVERIFY2(json.ok(), m_out.str().c_str());
    QVERIFY(json->find("steps")->items().front().find("cache_key")->isNull());
    QCOMPARE(json->find("diagnostics")->items().front().find("line")->toInt(), std::int64_t {4});
    QVERIFY(m_err.str().find(":4:16: error: component 'not_a_component' not found")
        != std::string::npos);
}

void tst_CliApplication::renderWritesAPicture()
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("reviews.png"));
    QCOMPARE(run({QStringLiteral("render"), fixture, QStringLiteral("-o"), png}), 0);
    QFile picture(png);
    QVERIFY(picture.open(QIODevice::ReadOnly));
    QCOMPARE(picture.read(8), QByteArray("\x89PNG\r\n\x1a\n"));
    const QString svg = dir.filePath(QStringLiteral("reviews.svg"));
    QCOMPARE(run({QStringLiteral("render"), fixture, QStringLiteral("--output"), svg}), 0);
    QVERIFY(QFileInfo(svg).size() > 1000);
    QCOMPARE(run({QStringLiteral("render"), fixture}), int(UsageError));
    QCOMPARE(run({QStringLiteral("render"), fixture, QStringLiteral("-o"),
                 dir.filePath(QStringLiteral("x.gif"))}),
        int(UsageError));
    QCOMPARE(run({QStringLiteral("render"), QStringLiteral("/nonexistent.pipeline.yaml"),
                 QStringLiteral("-o"), png}),
        1);
    // Dark colours on request; the default is light.
    const QString dark = dir.filePath(QStringLiteral("dark.svg"));
    QCOMPARE(run({QStringLiteral("render"), fixture, QStringLiteral("-o"), dark,
                 QStringLiteral("--theme"), QStringLiteral("dark")}),
        0);
    const QString light = dir.filePath(QStringLiteral("light.svg"));
    QCOMPARE(run({QStringLiteral("render"), fixture, QStringLiteral("-o"), light,
                 QStringLiteral("--theme"), QStringLiteral("light")}),
        0);
    const auto bytes = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QCOMPARE(bytes(light), bytes(svg));
    QVERIFY(bytes(dark) != bytes(light));
    QCOMPARE(run({QStringLiteral("render"), fixture, QStringLiteral("-o"), png,
                 QStringLiteral("--theme"), QStringLiteral("blue")}),
        int(UsageError));
}

void tst_CliApplication::renderShowsTheCacheOfAWorkingDirectory()
{
    QTemporaryDir dir;
    const QString history = QStringLiteral(FONDANT_TEST_DATA_DIR "/history");
    const QString v4 = history + QStringLiteral("/versions/v4.pipeline.yaml");
    const QString svg = dir.filePath(QStringLiteral("status.svg"));
    QVERIFY2(run({QStringLiteral("render"), v4, QStringLiteral("-o"), svg,
                 QStringLiteral("--working-directory"), history + QStringLiteral("/wd")})
            == 0,
        m_err.str().c_str());
    QFile picture(svg);
    QVERIFY(picture.open(QIODevice::ReadOnly));
    const QByteArray text = picture.readAll();
    // Each step's line and the legend, as the designer draws them.
    QVERIFY(text.contains("re-runs because trim_text changed"));
    QVERIFY(text.contains("changed: runs again"));
    QVERIFY(text.contains("cached: reuses its output"));
    QCOMPARE(run({QStringLiteral("render"), v4, QStringLiteral("-o"), svg,
                 QStringLiteral("--working-directory"), dir.filePath(QStringLiteral("none"))}),
        1);
}

void tst_CliApplication::unreadableInputExitsOne_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("malformed yaml") << QByteArray("version: 1\nname: [\n");
    QTest::newRow("invalid utf-8") << QByteArray("version: 1\nname: \xff\n");
    QTest::newRow("binary") << QByteArray("\x00\x01\x02", 3);
    QTest::newRow("alias bomb") << QByteArray(
        "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n");
    QTest::newRow("deep nesting") << QByteArray(100000, '[');
    QTest::newRow("not a mapping") << QByteArray("- 1\n- 2\n");
}

void tst_CliApplication::unreadableInputExitsOne()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.pipeline.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    for (const char *command : {"validate", "keys"}) {
        QCOMPARE(run({QString::fromLatin1(command), path}), 1);
        QVERIFY2(m_err.str().starts_with(path.toStdString() + ":"), m_err.str().c_str());
    }
}

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(content);
    return path;
}

const QByteArray unformatted
    = "# a pipeline\nversion: 1\nname: reviews\ncomponent_dirs: [" FONDANT_TEST_DATA_DIR
      "/components]\nsteps:\n"
      "  - {id: load, component: load_table, arguments: {uri: /in}}\n";

} // namespace

void tst_CliApplication::renderRefusesInvalidPipelines()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("bad.pipeline.yaml"),
        "version: 1\nname: p\nsteps:\n  - component: not_a_component\n");
    const QString png = dir.filePath(QStringLiteral("bad.png"));
    QCOMPARE(run({QStringLiteral("render"), path, QStringLiteral("-o"), png}), 1);
    QVERIFY(!QFileInfo::exists(png));
    QVERIFY2(m_err.str().find(":4:16: error:") != std::string::npos, m_err.str().c_str());
}

void tst_CliApplication::formatWritesTheCanonicalForm()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("p.pipeline.yaml"), unformatted);
    QCOMPARE(run({QStringLiteral("format"), path}), 0);
    const std::string canonical = m_out.str();
    QVERIFY(canonical.find("  - id: load\n    component: load_table\n") != std::string::npos);
    const QString copy = dir.filePath(QStringLiteral("copy.pipeline.yaml"));
    QCOMPARE(run({QStringLiteral("format"), path, QStringLiteral("-o"), copy}), 0);
    QFile written(copy);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll().toStdString(), canonical);
    // Formatting changes neither the meaning nor the keys.
    QCOMPARE(run({QStringLiteral("keys"), path}), 0);
    const std::string keys = m_out.str();
    QCOMPARE(run({QStringLiteral("keys"), copy}), 0);
    QCOMPARE(m_out.str(), keys);
    QCOMPARE(run({QStringLiteral("format"), path, QStringLiteral("--in-place")}), 0);
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll().toStdString(), canonical);
    QCOMPARE(run({QStringLiteral("format"), path, QStringLiteral("--in-place"),
                 QStringLiteral("-o"), copy}),
        int(UsageError));
}

void tst_CliApplication::formatCheckNamesNonCanonicalFiles()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("p.pipeline.yaml"), unformatted);
    QCOMPARE(run({QStringLiteral("format"), path, QStringLiteral("--check")}), 1);
    QVERIFY(m_err.str().starts_with(path.toStdString() + ": not in canonical form"));
    QCOMPARE(QFileInfo(path).size(), qint64(unformatted.size())); // untouched
    QCOMPARE(run({QStringLiteral("format"), path, QStringLiteral("--in-place")}), 0);
    QCOMPARE(run({QStringLiteral("format"), path, QStringLiteral("--check")}), 0);
    QCOMPARE(m_err.str(), std::string());
}

void tst_CliApplication::formatKeepsComments()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("p.pipeline.yaml"),
        "# Reviews, cleaned\n"
        "\n"
        "name: reviews # lowercase\n"
        "version: 1\n"
        "component_dirs: [" FONDANT_TEST_DATA_DIR "/components]\n"
        "steps:\n"
        "  # loads the table\n"
        "  - {id: load, component: load_table, arguments: {uri: /in}}  # from parquet\n"
        "  - component: trim_text\n"
        "    input: load\n"
        "    id: trim  # shortens\n"
        "    arguments: {max_length: 80,  # characters\n"
        "      ratio: 0.25}\n"
        "# the end\n");
    QCOMPARE(run({QStringLiteral("format"), path}), 0);
    const std::string expected = "# Reviews, cleaned\n"
                                 "version: 1\n"
                                 "name: reviews  # lowercase\n"
                                 "component_dirs:\n"
                                 "  - " FONDANT_TEST_DATA_DIR "/components\n"
                                 "steps:\n"
                                 "  # loads the table\n"
                                 "  # from parquet\n"
                                 "  - id: load\n"
                                 "    component: load_table\n"
                                 "    arguments:\n"
                                 "      uri: /in\n"
                                 "  - id: trim  # shortens\n"
                                 "    component: trim_text\n"
                                 "    input: load\n"
                                 "    arguments:\n"
                                 "      max_length: 80  # characters\n"
                                 "      ratio: 0.25\n"
                                 "# the end\n";
    QCOMPARE(m_out.str(), expected);
    QCOMPARE(run({QStringLiteral("format"), path, QStringLiteral("--in-place")}), 0);
    QCOMPARE(run({QStringLiteral("format"), path, QStringLiteral("--check")}), 0);
    QFile formatted(path);
    QVERIFY(formatted.open(QIODevice::ReadOnly));
    QCOMPARE(formatted.readAll().toStdString(), expected);
}

void tst_CliApplication::outputsAreOnlyRegularFiles()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("p.pipeline.yaml"), unformatted);
    const QString link = dir.filePath(QStringLiteral("null.pipeline.yaml"));
    QVERIFY(QFile::link(QStringLiteral("/dev/null"), link));
    for (const QString &target : {QStringLiteral("/dev/null"), link, dir.path()}) {
        QCOMPARE(run({QStringLiteral("format"), path, QStringLiteral("-o"), target}), 1);
        QVERIFY2(m_err.str().find("error: is not a regular file") != std::string::npos,
            m_err.str().c_str());
    }
    QVERIFY(QFileInfo(link).isSymLink());
    // A device given as the pipeline is refused without reading it.
    QCOMPARE(run({QStringLiteral("keys"), QStringLiteral("/dev/zero")}), 1);
    QVERIFY(m_err.str().find("not a regular file") != std::string::npos);
}

void tst_CliApplication::controlCharactersAreEscaped()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("p.pipeline.yaml"),
        "version: 1\nname: p\nsteps:\n  - {id: \"a\\e[31mred\", component: \"x\\x9b2J\"}\n");
    QCOMPARE(run({QStringLiteral("validate"), path}), 1);
    const std::string err = m_err.str();
    QVERIFY2(err.find('\x1b') == std::string::npos, err.c_str());
    QVERIFY2(err.find("\xc2\x9b") == std::string::npos, err.c_str());
    QVERIFY2(err.find("a\\x1b[31mred") != std::string::npos, err.c_str());
    QVERIFY2(err.find("x\\u009b2J") != std::string::npos, err.c_str());
}

void tst_CliApplication::everyCommandHasHelp()
{
    for (const char *command :
        {"validate", "keys", "format", "render", "runs", "status", "explain"}) {
        QCOMPARE(run({QString::fromLatin1(command), QStringLiteral("--help")}), 0);
        QVERIFY2(m_out.str().starts_with("Usage: fondant-studio-cli " + std::string(command)),
            m_out.str().c_str());
        QVERIFY(m_out.str().find("--help") != std::string::npos);
    }
}

void tst_CliApplication::runsTextAndJson()
{
    const QString wd = QStringLiteral(FONDANT_TEST_DATA_DIR "/history/wd");
    QCOMPARE(run({QStringLiteral("runs"), wd}), 0);
    const std::string text = m_out.str();
    QVERIFY2(text.starts_with("reviews-20240425090000  "), text.c_str());
    QVERIFY(text.find("  trim_text          key 78d8bce6  executed\n") != std::string::npos);
    QVERIFY(text.find("  load_table  key 0c8cbbca  reused from reviews-20240422120000\n")
        != std::string::npos);
    QVERIFY(text.find("\x1b[") == std::string::npos); // no colours when not on a terminal
    QVERIFY(m_err.str().find("reviews/notes.txt: warning: ") != std::string::npos);

    QCOMPARE(run({QStringLiteral("runs"), wd, QStringLiteral("--json"), QStringLiteral("--name"),
                 QStringLiteral("reviews")}),
        0);
    Result<Value> json = JsonReader::parse(m_out.str(), "stdout");
    QVERIFY2(json.ok(), m_out.str().c_str());
    const Value &runs = *json->find("runs");
    QCOMPARE(runs.size(), std::size_t {5});
    const Value &second = runs.items()[3]; // reviews-20240422130000: everything reused
    QCOMPARE(second.find("run_id")->toString(), std::string("reviews-20240422130000"));
    const Value &trim = second.find("steps")->items()[1];
    QCOMPARE(trim.find("id")->toString(), std::string("trim_text"));
    QCOMPARE(trim.find("executed")->toBool(), false);
    QCOMPARE(trim.find("from_run")->toString(), std::string("reviews-20240422120000"));
    QCOMPARE(trim.find("cache_key")->toString(), std::string("2233b09bc8e121ccf285568d6c11d16a"));
    const Value &write = runs.items()[2].find("steps")->items()[2]; // recorded write step
    QVERIFY(write.find("executed")->isNull() && write.find("from_run")->isNull());
    QVERIFY(json->find("diagnostics")->size() >= 3);

    QCOMPARE(
        run({QStringLiteral("runs"), wd, QStringLiteral("--name"), QStringLiteral("other")}), 0);
    QVERIFY(m_out.str().starts_with("No runs of other in "));
}

void tst_CliApplication::runsOfAnUnusableFolderFail()
{
    QCOMPARE(run({QStringLiteral("runs"), QStringLiteral("/nonexistent/wd")}), 1);
    QVERIFY(m_err.str().starts_with("/nonexistent/wd: error: no such working directory"));
    QCOMPARE(run({QStringLiteral("runs"), fixture, QStringLiteral("--json")}), 1);
    Result<Value> json = JsonReader::parse(m_out.str(), "stdout");
    QVERIFY2(json.ok(), m_out.str().c_str());
    QVERIFY(json->find("diagnostics")->size() == 1);
}

void tst_CliApplication::statusTextAndJson()
{
    const QString wd = QStringLiteral(FONDANT_TEST_DATA_DIR "/history/wd");
    const QString v4 = QStringLiteral(FONDANT_TEST_DATA_DIR "/history/versions/v4.pipeline.yaml");
    QCOMPARE(run({QStringLiteral("status"), v4, QStringLiteral("--working-directory"), wd}), 0);
    const std::string text = m_out.str();
    QVERIFY2(
        text.find("trim_text   will re-run: its key is new") != std::string::npos, text.c_str());
    QVERIFY(text.find("write_rows  will re-run because its input is computed again (cascade from "
                      "trim_text)")
        != std::string::npos);
    QVERIFY(text.find("1 of 3 steps cached") != std::string::npos);

    QCOMPARE(run({QStringLiteral("status"), v4, QStringLiteral("--working-directory"), wd,
                 QStringLiteral("--json")}),
        0);
    Result<Value> json = JsonReader::parse(m_out.str(), "stdout");
    QVERIFY2(json.ok(), m_out.str().c_str());
    const Value &steps = *json->find("steps");
    QCOMPARE(steps.items()[0].find("status")->toString(), std::string("hit"));
    QCOMPARE(steps.items()[0].find("cached_from_run")->toString(),
        std::string("reviews-20240422120000"));
    QCOMPARE(steps.items()[1].find("reason")->toString(), std::string("key-changed"));
    QCOMPARE(steps.items()[2].find("reason")->toString(), std::string("upstream"));
    QCOMPARE(steps.items()[2].find("root_cause")->toString(), std::string("trim_text"));
    QCOMPARE(json->find("cached")->toInt(), 1);

    // No working directory in the document and none given.
    QCOMPARE(run({QStringLiteral("status"), v4, QStringLiteral("--json")}), 1);
    QVERIFY(m_err.str().find("error: no working directory") != std::string::npos);
    QVERIFY(JsonReader::parse(m_out.str(), "stdout").ok());
}

void tst_CliApplication::explainTextAndJson()
{
    const QString versions = QStringLiteral(FONDANT_TEST_DATA_DIR "/history/versions/");
    const QString wd = QStringLiteral(FONDANT_TEST_DATA_DIR "/history/wd");
    QCOMPARE(
        run({QStringLiteral("explain"), versions + QStringLiteral("v2.pipeline.yaml"),
            QStringLiteral("--against-document"), versions + QStringLiteral("v1.pipeline.yaml")}),
        0);
    const std::string text = m_out.str();
    QVERIFY2(text.find("trim_text   changed: arguments.max_length 80 → 60 (root cause)\n")
            != std::string::npos,
        text.c_str());
    QVERIFY(text.find("write_rows  changed because trim_text changed (cascade)\n")
        != std::string::npos);
    QVERIFY(text.find("1 of 3 steps changed themselves, 1 in cascade") != std::string::npos);

    QCOMPARE(run({QStringLiteral("explain"), versions + QStringLiteral("v2.pipeline.yaml"),
                 QStringLiteral("--working-directory"), wd, QStringLiteral("--against"),
                 QStringLiteral("reviews-20240424090000"), QStringLiteral("--json")}),
        0);
    Result<Value> json = JsonReader::parse(m_out.str(), "stdout");
    QVERIFY2(json.ok(), m_out.str().c_str());
    QCOMPARE(json->find("against")->toString(), std::string("reviews-20240424090000"));
    const Value &trim = json->find("steps")->items()[1];
    QCOMPARE(trim.find("root_cause")->toBool(), true);
    const Value &change = trim.find("changes")->items()[0];
    QCOMPARE(change.find("path")->toString(), std::string("cache"));
    QCOMPARE(change.find("old")->toBool(), false);
    QCOMPARE(change.find("new")->toBool(), true);

    QCOMPARE(run({QStringLiteral("explain"), versions + QStringLiteral("v2.pipeline.yaml"),
                 QStringLiteral("--working-directory"), wd, QStringLiteral("--against"),
                 QStringLiteral("reviews-19990101000000")}),
        1);
    QVERIFY(m_err.str().find("error: no run 'reviews-19990101000000'") != std::string::npos);
    QCOMPARE(
        run({QStringLiteral("explain"), versions + QStringLiteral("v2.pipeline.yaml"),
            QStringLiteral("--against"), QStringLiteral("x"), QStringLiteral("--against-document"),
            versions + QStringLiteral("v1.pipeline.yaml")}),
        2);

    QCOMPARE(run({QStringLiteral("explain"), versions + QStringLiteral("v2.pipeline.yaml"),
                 QStringLiteral("--against"), QString()}),
        2);
    QVERIFY(m_err.str().find("--against needs a value") != std::string::npos);

    // The other version has problems of its own: they are reported, and its broken steps
    // cannot be compared.
    QTemporaryDir dir;
    const QString broken = writeFile(dir, QStringLiteral("broken.pipeline.yaml"),
        "version: 1\nname: reviews\ncomponent_dirs: [" FONDANT_TEST_DATA_DIR "/components]\n"
        "steps:\n  - id: load_table\n    component: load_table\n"
        "    arguments: {uri: /data/reviews.parquet, rows: 100}\n"
        "  - id: trim_text\n    component: nowhere\n");
    QCOMPARE(run({QStringLiteral("explain"), versions + QStringLiteral("v2.pipeline.yaml"),
                 QStringLiteral("--against-document"), broken}),
        0);
    QVERIFY2(m_err.str().find("component 'nowhere' not found") != std::string::npos,
        m_err.str().c_str());
    QVERIFY2(
        m_out.str().find(", 1 cannot be compared\n") != std::string::npos, m_out.str().c_str());
}

void tst_CliApplication::exportRecordsTheRunThatExplainComparesWith()
{
    const QString document = QStringLiteral(FONDANT_TEST_DATA_DIR "/export/tricky.pipeline.yaml");
    QTemporaryDir dir;
    const QString wd = dir.filePath(QStringLiteral("wd"));
    const QString output = dir.filePath(QStringLiteral("docker-compose.yml"));
    QCOMPARE(run({QStringLiteral("export"), document, QStringLiteral("--target"),
                 QStringLiteral("compose"), QStringLiteral("-o"), output,
                 QStringLiteral("--working-directory"), wd, QStringLiteral("--run-id"),
                 QStringLiteral("tricky-1")}),
        0);
    QVERIFY(QFileInfo(output).isFile());
    QVERIFY(QFileInfo(wd + QStringLiteral("/.fondant-studio/runs/tricky-1.json")).isFile());
    QVERIFY(m_err.str().find("run tricky-1 recorded") != std::string::npos);

    // A later version, compared with the exported run ingredient by ingredient.
    QFile original(document);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray text = original.readAll();
    text.replace("component_dirs: [components, ../components]",
        "component_dirs: [" FONDANT_TEST_DATA_DIR "/export/components, " FONDANT_TEST_DATA_DIR
        "/components]");
    text.replace("threshold: 1.0e-05", "threshold: 0.5");
    const QString later = writeFile(dir, QStringLiteral("later.pipeline.yaml"), text);
    QCOMPARE(run({QStringLiteral("explain"), later, QStringLiteral("--working-directory"), wd,
                 QStringLiteral("--against"), QStringLiteral("tricky-1")}),
        0);
    QVERIFY2(m_out.str().find("tag_rows    changed: arguments.threshold 1e-05 → 0.5 (root cause)")
            != std::string::npos,
        m_out.str().c_str());
    QVERIFY(m_out.str().find("load_table  unchanged") != std::string::npos);
}

void tst_CliApplication::exportWritesTheFondantProgram()
{
    const QString document = QStringLiteral(FONDANT_TEST_DATA_DIR "/export/tricky.pipeline.yaml");
    QTemporaryDir dir;
    const QString output = dir.filePath(QStringLiteral("pipeline.py"));
    QCOMPARE(run({QStringLiteral("export"), document, QStringLiteral("--target"),
                 QStringLiteral("python"), QStringLiteral("-o"), output}),
        0);
    QFile program(output);
    QVERIFY(program.open(QIODevice::ReadOnly));
    QVERIFY(program.readAll().contains("    tag_rows = load_table.apply(\n"));
    // Fondant names the run when it runs the program: no record, and no run options.
    QVERIFY(m_err.str().find("recorded") == std::string::npos);
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
        QStringList {QStringLiteral("pipeline.py")});
    QCOMPARE(run({QStringLiteral("export"), document, QStringLiteral("--target"),
                 QStringLiteral("python"), QStringLiteral("--run-id"), QStringLiteral("x-1")}),
        2);
    QVERIFY(m_err.str().find("--run-id does not apply to --target python") != std::string::npos);
    // One component used by two steps: refused, nothing written.
    const QString twice = dir.filePath(QStringLiteral("twice.py"));
    QCOMPARE(
        run({QStringLiteral("export"), QStringLiteral(FONDANT_EXAMPLE_DIR "/reviews.pipeline.yaml"),
            QStringLiteral("--target"), QStringLiteral("python"), QStringLiteral("-o"), twice}),
        1);
    QVERIFY(m_err.str().find("both use the component 'write_parquet'") != std::string::npos);
    QVERIFY(!QFileInfo::exists(twice));
}

void tst_CliApplication::importRebuildsTheDocumentOfAnExport()
{
    QTemporaryDir dir;
    const QString compose = dir.filePath(QStringLiteral("docker-compose.yml"));
    QCOMPARE(run({QStringLiteral("export"),
                 QStringLiteral(FONDANT_TEST_DATA_DIR "/export/tricky.pipeline.yaml"),
                 QStringLiteral("--target"), QStringLiteral("compose"), QStringLiteral("-o"),
                 compose, QStringLiteral("--working-directory"), QStringLiteral("gs://b/wd")}),
        0);
    const QString document = dir.filePath(QStringLiteral("imported.pipeline.yaml"));
    QCOMPARE(run({QStringLiteral("import"), compose, QStringLiteral("-o"), document}), 0);
    // '$$' read back as '$', the keys of the file given again, components written beside it.
    QVERIFY2(m_err.str().find("carries the cache key") == std::string::npos, m_err.str().c_str());
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("components/load_table/fondant_component.yaml")))
                .isFile());
    QCOMPARE(run({QStringLiteral("keys"), document}), 0);
    QVERIFY(m_out.str().find("ce771f87ab0da0f72ea97b00baead941") != std::string::npos);
    // Not a compiled pipeline: refused with its place, nothing written.
    const QString other = dir.filePath(QStringLiteral("other.pipeline.yaml"));
    QCOMPARE(run({QStringLiteral("import"), document, QStringLiteral("-o"), other}), 1);
    QVERIFY(m_err.str().find(":1:1: error: is neither a docker-compose file") != std::string::npos);
    QVERIFY(!QFileInfo::exists(other));
    QCOMPARE(run({QStringLiteral("import"), compose}), 2);
}

void tst_CliApplication::exportWritesNothingOnError()
{
    const QString document = QStringLiteral(FONDANT_TEST_DATA_DIR "/export/tricky.pipeline.yaml");
    QTemporaryDir dir;
    const QString wd = dir.filePath(QStringLiteral("wd"));
    const auto exportTo = [&](const QString &pipeline, const QString &output,
                              const QString &workingDirectory, const QString &target) {
        return run({QStringLiteral("export"), pipeline, QStringLiteral("--target"), target,
            QStringLiteral("-o"), output, QStringLiteral("--working-directory"), workingDirectory});
    };
    const QString compose = QStringLiteral("compose");
    QCOMPARE(
        exportTo(document, dir.filePath(QStringLiteral("out.yml")), wd, QStringLiteral("helm")), 2);
    QVERIFY(m_err.str().find("unknown target 'helm'") != std::string::npos);
    // A folder where the file should go.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken")));
    QCOMPARE(exportTo(document, dir.filePath(QStringLiteral("taken")), wd, compose), 1);
    QVERIFY(m_err.str().find("not a regular file") != std::string::npos);
    // A pipeline with errors.
    const QString broken = writeFile(dir, QStringLiteral("broken.pipeline.yaml"),
        "version: 1\nname: broken\nsteps:\n  - id: a\n    component: nowhere\n");
    QCOMPARE(exportTo(broken, dir.filePath(QStringLiteral("broken.yml")), wd, compose), 1);
    QVERIFY(m_err.str().find("the pipeline has errors") != std::string::npos);
    QVERIFY(!QFileInfo::exists(wd));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("broken.yml"))));
    // A working directory that cannot be made: no file either.
    const QString taken = writeFile(dir, QStringLiteral("file"), "x");
    QCOMPARE(exportTo(document, dir.filePath(QStringLiteral("out.yml")), taken, compose), 1);
    QVERIFY(m_err.str().find("cannot create the working directory") != std::string::npos);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("out.yml"))));
    // The pipeline itself as the output.
    const QString valid = writeFile(dir, QStringLiteral("valid.pipeline.yaml"),
        "version: 1\nname: v\ncomponent_dirs: [" FONDANT_TEST_DATA_DIR "/components]\nsteps:\n"
        "  - id: load\n    component: load_table\n    arguments: {uri: /a}\n"
        "    produces: {text: string}\n");
    QCOMPARE(exportTo(valid, valid, wd, compose), 1);
    QVERIFY(m_err.str().find("is the pipeline itself") != std::string::npos);
    QFile original(valid);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QVERIFY(original.readAll().startsWith("version: 1"));
}

void tst_CliApplication::runsExportedToARemoteFolderAreKnownByTheirRecords()
{
    // The records of a remote working directory go to the user's data folder (a test one here).
    QStandardPaths::setTestModeEnabled(true);
    const QString document = QStringLiteral(FONDANT_TEST_DATA_DIR "/export/kubeflow.pipeline.yaml");
    const QString wd
        = QStringLiteral("gs://bucket/studio-test-%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir dir;
    QCOMPARE(run({QStringLiteral("export"), document, QStringLiteral("--target"),
                 QStringLiteral("kfp"), QStringLiteral("-o"), dir.filePath(QStringLiteral("k.yml")),
                 QStringLiteral("--working-directory"), wd, QStringLiteral("--run-id"),
                 QStringLiteral("kubeflow-1")}),
        0);
    QCOMPARE(run({QStringLiteral("runs"), wd}), 0);
    QVERIFY2(m_out.str().find("kubeflow-1") != std::string::npos, m_out.str().c_str());
    QVERIFY(m_out.str().find("exported, no run folder yet") != std::string::npos);
    QCOMPARE(run({QStringLiteral("explain"), document, QStringLiteral("--working-directory"), wd,
                 QStringLiteral("--against"), QStringLiteral("kubeflow-1")}),
        0);
    QVERIFY2(m_out.str().find("0 of 3 steps changed themselves") != std::string::npos,
        m_out.str().c_str());
    // Status needs the reference files, which cannot be read there.
    QCOMPARE(
        run({QStringLiteral("status"), document, QStringLiteral("--working-directory"), wd}), 1);
    QVERIFY(m_err.str().find("remote working directory cannot be read here") != std::string::npos);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
}

void tst_CliApplication::drawsNothingWithoutGuiLibraries()
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {QStringLiteral(FONDANT_CLI_PROGRAM)});
    if (!ldd.waitForFinished() || ldd.exitCode() != 0)
        QSKIP("ldd cannot list the program's libraries here");
    const QString libraries = QString::fromLocal8Bit(ldd.readAllStandardOutput());
    QVERIFY(libraries.contains(QLatin1String("libQt6Core")));
    for (const char *gui : {"libQt6Gui", "libQt6Widgets", "libQt6Svg", "libgvc", "libcgraph"})
        QVERIFY2(!libraries.contains(QLatin1String(gui)), gui);
}

QTEST_GUILESS_MAIN(tst_CliApplication)
#include "tst_CliApplication.moc"
