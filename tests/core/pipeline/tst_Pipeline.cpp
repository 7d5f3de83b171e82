// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/Pipeline.h"

#include <QTest>

using namespace fondant;

class tst_Pipeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsSteps();
    void sourceMapFallsBackToParents();
    void baseDirectoryIsTheFileFolder();
};

void tst_Pipeline::findsSteps()
{
    Pipeline pipeline;
    pipeline.steps.resize(2);
    pipeline.steps[0].id = "a";
    pipeline.steps[1].id = "b";
    QCOMPARE(pipeline.indexOf("b"), 1);
    QCOMPARE(pipeline.indexOf("c"), -1);
    QVERIFY(pipeline.findStep("a") == &pipeline.steps[0]);
}

void tst_Pipeline::sourceMapFallsBackToParents()
{
    SourceMap marks;
    marks.set("arguments", {4, 5});
    marks.set("arguments.min", {5, 7});
    QCOMPARE(marks.find("arguments.min"), (SourceMark {5, 7}));
    QCOMPARE(marks.find("arguments.max"), (SourceMark {4, 5}));
    QCOMPARE(marks.find("produces.x", {1, 1}), (SourceMark {1, 1}));
}

void tst_Pipeline::baseDirectoryIsTheFileFolder()
{
    Pipeline pipeline;
    pipeline.filePath = "/some/where/p.pipeline.yaml";
    QCOMPARE(pipeline.baseDirectory(), std::string("/some/where"));
}

QTEST_GUILESS_MAIN(tst_Pipeline)
#include "tst_Pipeline.moc"
