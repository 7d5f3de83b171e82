// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/GraphLayout.h"

#include <QRectF>
#include <QTest>

using namespace fondant;

class tst_GraphLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layersFollowTheLinks();
    void emptyGraph();
};

void tst_GraphLayout::layersFollowTheLinks()
{
    const QSizeF size(230, 80);
    std::vector<GraphLayout::Node> nodes {{QStringLiteral("load"), size, {}},
        {QStringLiteral("a"), size, QStringLiteral("load")},
        {QStringLiteral("b"), size, QStringLiteral("load")},
        {QStringLiteral("c"), size, QStringLiteral("a")}, {QStringLiteral("alone"), size, {}}};
    const QHash<QString, QPointF> positions = GraphLayout::compute(nodes);
    QCOMPARE(positions.size(), 5);
    // Left to right: every step right of the step it reads.
    QVERIFY(
        positions[QStringLiteral("a")].x() >= positions[QStringLiteral("load")].x() + size.width());
    QVERIFY(
        positions[QStringLiteral("c")].x() >= positions[QStringLiteral("a")].x() + size.width());
    // Siblings share a layer without overlapping.
    QCOMPARE(positions[QStringLiteral("a")].x(), positions[QStringLiteral("b")].x());
    const QRectF a(positions[QStringLiteral("a")], size);
    const QRectF b(positions[QStringLiteral("b")], size);
    QVERIFY(!a.intersects(b));
}

void tst_GraphLayout::emptyGraph()
{
    QVERIFY(GraphLayout::compute({}).isEmpty());
}

QTEST_GUILESS_MAIN(tst_GraphLayout)
#include "tst_GraphLayout.moc"
