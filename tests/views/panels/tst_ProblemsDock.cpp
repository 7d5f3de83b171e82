// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/ProblemsDock.h"

#include "DocumentFixture.h"
#include "views/commands/PipelineEditor.h"
#include "views/models/DiagnosticsModel.h"

#include <QTableView>

using namespace fondant;

class tst_ProblemsDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void titleCountsAndClickAsksForTheStep();
    void longMessagesWrapInsteadOfBeingCut();
};

void tst_ProblemsDock::titleCountsAndClickAsksForTheStep()
{
    auto document = test::reviewsDocument();
    DiagnosticsModel model(*document);
    ProblemsDock dock(&model);
    QCOMPARE(dock.windowTitle(), QStringLiteral("Problems — none"));
    PipelineEditor(*document).changeStep(QStringLiteral("export"), QStringLiteral("arguments"),
        [](Step &step) { step.arguments.remove("path"); });
    QCOMPARE(dock.windowTitle(), QStringLiteral("Problems — 1 error, 0 warnings"));
    QSignalSpy asked(&dock, &ProblemsDock::problemActivated);
    Q_EMIT dock.view()->clicked(model.index(0, DiagnosticsModel::MessageColumn));
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toString(), QStringLiteral("export"));
}

void tst_ProblemsDock::longMessagesWrapInsteadOfBeingCut()
{
    auto document = test::reviewsDocument();
    DiagnosticsModel model(*document);
    ProblemsDock dock(&model);
    dock.resize(420, 300);
    dock.show();
    PipelineEditor(*document).changeStep(QStringLiteral("export"), QStringLiteral("arguments"),
        [](Step &step) { step.arguments.remove("path"); });
    const int oneLine = dock.view()->fontMetrics().height();
    QVERIFY2(dock.view()->rowHeight(0) > 4 * oneLine,
        qPrintable(QStringLiteral("row height %1").arg(dock.view()->rowHeight(0))));
}

QTEST_MAIN(tst_ProblemsDock)
#include "tst_ProblemsDock.moc"
