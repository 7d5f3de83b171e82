// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/GraphView.h"

#include "DocumentFixture.h"
#include "views/scene/GraphScene.h"
#include "views/scene/StepItem.h"

#include <QTemporaryDir>

using namespace fondant;

class tst_GraphView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void zoomStepsAndLimits();
    void fitShowsEveryStep();
    void showStepSelectsAndCentres();
    void farAwayNamesAreReadableAndApart();
};

void tst_GraphView::zoomStepsAndLimits()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    GraphView view(&scene);
    QSignalSpy zoomed(&view, &GraphView::zoomChanged);
    view.zoomIn();
    QCOMPARE(view.zoom(), 1.25);
    view.zoomOut();
    QVERIFY(qFuzzyCompare(view.zoom(), 1.0));
    for (int i = 0; i < 40; ++i)
        view.zoomIn();
    QCOMPARE(view.zoom(), 4.0);
    view.resetZoom();
    QVERIFY(qFuzzyCompare(view.zoom(), 1.0));
    QVERIFY(zoomed.count() >= 3);
}

void tst_GraphView::fitShowsEveryStep()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    GraphView view(&scene);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.zoomToFit();
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    for (const QString &id : document->stepIds())
        QVERIFY(visible.contains(scene.stepItem(id)->sceneBoundingRect().center()));
    QVERIFY(view.zoom() < 1.0);
}

void tst_GraphView::showStepSelectsAndCentres()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    GraphView view(&scene);
    view.resize(300, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showStep(QStringLiteral("export"));
    QCOMPARE(scene.selectedStepIds(), QStringList {QStringLiteral("export")});
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    QVERIFY(
        visible.contains(scene.stepItem(QStringLiteral("export"))->sceneBoundingRect().center()));
}

void tst_GraphView::farAwayNamesAreReadableAndApart()
{
    // A chain of 600 steps, laid out by the canvas since the file keeps no positions.
    QTemporaryDir folder;
    QByteArray steps;
    for (int i = 1; i < 600; ++i)
        steps += "  - id: s" + QByteArray::number(i) + "\n    component: trim_text\n    input: s"
            + QByteArray::number(i - 1) + "\n";
    PipelineDocument document;
    QVERIFY(!hasErrors(document.load(test::writePipelineAfterLoad(folder, "chain", "s0", steps))));
    GraphScene scene(document);
    GraphView view(&scene);
    view.resize(700, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    scene.selectSteps({QStringLiteral("s377")});
    view.zoomToFit();
    while (view.zoom() > 0.05) // where the steps' own names are too small to draw
        view.zoomOut();

    const QList<GraphView::FarName> names = view.farNames();
    QVERIFY2(names.size() >= 30, qPrintable(QString::number(names.size())));
    QCOMPARE(names.first().text, QStringLiteral("s377")); // the selection is always named
    QVERIFY(names.first().selected);
    for (qsizetype i = 0; i < names.size(); ++i) {
        QVERIFY(view.viewport()->rect().contains(names[i].rect.toAlignedRect()));
        QVERIFY(names[i].rect.height() >= 11);
        for (qsizetype j = i + 1; j < names.size(); ++j)
            QVERIFY2(!names[i].rect.intersects(names[j].rect),
                qPrintable(names[i].text + QStringLiteral(" over ") + names[j].text));
    }
    // Up close every step draws its own name.
    view.resetZoom();
    QVERIFY(view.farNames().isEmpty());
}

QTEST_MAIN(tst_GraphView)
#include "tst_GraphView.moc"
