// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/EdgeItem.h"

#include "DocumentFixture.h"
#include "views/scene/StepItem.h"

#include <QGraphicsScene>

using namespace fondant;

class tst_EdgeItem : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsBothEnds();
};

void tst_EdgeItem::followsBothEnds()
{
    auto document = test::reviewsDocument();
    QGraphicsScene scene;
    auto *load = new StepItem(*document, QStringLiteral("load"));
    auto *trim = new StepItem(*document, QStringLiteral("trim"));
    scene.addItem(load);
    scene.addItem(trim);
    trim->setPos(300, 0);
    auto *edge = new EdgeItem(load, trim);
    scene.addItem(edge);
    QCOMPARE(edge->path().pointAtPercent(0), load->outputPortPos());
    QCOMPARE(edge->path().pointAtPercent(1), trim->inputPortPos());
    trim->setPos(500, 200);
    QCOMPARE(edge->path().pointAtPercent(1), trim->inputPortPos());
    delete edge; // unregisters from both steps
    trim->setPos(0, 0);
}

QTEST_MAIN(tst_EdgeItem)
#include "tst_EdgeItem.moc"
