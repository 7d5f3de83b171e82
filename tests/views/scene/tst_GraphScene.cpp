// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/GraphScene.h"

#include "DocumentFixture.h"
#include "InspectedFixture.h"
#include "core/pipeline/PipelineReader.h"
#include "views/commands/PipelineEditor.h"
#include "views/document/CacheInspector.h"
#include "views/scene/EdgeItem.h"
#include "views/scene/GraphView.h"
#include "views/scene/StepItem.h"

#include <QApplication>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QSignalSpy>

using namespace fondant;

class tst_GraphScene : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void builtFromTheDocument();
    void cacheStatusIsShownAndChangesAreMarked();
    void followsEditsAndUndo();
    void keysChangedUpstreamReachTheBadges();
    void dragFromOutputPortConnects();
    void refusedLinkChangesNothing();
    void dragOfStepsIsOneMove();
    void canvasGrowsWithTheSteps();
    void stepsWithoutAPlaceAreLaidOut();
    void linksThatCannotBeReadAreMarked();
    void newStepsLandWhereNoStepIs();
    void arrowKeysFollowTheGraph();
    void linksCanBeSelected();
};

void tst_GraphScene::stepsWithoutAPlaceAreLaidOut()
{
    auto document = test::reviewsDocument();
    Pipeline pipeline = document->pipeline();
    pipeline.positions.erase("export"); // load and trim keep theirs
    document->reset(pipeline);
    GraphScene scene(*document);
    QCOMPARE(scene.stepItem(QStringLiteral("trim"))->pos(), QPointF(260, 0));
    QCOMPARE(scene.stepItem(QStringLiteral("export"))->pos(),
        scene.layeredLayout().value(QStringLiteral("export")));
    QVERIFY(!document->pipeline().positions.contains("export")); // no edit: the file is as read
    QVERIFY(!document->isModified());
}

void tst_GraphScene::builtFromTheDocument()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    QVERIFY(scene.stepItem(QStringLiteral("load")));
    QCOMPARE(scene.stepItem(QStringLiteral("trim"))->pos(), QPointF(260, 0));
    QVERIFY(!scene.edgeInto(QStringLiteral("load")));
    QCOMPARE(
        scene.edgeInto(QStringLiteral("trim"))->source(), scene.stepItem(QStringLiteral("load")));
    QCOMPARE(scene.edgeInto(QStringLiteral("export"))->target(),
        scene.stepItem(QStringLiteral("export")));
}

void tst_GraphScene::followsEditsAndUndo()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    PipelineEditor editor(*document);
    QVERIFY(editor.removeSteps({QStringLiteral("trim")}));
    QVERIFY(!scene.stepItem(QStringLiteral("trim")));
    QVERIFY(!scene.edgeInto(QStringLiteral("export")));
    document->undoStack()->undo();
    QVERIFY(scene.stepItem(QStringLiteral("trim")));
    QVERIFY(scene.edgeInto(QStringLiteral("export")));
    QVERIFY(editor.renameStep(QStringLiteral("trim"), QStringLiteral("shorten")));
    QCOMPARE(scene.stepItem(QStringLiteral("shorten"))->stepId(), QStringLiteral("shorten"));
    QCOMPARE(scene.edgeInto(QStringLiteral("export"))->source(),
        scene.stepItem(QStringLiteral("shorten")));
    QVERIFY(editor.moveSteps(
        {{QStringLiteral("load"), QPointF(0, 0)}}, {{QStringLiteral("load"), QPointF(0, 300)}}));
    QCOMPARE(scene.stepItem(QStringLiteral("load"))->pos(), QPointF(0, 300));
    document->undoStack()->undo();
    QCOMPARE(scene.stepItem(QStringLiteral("load"))->pos(), QPointF(0, 0));
}

void tst_GraphScene::keysChangedUpstreamReachTheBadges()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    const auto badge
        = [&](const char *id) { return scene.stepItem(QString::fromLatin1(id))->status(); };
    const auto keyStart = [&](const char *id) {
        return QStringLiteral("key ")
            + QString::fromStdString(document->cacheKey(QString::fromLatin1(id))->key.substr(0, 8));
    };
    const QString exportBefore = badge("export");
    QCOMPARE(exportBefore, keyStart("export"));
    Step load = *document->step(QStringLiteral("load"));
    load.arguments.set("uri", "/elsewhere.parquet");
    QSignalSpy rekeyed(document.get(), &PipelineDocument::keysChanged);
    document->replaceStep(QStringLiteral("load"), load);
    // Only load was analysed again; trim and export changed key because they chain on it.
    QCOMPARE(rekeyed.count(), 1);
    QCOMPARE(rekeyed.at(0).at(0).toStringList(),
        (QStringList {QStringLiteral("trim"), QStringLiteral("export")}));
    QCOMPARE(badge("load"), keyStart("load"));
    QCOMPARE(badge("export"), keyStart("export"));
    QVERIFY(badge("export") != exportBefore);
    Step unCached = *document->step(QStringLiteral("export"));
    unCached.cache = false;
    document->replaceStep(QStringLiteral("export"), unCached);
    load.arguments.set("uri", "/third.parquet");
    document->replaceStep(QStringLiteral("load"), load);
    QCOMPARE(badge("export"), QStringLiteral("caching off")); // a new key does not hide why
}

// A view showing the scene, shown and scrolled so that all three steps are on screen.
static std::unique_ptr<GraphView> shownView(GraphScene &scene)
{
    auto view = std::make_unique<GraphView>(&scene);
    view->resize(1200, 500);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        qFatal("the view does not show");
    view->centerOn(400, 40);
    return view;
}

static void dragBetween(GraphView &view, QPointF fromScene, QPointF toScene)
{
    QWidget *viewport = view.viewport();
    const QPoint from = view.mapFromScene(fromScene);
    const QPoint to = view.mapFromScene(toScene);
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, to, viewport->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
        Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
}

void tst_GraphScene::dragFromOutputPortConnects()
{
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    QVERIFY(editor.disconnect(QStringLiteral("export")));
    GraphScene scene(*document);
    auto view = shownView(scene);
    StepItem *load = scene.stepItem(QStringLiteral("load"));
    StepItem *exporter = scene.stepItem(QStringLiteral("export"));
    QSignalSpy messages(&scene, &GraphScene::statusMessage);
    dragBetween(*view, load->outputPortPos(), exporter->sceneBoundingRect().center());
    QCOMPARE(document->step(QStringLiteral("export"))->input, std::string("load"));
    QVERIFY(scene.edgeInto(QStringLiteral("export")));
    QVERIFY(!messages.isEmpty());
}

void tst_GraphScene::refusedLinkChangesNothing()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    auto view = shownView(scene);
    QSignalSpy messages(&scene, &GraphScene::statusMessage);
    const int commands = document->undoStack()->count();
    dragBetween(*view, scene.stepItem(QStringLiteral("export"))->outputPortPos(),
        scene.stepItem(QStringLiteral("load"))->sceneBoundingRect().center());
    QCOMPARE(document->undoStack()->count(), commands);
    QVERIFY(messages.last().at(0).toString().contains(QStringLiteral("cycle")));
}

void tst_GraphScene::dragOfStepsIsOneMove()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    auto view = shownView(scene);
    StepItem *trim = scene.stepItem(QStringLiteral("trim"));
    const QPointF grip = trim->sceneBoundingRect().center() + QPointF(0, 10);
    dragBetween(*view, grip, grip + QPointF(0, 120));
    QCOMPARE(document->undoStack()->count(), 1);
    QVERIFY(document->position(QStringLiteral("trim")).y() > 60);
    document->undoStack()->undo();
    QCOMPARE(trim->pos(), QPointF(260, 0));
}

void tst_GraphScene::canvasGrowsWithTheSteps()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    PipelineEditor editor(*document);
    QVERIFY(editor.moveSteps({{QStringLiteral("export"), QPointF(520, 0)}},
        {{QStringLiteral("export"), QPointF(5000, 3000)}}));
    QVERIFY(
        scene.sceneRect().contains(scene.stepItem(QStringLiteral("export"))->sceneBoundingRect()));
    const QString far = editor.addComponent(QStringLiteral("trim_text"), QPointF(-4000, -2000));
    QVERIFY(scene.sceneRect().contains(scene.stepItem(far)->sceneBoundingRect()));
}

void tst_GraphScene::linksThatCannotBeReadAreMarked()
{
    // load no longer produces the text that trim consumes.
    auto document = test::reviewsDocument();
    Pipeline pipeline = document->pipeline();
    pipeline.steps[0].produces
        = PipelineReader::parseFieldMapping("stars: int8", "produces").value();
    document->reset(pipeline);
    GraphScene scene(*document);
    // Marked from the start: the links are made after the analysis that finds the problem.
    QVERIFY(scene.edgeInto(QStringLiteral("trim"))->hasProblem());
    QVERIFY(!scene.edgeInto(QStringLiteral("export"))->hasProblem());

    // Dragging the same link again warns while the pointer is over the step, before release.
    QVERIFY(PipelineEditor(*document).disconnect(QStringLiteral("trim")));
    QVERIFY(!scene.edgeInto(QStringLiteral("trim")));
    auto view = shownView(scene);
    QSignalSpy messages(&scene, &GraphScene::statusMessage);
    dragBetween(*view, scene.stepItem(QStringLiteral("load"))->outputPortPos(),
        scene.stepItem(QStringLiteral("trim"))->sceneBoundingRect().center());
    QVERIFY(!messages.isEmpty());
    const QString duringDrag = messages.first().at(0).toString();
    QVERIFY2(duringDrag.contains(QStringLiteral("will not fit"))
            && duringDrag.contains(QStringLiteral("'text' is missing")),
        qPrintable(duringDrag));
    QVERIFY(scene.edgeInto(QStringLiteral("trim"))->hasProblem());
}

// Whether any two steps of the canvas cover each other.
static bool stepsOverlap(const GraphScene &scene)
{
    QList<QRectF> rects;
    for (QGraphicsItem *item : scene.items())
        if (item->type() == StepItem::Type)
            rects << static_cast<StepItem *>(item)->sceneBodyRect();
    for (qsizetype i = 0; i < rects.size(); ++i)
        for (qsizetype j = i + 1; j < rects.size(); ++j)
            if (rects[i].intersects(rects[j]))
                return true;
    return false;
}

void tst_GraphScene::newStepsLandWhereNoStepIs()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    PipelineEditor editor(*document);
    QVERIFY(!stepsOverlap(scene));
    // Added right where a step is, e.g. dropped onto it or placed beside a step that has
    // one there already.
    const QPointF onLoad = scene.stepItem(QStringLiteral("load"))->pos();
    QVERIFY(!editor.addComponent(QStringLiteral("trim_text"), scene.freePlace(onLoad)).isEmpty());
    QVERIFY(!stepsOverlap(scene));
    QVERIFY(!editor.addComponent(QStringLiteral("trim_text"), scene.freePlace(onLoad)).isEmpty());
    QVERIFY(!stepsOverlap(scene));
    // Pasted twice over the originals: each copy moves down until it covers nothing.
    const QString copied = editor.copySteps(document->stepIds());
    for (int i = 0; i < 2; ++i) {
        const QStringList pasted = editor.pasteSteps(copied, [&](const QList<QPointF> &places) {
            return scene.freeOffset(places, QPointF(40, 40));
        });
        QCOMPARE(pasted.size(), 5);
        QVERIFY(!stepsOverlap(scene));
    }
    // Dropped from the palette onto a step: it reads that step and sits beside it, free.
    auto view = shownView(scene);
    QMimeData mime;
    mime.setData(QLatin1String(GraphScene::componentMimeType), "trim_text");
    const QPoint onTrim
        = view->mapFromScene(scene.stepItem(QStringLiteral("trim"))->sceneBoundingRect().center());
    QDropEvent drop(onTrim, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &drop);
    const QStringList ids = document->stepIds();
    QCOMPARE(document->step(ids.value(ids.indexOf(QStringLiteral("trim")) + 1))->input,
        std::string("trim"));
    QVERIFY(!stepsOverlap(scene));
}

void tst_GraphScene::arrowKeysFollowTheGraph()
{
    // load -> trim -> export, plus a second reader of load.
    auto document = test::reviewsDocument();
    PipelineEditor editor(*document);
    const QString second = editor.addComponent(
        QStringLiteral("trim_text"), QPointF(260, 300), QStringLiteral("load"));
    GraphScene scene(*document);
    QCOMPARE(scene.stepBeside(QStringLiteral("load"), Qt::Key_Right), QStringLiteral("trim"));
    QCOMPARE(scene.stepBeside(QStringLiteral("trim"), Qt::Key_Left), QStringLiteral("load"));
    QCOMPARE(scene.stepBeside(QStringLiteral("trim"), Qt::Key_Down), second);
    QCOMPARE(scene.stepBeside(second, Qt::Key_Up), QStringLiteral("trim"));
    QCOMPARE(scene.stepBeside(second, Qt::Key_Down), QString());
    QCOMPARE(scene.stepBeside(QStringLiteral("load"), Qt::Key_Left), QString());

    // In the view, from a distance: the keys select and bring the step close enough to read.
    auto view = shownView(scene);
    view->scale(0.2, 0.2);
    QTest::keyClick(view->viewport(), Qt::Key_Right); // nothing selected: the first step
    QCOMPARE(scene.selectedStepIds(), QStringList {QStringLiteral("load")});
    QTest::keyClick(view->viewport(), Qt::Key_Right);
    QCOMPARE(scene.selectedStepIds(), QStringList {QStringLiteral("trim")});
    QVERIFY(view->zoom() >= 0.75);
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(scene.stepItem(QStringLiteral("trim"))->sceneBoundingRect()));
}

void tst_GraphScene::linksCanBeSelected()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    auto view = shownView(scene);
    EdgeItem *edge = scene.edgeInto(QStringLiteral("export"));
    // A click a few pixels beside the line still takes it.
    const QPointF onLine = edge->path().pointAtPercent(0.5) + QPointF(0, 4);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(onLine));
    QVERIFY(edge->isSelected());
    QCOMPARE(scene.selectedLinks(), QStringList {QStringLiteral("export")});
    QVERIFY(scene.selectedStepIds().isEmpty());
}

void tst_GraphScene::cacheStatusIsShownAndChangesAreMarked()
{
    test::InspectedVersion inspected("v2");
    PipelineDocument &document = inspected.document;
    CacheInspector &inspector = inspected.inspector;
    GraphScene scene(document);
    scene.setCacheInspector(&inspector);
    const StepItem *trim = scene.stepItem(QStringLiteral("trim_text"));
    const StepItem *write = scene.stepItem(QStringLiteral("write_rows"));
    QCOMPARE(trim->look().cache, CacheState::Cached);
    QCOMPARE(trim->look().cacheLine, QStringLiteral("cached — from the run of 23 Apr 2024, 09:00"));
    QVERIFY(trim->look().status.startsWith(QStringLiteral("key ")));
    QVERIFY(trim->toolTipText().contains(QStringLiteral("operation spec")));
    const qreal cachedHeight = trim->boundingRect().height();

    // An edit: the step and the one after it are marked for a moment, with the reason.
    PipelineEditor(document).changeStep(QStringLiteral("trim_text"), QStringLiteral("arguments"),
        [](Step &step) { step.arguments.set("max_length", 45); });
    QCOMPARE(trim->look().cache, CacheState::Runs);
    QCOMPARE(write->look().cache, CacheState::Cascade);
    QCOMPARE(write->look().cacheLine, QStringLiteral("re-runs because trim_text changed"));
    QVERIFY(trim->look().news > 0.9);
    QVERIFY(write->look().news > 0.9);
    QCOMPARE(scene.stepItem(QStringLiteral("load_table"))->look().news, 0.0);
    QCOMPARE(trim->boundingRect().height(), cachedHeight);
    QTRY_COMPARE_WITH_TIMEOUT(trim->look().news, 0.0, GraphScene::newsMilliseconds + 2000);

    // Another run shown is no news: nothing is marked.
    inspector.showRun(QStringLiteral("reviews-20240423090000"));
    QCOMPARE(trim->look().cacheLine, QStringLiteral("executed in this run"));
    QCOMPARE(trim->look().news, 0.0);
}

QTEST_MAIN(tst_GraphScene)
#include "tst_GraphScene.moc"
