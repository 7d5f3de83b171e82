// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/GraphLayout.h"

#include <QRectF>
#include <QTest>

#include <algorithm>

using namespace fondant;

class tst_GraphLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layersFollowTheLinks();
    void emptyGraph();
    void longestBranchKeepsTheRow();
    void fanOutStacksWithoutOverlap();
    void inputsThatAreNotEarlierStartNewTrees();
    void longChainsWrapIntoBands();
    void largeGraphsAreLaidOut();
};

namespace {

using Positions = QHash<QString, QPointF>;

std::vector<GraphLayout::Node> chainWithStubs(int count, QSizeF size)
{
    // Like a generated pipeline: a chain with a branch every tenth step.
    std::vector<GraphLayout::Node> nodes;
    for (int i = 0; i < count; ++i) {
        const int input = i == 0 ? -1 : (i % 10 == 0 && i >= 2 ? i - 2 : i - 1);
        nodes.push_back({QStringLiteral("s%1").arg(i), size,
            input < 0 ? QString() : QStringLiteral("s%1").arg(input)});
    }
    return nodes;
}

bool overlapAny(const std::vector<GraphLayout::Node> &nodes, const Positions &positions)
{
    // Steps of one layer share x; sort each layer by y and check neighbours.
    QHash<qreal, std::vector<std::pair<qreal, qreal>>> layers;
    for (const GraphLayout::Node &node : nodes) {
        const QPointF at = positions.value(node.id);
        layers[at.x()].push_back({at.y(), at.y() + node.size.height()});
    }
    for (auto &spans : layers) {
        std::sort(spans.begin(), spans.end());
        for (std::size_t i = 1; i < spans.size(); ++i)
            if (spans[i].first < spans[i - 1].second)
                return true;
    }
    return false;
}

} // namespace

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

void tst_GraphLayout::longestBranchKeepsTheRow()
{
    const QSizeF size(230, 80);
    const std::vector<GraphLayout::Node> nodes = chainWithStubs(40, size);
    const Positions positions = GraphLayout::compute(nodes);
    // The chain through s8 → s10 → s11 … stays on one row; the stub s9 hangs below it.
    for (const char *id : {"s1", "s8", "s10", "s11", "s20", "s39"})
        QCOMPARE(positions[QString::fromLatin1(id)].y(), positions[QStringLiteral("s0")].y());
    QVERIFY(positions[QStringLiteral("s9")].y() >= positions[QStringLiteral("s10")].y() + 80);
    QCOMPARE(positions[QStringLiteral("s9")].x(), positions[QStringLiteral("s10")].x());
    QVERIFY(!overlapAny(nodes, positions));
}

void tst_GraphLayout::fanOutStacksWithoutOverlap()
{
    std::vector<GraphLayout::Node> nodes {{QStringLiteral("root"), QSizeF(230, 80), {}}};
    for (int i = 0; i < 50; ++i)
        nodes.push_back({QStringLiteral("leaf%1").arg(i), QSizeF(200 + i, 60 + (i % 5) * 20),
            QStringLiteral("root")});
    const Positions positions = GraphLayout::compute(nodes);
    QVERIFY(!overlapAny(nodes, positions));
    // Layers are as wide as their widest step.
    QCOMPARE(positions[QStringLiteral("leaf0")].x(), 230 + GraphLayout::layerGap);
    for (int i = 1; i < 50; ++i)
        QVERIFY(positions[QStringLiteral("leaf%1").arg(i)].y()
            > positions[QStringLiteral("leaf%1").arg(i - 1)].y());
}

void tst_GraphLayout::inputsThatAreNotEarlierStartNewTrees()
{
    // A cycle through later inputs, a self-reference and an unknown input: all laid out.
    const QSizeF size(100, 50);
    const std::vector<GraphLayout::Node> nodes {{QStringLiteral("a"), size, QStringLiteral("b")},
        {QStringLiteral("b"), size, QStringLiteral("a")},
        {QStringLiteral("c"), size, QStringLiteral("c")},
        {QStringLiteral("d"), size, QStringLiteral("missing")}};
    const Positions positions = GraphLayout::compute(nodes);
    QCOMPARE(positions.size(), 4);
    QCOMPARE(positions[QStringLiteral("a")].x(), 0.0);
    QVERIFY(positions[QStringLiteral("b")].x() > 0);
    QCOMPARE(positions[QStringLiteral("c")].x(), 0.0);
    QCOMPARE(positions[QStringLiteral("d")].x(), 0.0);
    QVERIFY(!overlapAny(nodes, positions));
}

void tst_GraphLayout::longChainsWrapIntoBands()
{
    const QSizeF size(230, 80);
    const std::vector<GraphLayout::Node> nodes = chainWithStubs(1000, size);
    const Positions positions = GraphLayout::compute(nodes);
    QRectF bounds;
    for (const GraphLayout::Node &node : nodes)
        bounds |= QRectF(positions.value(node.id), size);
    // About screen-shaped rather than a 300,000-pixel line.
    QVERIFY2(bounds.width() / bounds.height() > 0.8 && bounds.width() / bounds.height() < 3,
        qPrintable(QStringLiteral("%1 x %2").arg(bounds.width()).arg(bounds.height())));
    QVERIFY(!overlapAny(nodes, positions));
    // Within a band the chain still runs left to right on one row.
    QCOMPARE(positions[QStringLiteral("s11")].y(), positions[QStringLiteral("s12")].y());
    QVERIFY(positions[QStringLiteral("s12")].x() > positions[QStringLiteral("s11")].x());
}

void tst_GraphLayout::largeGraphsAreLaidOut()
{
    // 20,000 steps of one fan-out and a 20,000-step chain: a layout that grows faster than
    // linearly would not finish here.
    std::vector<GraphLayout::Node> fan {{QStringLiteral("root"), QSizeF(230, 80), {}}};
    for (int i = 0; i < 20000; ++i)
        fan.push_back({QStringLiteral("n%1").arg(i), QSizeF(230, 80), QStringLiteral("root")});
    QCOMPARE(GraphLayout::compute(fan).size(), 20001);
    const std::vector<GraphLayout::Node> chain = chainWithStubs(20000, QSizeF(230, 80));
    const Positions positions = GraphLayout::compute(chain);
    QCOMPARE(positions.size(), 20000);
    QVERIFY(!overlapAny(chain, positions));
}

QTEST_GUILESS_MAIN(tst_GraphLayout)
#include "tst_GraphLayout.moc"
