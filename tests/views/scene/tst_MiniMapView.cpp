// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/MiniMapView.h"

#include "DocumentFixture.h"
#include "views/scene/GraphScene.h"
#include "views/scene/GraphView.h"
#include "views/scene/StepItem.h"

using namespace fondant;

class tst_MiniMapView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsEverythingAndMovesTheMainView();
};

void tst_MiniMapView::showsEverythingAndMovesTheMainView()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    GraphView view(&scene);
    view.resize(300, 200);
    view.show();
    MiniMapView map(&view);
    map.resize(200, 120);
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    map.fitScene();
    const QRectF seen = map.mapToScene(map.viewport()->rect()).boundingRect();
    for (const QString &id : document->stepIds())
        QVERIFY(seen.contains(scene.stepItem(id)->sceneBoundingRect()));
    const QPointF target = scene.stepItem(QStringLiteral("export"))->sceneBoundingRect().center();
    QTest::mouseClick(map.viewport(), Qt::LeftButton, {}, map.mapFromScene(target));
    const QPointF centre = view.mapToScene(view.viewport()->rect().center());
    QVERIFY(QLineF(centre, target).length() < 40);
}

QTEST_MAIN(tst_MiniMapView)
#include "tst_MiniMapView.moc"
