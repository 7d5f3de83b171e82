// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/PipelineAnalysis.h"

#include "core/pipeline/Pipeline.h"

#include <QTest>

using namespace fondant;

class tst_PipelineAnalysis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsStepsAndErrors();
};

void tst_PipelineAnalysis::findsStepsAndErrors()
{
    Pipeline pipeline;
    pipeline.steps.resize(2);
    pipeline.steps[0].id = "a";
    pipeline.steps[1].id = "b";
    PipelineAnalysis analysis;
    analysis.graph = StepGraph(pipeline);
    analysis.steps.resize(2);
    QVERIFY(analysis.find("b") == &analysis.steps[1]);
    QVERIFY(!analysis.find("c"));
    QVERIFY(!analysis.hasErrors());
    analysis.steps[1].diagnostics.push_back(Diagnostic::warning("f", {}, "w"));
    analysis.collectDiagnostics();
    QVERIFY(!analysis.hasErrors());
    analysis.pipelineDiagnostics.push_back(Diagnostic::error("f", {}, "e"));
    analysis.collectDiagnostics();
    QVERIFY(analysis.hasErrors());
    QCOMPARE(analysis.diagnostics.front().message, std::string("e")); // the pipeline's first
}

QTEST_GUILESS_MAIN(tst_PipelineAnalysis)
#include "tst_PipelineAnalysis.moc"
