// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/StepItem.h"

#include "DocumentFixture.h"

#include <QImage>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

using namespace fondant;

class tst_StepItem : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void portsAndSize();
    void tooltipCarriesTheKeyAndCaching();
    void paintsAtEveryLevelOfDetail();
};

void tst_StepItem::portsAndSize()
{
    auto document = test::reviewsDocument();
    StepItem item(*document, QStringLiteral("trim"));
    item.setPos(100, 50);
    QCOMPARE(item.portAt(QPointF(StepItem::width, 24)), StepItem::Port::Output);
    QCOMPARE(item.portAt(QPointF(0, 24)), StepItem::Port::Input);
    QCOMPARE(item.portAt(QPointF(100, 30)), StepItem::Port::None);
    QCOMPARE(item.outputPortPos(), QPointF(100 + StepItem::width, 74));
    // trim consumes one field and produces two: the body grows with the longer list.
    QVERIFY(item.boundingRect().height() > 48 + 2 * 16);
}

void tst_StepItem::tooltipCarriesTheKeyAndCaching()
{
    auto document = test::reviewsDocument();
    Step trim = *document->step(QStringLiteral("trim"));
    StepItem item(*document, QStringLiteral("trim"));
    QVERIFY(item.toolTipText().contains(QStringLiteral("255ab9edb57e309110d81a0d403f975a")));
    trim.cache = false;
    document->replaceStep(QStringLiteral("trim"), trim);
    item.refresh();
    QVERIFY(item.toolTipText().contains(QStringLiteral("caching off")));
    QVERIFY(!item.toolTipText().contains(QStringLiteral("error:")));
    // A step's problems are listed where the pointer is.
    trim.arguments.set("max_length", "long");
    document->replaceStep(QStringLiteral("trim"), trim);
    item.refresh();
    QVERIFY2(
        item.toolTipText().contains(QStringLiteral("<br>error: ")), qPrintable(item.toolTipText()));
    QVERIFY(item.toolTipText().contains(QStringLiteral("max_length")));
}

void tst_StepItem::paintsAtEveryLevelOfDetail()
{
    auto document = test::reviewsDocument();
    StepItem item(*document, QStringLiteral("export"));
    for (qreal scale : {0.2, 1.0, 2.0}) {
        QImage image(600, 400, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.scale(scale, scale);
        QStyleOptionGraphicsItem option;
        item.paint(&painter, &option, nullptr);
        painter.end();
        QVERIFY(image.pixel(10, 10) != qRgb(255, 255, 255) || scale < 1.0);
    }
}

QTEST_MAIN(tst_StepItem)
#include "tst_StepItem.moc"
