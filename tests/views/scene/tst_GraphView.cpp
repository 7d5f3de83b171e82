// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/GraphView.h"

#include "DocumentFixture.h"
#include "views/scene/GraphScene.h"
#include "views/scene/StepItem.h"

using namespace fondant;

class tst_GraphView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void zoomStepsAndLimits();
    void fitShowsEveryStep();
    void showStepSelectsAndCentres();
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

QTEST_MAIN(tst_GraphView)
#include "tst_GraphView.moc"
