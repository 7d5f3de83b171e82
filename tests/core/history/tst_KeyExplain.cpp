// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/history/KeyExplain.h"

#include "HistoryFixture.h"
#include "core/history/RunHistory.h"
#include "core/session/PipelineSession.h"
#include "core/value/PyJson.h"

#include <QTest>

using namespace fondant;

class tst_KeyExplain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void againstAnotherVersionOfTheDocument();
    void againstARecordedRun();
    void againstARunWithoutRecord();
    void resourcesImagesAndSpecChanges();
};

namespace {

const QString &history = test::historyData;

std::string text(const std::optional<Value> &value)
{
    return value ? PyJson::dumps(*value, PyJson::KeyOrder::Sorted) : std::string("absent");
}

// "path: before -> now" of each change.
std::vector<std::string> changes(const StepExplanation &step)
{
    std::vector<std::string> lines;
    for (const KeyChange &change : step.changes)
        lines.push_back(change.path + ": " + text(change.before) + " -> " + text(change.now));
    return lines;
}

} // namespace

void tst_KeyExplain::againstAnotherVersionOfTheDocument()
{
    const std::vector<StepExplanation> steps
        = KeyExplain::againstDocument(test::historyVersion("v2"), test::historyVersion("v1"));
    QCOMPARE(steps.size(), std::size_t {3});
    QCOMPARE(steps[0].changed, std::optional<bool>(false));
    QVERIFY(steps[0].changes.empty());
    // Keys from Fondant (fondant-oracle) for both versions.
    QCOMPARE(*steps[1].oldKey, std::string("2233b09bc8e121ccf285568d6c11d16a"));
    QCOMPARE(*steps[1].newKey, std::string("6e937bfb61eefa2ee4225d338b6c2176"));
    QCOMPARE(steps[1].rootCause, std::optional<bool>(true));
    QCOMPARE(changes(steps[1]), std::vector<std::string> {"arguments.max_length: 80 -> 60"});
    QCOMPARE(steps[2].rootCause, std::optional<bool>(false));
    QCOMPARE(changes(steps[2]),
        std::vector<std::string> {"upstream: \"2233b09bc8e121ccf285568d6c11d16a\" -> "
                                  "\"6e937bfb61eefa2ee4225d338b6c2176\""});
    QCOMPARE(steps[2].causedBy, std::optional<std::string>("trim_text"));
}

void tst_KeyExplain::againstARecordedRun()
{
    // The fourth run (v3) turned caching off for trim_text; v2 turns it back on.
    const RunHistory runs = RunHistory::open(history + QStringLiteral("/wd")).value();
    const std::vector<StepExplanation> steps
        = KeyExplain::againstRun(test::historyVersion("v2"), *runs.run("reviews-20240424090000"));
    QCOMPARE(steps[0].changed, std::optional<bool>(false));
    QCOMPARE(changes(steps[1]), std::vector<std::string> {"cache: false -> true"});
    QCOMPARE(steps[1].rootCause, std::optional<bool>(true));
    QCOMPARE(steps[2].rootCause, std::optional<bool>(false));
    QCOMPARE(steps[2].causedBy, std::optional<std::string>("trim_text"));
    QCOMPARE(*steps[2].oldKey, std::string("0bffe282af9fa8d0fa10eb8b603f1e16"));
}

void tst_KeyExplain::againstARunWithoutRecord()
{
    const RunHistory runs = RunHistory::open(history + QStringLiteral("/wd")).value();
    const std::vector<StepExplanation> steps
        = KeyExplain::againstRun(test::historyVersion("v2"), *runs.run("reviews-20240422120000"));
    QCOMPARE(steps[0].changed, std::optional<bool>(false));
    // The key is known from a reference file, not the ingredients; it chains on an unchanged
    // key, so the change is the step's own.
    QCOMPARE(*steps[1].oldKey, std::string("2233b09bc8e121ccf285568d6c11d16a"));
    QCOMPARE(steps[1].changed, std::optional<bool>(true));
    QCOMPARE(steps[1].rootCause, std::optional<bool>(true));
    QVERIFY(steps[1].changes.empty());
    QVERIFY(steps[1].note.find("no record") != std::string::npos);
    QVERIFY(steps[1].note.find("text, stars, length") != std::string::npos);
    // The write step left nothing in that run: nothing is guessed.
    QVERIFY(!steps[2].changed && !steps[2].rootCause && !steps[2].oldKey);
}

void tst_KeyExplain::resourcesImagesAndSpecChanges()
{
    // Pre-images as Fondant writes them (fondant-oracle keys --preimages on v2's load_table),
    // edited in the ways a user would.
    RunRecord record = RunRecord::read(
        history + QStringLiteral("/wd/.fondant-studio/runs/reviews-20240423090000.json"))
                           .value();
    const RunRecord::Preimages before = record.step("load_table")->preimages.value();
    RunRecord::Preimages now = before;
    const auto replace = [](std::string &text, const std::string &from, const std::string &to) {
        const std::size_t at = text.find(from);
        QVERIFY2(at != std::string::npos, from.c_str());
        text.replace(at, from.size(), to);
    };
    replace(
        now.image, "registry.example.com/load_table:1.0", "registry.example.com/load_table:1.1");
    replace(now.final, "\"accelerator_name\": null", "\"accelerator_name\": \"GPU\"");
    replace(now.operationSpec, "\"type\": \"int8\"", "\"type\": \"int16\"");
    replace(now.arguments, "\"rows\": 100", "\"rows\": 100, \"extra\": [1]");
    StepExplanation edited;
    edited.changes = KeyExplain::diff(before, now);
    QCOMPARE(changes(edited),
        (std::vector<std::string> {
            "arguments.extra: absent -> [1]",
            "image: \"registry.example.com/load_table:1.0\" -> "
            "\"registry.example.com/load_table:1.1\"",
            "produces.stars.type: \"int8\" -> \"int16\"",
            "resources.accelerator_name: null -> \"GPU\"",
        }));
}

QTEST_GUILESS_MAIN(tst_KeyExplain)
#include "tst_KeyExplain.moc"
