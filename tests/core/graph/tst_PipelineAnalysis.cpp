// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/PipelineAnalysis.h"

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
    PipelineAnalysis analysis;
    analysis.steps.resize(2);
    analysis.steps[0].id = "a";
    analysis.steps[1].id = "b";
    QVERIFY(analysis.find("b") == &analysis.steps[1]);
    QVERIFY(!analysis.find("c"));
    QVERIFY(!analysis.hasErrors());
    analysis.diagnostics.push_back(Diagnostic::warning("f", {}, "w"));
    QVERIFY(!analysis.hasErrors());
    analysis.diagnostics.push_back(Diagnostic::error("f", {}, "e"));
    QVERIFY(analysis.hasErrors());
}

QTEST_GUILESS_MAIN(tst_PipelineAnalysis)
#include "tst_PipelineAnalysis.moc"
