// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/KeyDiffDock.h"

#include "InspectedFixture.h"
#include "views/commands/PipelineEditor.h"
#include "views/document/KeyComparison.h"
#include "views/models/KeyDiffModel.h"

#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace fondant;

class tst_KeyDiffDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void rootCauseAndCascadeAreTold();
};

void tst_KeyDiffDock::rootCauseAndCascadeAreTold()
{
    test::InspectedVersion inspected("v2");
    KeyComparison comparison(inspected.document, inspected.inspector);
    KeyDiffDock dock(comparison);
    dock.show();
    QVERIFY(dock.summary().startsWith(QStringLiteral("Select a step")));
    PipelineEditor(inspected.document)
        .changeStep(QStringLiteral("trim_text"), QStringLiteral("arguments"),
            [](Step &step) { step.arguments.set("max_length", 45); });

    dock.setStep(QStringLiteral("trim_text"));
    QVERIFY2(dock.summary().startsWith(QStringLiteral(
                 "trim_text changed itself against the run of 24 Apr 2024, 09:00: it is a root "
                 "cause")),
        qPrintable(dock.summary()));
    auto *cause = dock.findChild<QToolButton *>(QStringLiteral("showCause"));
    QVERIFY(cause->isHidden());
    dock.findChild<QToolButton *>(QStringLiteral("copyDiff"))->click();
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("arguments.max_length")));

    dock.setStep(QStringLiteral("write_rows"));
    QVERIFY2(dock.summary().startsWith(
                 QStringLiteral("write_rows re-runs because trim_text changed (cascade)")),
        qPrintable(dock.summary()));
    QVERIFY(!cause->isHidden());
    QSignalSpy asked(&dock, &KeyDiffDock::stepRequested);
    cause->click();
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toString(), QStringLiteral("trim_text"));
}

QTEST_MAIN(tst_KeyDiffDock)
#include "tst_KeyDiffDock.moc"
