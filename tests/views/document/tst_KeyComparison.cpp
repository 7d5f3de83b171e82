// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/KeyComparison.h"

#include "InspectedFixture.h"
#include "views/commands/PipelineEditor.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace fondant;
using Against = KeyComparison::Against;

class tst_KeyComparison : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void againstTheRunTheInspectorComparesWith();
    void againstTheSavedFileFollowsEditsAndSaves();
    void againstAnotherFile();
    void againstGitHead();
    void unreadableVersionsSayWhy();
};

namespace {

void setMaxLength(PipelineDocument &document, int value)
{
    PipelineEditor(document).changeStep(QStringLiteral("trim_text"), QStringLiteral("arguments"),
        [value](Step &step) { step.arguments.set("max_length", value); });
}

// A writable copy of a fixture version, opened: saving and committing it touches no fixture.
QString copyOfVersion(const char *version, const QTemporaryDir &folder)
{
    const QString path = folder.filePath(QStringLiteral("reviews.pipeline.yaml"));
    QFile source(test::historyData + QStringLiteral("/versions/") + QLatin1String(version)
        + QStringLiteral(".pipeline.yaml"));
    QFile target(path);
    if (!source.open(QIODevice::ReadOnly) || !target.open(QIODevice::WriteOnly))
        qFatal("cannot copy the fixture version");
    target.write(source.readAll().replace(
        "../../components", QByteArray(FONDANT_TEST_DATA_DIR "/components")));
    return path;
}

} // namespace

void tst_KeyComparison::againstTheRunTheInspectorComparesWith()
{
    test::InspectedVersion inspected("v2");
    KeyComparison comparison(inspected.document, inspected.inspector);
    QCOMPARE(comparison.against(), Against::Run);
    QCOMPARE(comparison.description(), QStringLiteral("the run of 24 Apr 2024, 09:00"));
    QVERIFY(comparison.problem().isEmpty());
    QSignalSpy changed(&comparison, &KeyComparison::changed);
    setMaxLength(inspected.document, 45);
    QVERIFY(changed.count() >= 1);
    const StepExplanation *trim = comparison.explanation(QStringLiteral("trim_text"));
    QVERIFY(trim);
    QCOMPARE(trim->rootCause, std::optional<bool>(true));
    QVERIFY(comparison.text(QStringLiteral("trim_text"))
                .contains(QStringLiteral("arguments.max_length: 60 → 45")));
}

void tst_KeyComparison::againstTheSavedFileFollowsEditsAndSaves()
{
    QTemporaryDir folder;
    PipelineDocument document;
    document.load(copyOfVersion("v2", folder));
    CacheInspector inspector(document);
    KeyComparison comparison(document, inspector);
    comparison.compareWith(Against::SavedFile);
    QVERIFY2(comparison.problem().isEmpty(), qPrintable(comparison.problem()));
    QCOMPARE(
        comparison.explanation(QStringLiteral("trim_text"))->changed, std::optional<bool>(false));
    setMaxLength(document, 45);
    const StepExplanation *trim = comparison.explanation(QStringLiteral("trim_text"));
    QCOMPARE(trim->changed, std::optional<bool>(true));
    QCOMPARE(trim->changes.front().path, std::string("arguments.max_length"));
    const StepExplanation *write = comparison.explanation(QStringLiteral("write_rows"));
    QCOMPARE(write->rootCause, std::optional<bool>(false));
    QCOMPARE(write->causedBy, std::optional<std::string>("trim_text"));
    // Once saved, the saved file is the document: nothing differs.
    QVERIFY(!document.save(document.filePath()));
    QCOMPARE(
        comparison.explanation(QStringLiteral("trim_text"))->changed, std::optional<bool>(false));
}

void tst_KeyComparison::againstAnotherFile()
{
    test::InspectedVersion inspected("v4");
    KeyComparison comparison(inspected.document, inspected.inspector);
    comparison.compareWith(
        Against::File, test::historyData + QStringLiteral("/versions/v2.pipeline.yaml"));
    QCOMPARE(comparison.description(), QStringLiteral("v2.pipeline.yaml"));
    const StepExplanation *trim = comparison.explanation(QStringLiteral("trim_text"));
    QVERIFY(trim);
    QCOMPARE(trim->changes.size(), std::size_t(1));
    QCOMPARE(KeyExplain::valueText(trim->changes.front().before), std::string("60"));
    QCOMPARE(KeyExplain::valueText(trim->changes.front().now), std::string("40"));
}

void tst_KeyComparison::againstGitHead()
{
    const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
    if (git.isEmpty())
        QSKIP("git is not installed: the comparison with HEAD cannot be tried");
    QTemporaryDir folder;
    const QString path = copyOfVersion("v2", folder);
    const auto run = [&](const QStringList &arguments) {
        QProcess process;
        process.setWorkingDirectory(folder.path());
        process.start(git, arguments);
        return process.waitForFinished(10000) && process.exitCode() == 0;
    };
    QVERIFY(run({QStringLiteral("init"), QStringLiteral("-q")}));
    QVERIFY(run({QStringLiteral("add"), QStringLiteral("reviews.pipeline.yaml")}));
    QVERIFY(run({QStringLiteral("-c"), QStringLiteral("user.name=t"), QStringLiteral("-c"),
        QStringLiteral("user.email=t@example.com"), QStringLiteral("commit"), QStringLiteral("-qm"),
        QStringLiteral("v2")}));
    PipelineDocument document;
    document.load(path);
    CacheInspector inspector(document);
    KeyComparison comparison(document, inspector);
    setMaxLength(document, 45);
    QVERIFY(!document.save(path)); // saved, but not committed
    comparison.compareWith(Against::GitHead);
    QVERIFY2(comparison.problem().isEmpty(), qPrintable(comparison.problem()));
    QCOMPARE(
        comparison.explanation(QStringLiteral("trim_text"))->rootCause, std::optional<bool>(true));
}

void tst_KeyComparison::unreadableVersionsSayWhy()
{
    PipelineDocument document; // never saved
    CacheInspector inspector(document);
    KeyComparison comparison(document, inspector);
    comparison.compareWith(Against::SavedFile);
    QVERIFY(comparison.problem().contains(QStringLiteral("not been saved")));
    comparison.compareWith(Against::File, QStringLiteral("/nonexistent.pipeline.yaml"));
    QVERIFY(comparison.problem().contains(QStringLiteral("/nonexistent.pipeline.yaml")));
    comparison.compareWith(Against::Run);
    QVERIFY(comparison.problem().contains(QStringLiteral("No working directory")));
    QVERIFY(!comparison.explanation(QStringLiteral("x")));
}

QTEST_GUILESS_MAIN(tst_KeyComparison)
#include "tst_KeyComparison.moc"
