// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/StepClipboard.h"

#include "DocumentFixture.h"
#include "views/commands/PipelineEditor.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QTest>

using namespace fondant;

class tst_StepClipboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void copiesStepsAsPipelineText();
    void readsPlainTextToo();
};

void tst_StepClipboard::copiesStepsAsPipelineText()
{
    auto document = test::reviewsDocument();
    QVERIFY(!StepClipboard::copy(*document, {}));
    QVERIFY(StepClipboard::copy(*document, {QStringLiteral("trim")}));
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime->hasFormat(QLatin1String(StepClipboard::mimeType)));
    QVERIFY(mime->text().contains(QStringLiteral("component: trim_text")));
    QCOMPARE(StepClipboard::text(), mime->text());
    // What was copied pastes back as a new step.
    const QStringList pasted
        = PipelineEditor(*document).pasteSteps(StepClipboard::text(), QPointF());
    QCOMPARE(pasted, QStringList {QStringLiteral("trim_2")});
}

void tst_StepClipboard::readsPlainTextToo()
{
    QGuiApplication::clipboard()->setText(QStringLiteral("steps: []"));
    QCOMPARE(StepClipboard::text(), QStringLiteral("steps: []"));
}

QTEST_MAIN(tst_StepClipboard)
#include "tst_StepClipboard.moc"
