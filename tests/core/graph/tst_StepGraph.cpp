// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/StepGraph.h"

#include "core/pipeline/Pipeline.h"

#include <QTest>

using namespace fondant;

class tst_StepGraph : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parentsChildrenAndDescendants();
    void inputsThatAreNotEarlierHaveNoParent();
    void keysChainInCallOrder();
    void largeChainIsLinear();
};

namespace {

// Steps given as "id<input" pairs ("b<a": step b reads a; "a": no input).
Pipeline pipelineOf(std::initializer_list<const char *> steps)
{
    Pipeline pipeline;
    for (const char *text : steps) {
        const std::string spec(text);
        const std::size_t split = spec.find('<');
        Step step;
        step.id = spec.substr(0, split);
        if (split != std::string::npos)
            step.input = spec.substr(split + 1);
        pipeline.steps.push_back(step);
    }
    return pipeline;
}

} // namespace

void tst_StepGraph::parentsChildrenAndDescendants()
{
    // load → trim → export, and load → embed (a branch)
    const StepGraph graph(pipelineOf({"load", "trim<load", "export<trim", "embed<load"}));
    QCOMPARE(graph.size(), std::size_t {4});
    QCOMPARE(graph.indexOf("embed"), 3);
    QCOMPARE(graph.indexOf("nope"), -1);
    QCOMPARE(graph.parent(0), -1);
    QCOMPARE(graph.parent(3), 0);
    QCOMPARE(graph.children(0), (std::vector<int> {1, 3}));
    QCOMPARE(graph.descendants(0), (std::vector<int> {0, 1, 3, 2}));
    QCOMPARE(graph.descendants(1), (std::vector<int> {1, 2}));
    QVERIFY(graph.descendsFrom(2, 0));
    QVERIFY(graph.descendsFrom(2, 2));
    QVERIFY(!graph.descendsFrom(3, 1));
}

void tst_StepGraph::inputsThatAreNotEarlierHaveNoParent()
{
    // a reads c (later), b reads itself, c reads an unknown step, d reads a duplicated id.
    const StepGraph graph(pipelineOf({"a<c", "b<b", "c<zz", "a", "d<a"}));
    QCOMPARE(graph.parent(0), -1);
    QCOMPARE(graph.parent(1), -1);
    QCOMPARE(graph.parent(2), -1);
    QCOMPARE(graph.indexOf("a"), 0); // the first of two steps with the same id
    QCOMPARE(graph.parent(4), 0);
}

void tst_StepGraph::keysChainInCallOrder()
{
    // Fondant chains each key on the step before in call order, also after a branch.
    QCOMPARE(StepGraph::chainPredecessor(3), 2);
    QCOMPARE(StepGraph::chainPredecessor(0), -1);
}

void tst_StepGraph::largeChainIsLinear()
{
    Pipeline pipeline;
    pipeline.steps.resize(100'000);
    for (std::size_t i = 0; i < pipeline.steps.size(); ++i) {
        pipeline.steps[i].id = "s" + std::to_string(i);
        if (i > 0)
            pipeline.steps[i].input = pipeline.steps[i - 1].id;
    }
    const StepGraph graph(pipeline);
    QCOMPARE(graph.descendants(0).size(), std::size_t {100'000});
    QVERIFY(graph.descendsFrom(99'999, 0));
}

QTEST_GUILESS_MAIN(tst_StepGraph)
#include "tst_StepGraph.moc"
