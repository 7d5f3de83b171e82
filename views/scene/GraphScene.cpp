// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/GraphScene.h"

#include "views/commands/PipelineEditor.h"
#include "views/document/CacheInspector.h"
#include "views/document/PipelineDocument.h"
#include "views/scene/EdgeItem.h"
#include "views/scene/GraphLayout.h"
#include "views/scene/StepItem.h"

#include <QClipboard>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QMenu>
#include <QMimeData>
#include <QPen>

#include <algorithm>

namespace fondant {

namespace {

// The four texts Fondant hashes for a key, each under its name and hash, for a bug report or
// a diff by hand.
QString keyIngredients(const CacheKey &key)
{
    const auto part = [](const char *name, const std::string &hash, const std::string &text) {
        return QStringLiteral("%1 (md5 %2):\n%3\n")
            .arg(QLatin1String(name), QString::fromStdString(hash), QString::fromStdString(text));
    };
    return part("arguments", key.argumentsHash, key.argumentsText) + QLatin1Char('\n')
        + part("operation spec", key.operationSpecHash, key.operationSpecText) + QLatin1Char('\n')
        + part("image", key.imageHash, key.imageText) + QLatin1Char('\n')
        + part("final", key.key, key.finalText);
}

} // namespace

GraphScene::GraphScene(PipelineDocument &document, QObject *parent)
    : QGraphicsScene(parent), m_document(document)
{
    setItemIndexMethod(BspTreeIndex);
    applyStyle();
    m_newsFading.setInterval(40);
    connect(&m_newsFading, &QTimer::timeout, this, &GraphScene::fadeNews);
    connect(&document, &PipelineDocument::documentReset, this, &GraphScene::rebuild);
    connect(&document, &PipelineDocument::stepAdded, this, [this](const QString &id) {
        addStepItem(id);
        growSceneRect(id);
        syncEdge(id);
        for (const QString &child : m_document.children(id))
            syncEdge(child);
    });
    connect(&document, &PipelineDocument::stepAboutToBeRemoved, this, &GraphScene::removeStepItem);
    connect(&document, &PipelineDocument::stepChanged, this, &GraphScene::syncEdge);
    connect(&document, &PipelineDocument::stepRenamed, this,
        [this](const QString &oldId, const QString &newId) {
            if (StepItem *item = m_items.take(oldId)) {
                item->setStepId(newId);
                m_items.insert(newId, item);
            }
            if (EdgeItem *edge = m_edges.take(oldId))
                m_edges.insert(newId, edge);
        });
    connect(
        &document, &PipelineDocument::stepMoved, this, [this](const QString &id, QPointF position) {
            if (StepItem *item = m_items.value(id))
                item->setPos(position);
            growSceneRect(id);
        });
    connect(&document, &PipelineDocument::analysisChanged, this, &GraphScene::refreshAll);
    connect(&document, &PipelineDocument::stepsAnalysed, this, &GraphScene::refreshSteps);
    connect(&document, &PipelineDocument::keysChanged, this, [this](const QStringList &ids) {
        for (const QString &id : ids)
            if (StepItem *item = m_items.value(id))
                item->refreshKey();
    });
    rebuild();
}

GraphScene::~GraphScene()
{
    // Edges unregister from their steps; delete them before the steps go.
    qDeleteAll(m_edges);
    m_edges.clear();
}

bool GraphScene::event(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyStyle();
    return QGraphicsScene::event(event);
}

void GraphScene::applyStyle()
{
    m_style = CanvasStyle::fromPalette(palette());
    setBackgroundBrush(m_style.background);
    update();
}

void GraphScene::rebuild()
{
    m_connectLine = nullptr;
    m_hinted = nullptr;
    qDeleteAll(m_edges);
    m_edges.clear();
    clear();
    m_items.clear();
    const QStringList ids = m_document.stepIds();
    for (const QString &id : ids)
        addStepItem(id);
    // Steps the file gives no place get one from the layered layout (not an edit: the file
    // keeps no place for them until they are moved or laid out).
    const auto &positions = m_document.pipeline().positions;
    const auto unplaced = [&](const QString &id) { return !positions.contains(id.toStdString()); };
    if (std::any_of(ids.begin(), ids.end(), unplaced)) {
        const QHash<QString, QPointF> layout = layeredLayout();
        for (const QString &id : ids)
            if (unplaced(id))
                m_items.value(id)->setPos(layout.value(id));
    }
    for (const QString &id : ids)
        syncEdge(id);
    setSceneRect(itemsBoundingRect().adjusted(-400, -300, 400, 300));
}

void GraphScene::growSceneRect(const QString &id)
{
    // Room around the steps to drop and move more; it grows with them, never shrinks under them.
    if (const StepItem *item = m_items.value(id))
        setSceneRect(sceneRect() | item->sceneBoundingRect().adjusted(-400, -300, 400, 300));
}

void GraphScene::addStepItem(const QString &id)
{
    if (m_items.contains(id))
        return;
    auto *item = new StepItem(m_document, id);
    item->setPos(m_document.position(id));
    addItem(item);
    m_items.insert(id, item);
    if (m_inspector)
        item->setCache(m_inspector->state(id), m_inspector->line(id));
}

void GraphScene::setCacheInspector(const CacheInspector *inspector)
{
    if (m_inspector)
        disconnect(m_inspector, nullptr, this, nullptr);
    m_inspector = inspector;
    connect(inspector, &CacheInspector::stepsChanged, this, &GraphScene::showCache);
    connect(inspector, &CacheInspector::historyChanged, this, &GraphScene::cacheShown);
    connect(inspector, &CacheInspector::shownRunChanged, this, &GraphScene::cacheShown);
    connect(inspector, &QObject::destroyed, this, [this] { m_inspector = nullptr; });
    showCache(m_items.keys(), false);
}

void GraphScene::showCache(const QStringList &ids, bool news)
{
    for (const QString &id : ids) {
        StepItem *item = m_items.value(id);
        if (!item || !m_inspector)
            continue;
        item->setCache(m_inspector->state(id), m_inspector->line(id));
        if (news) {
            m_news[id].start();
            item->setNews(1);
        }
    }
    if (news && !m_news.isEmpty())
        m_newsFading.start();
    Q_EMIT cacheShown();
}

void GraphScene::fadeNews()
{
    for (auto it = m_news.begin(); it != m_news.end();) {
        const qreal left = 1 - static_cast<qreal>(it->elapsed()) / newsMilliseconds;
        if (StepItem *item = m_items.value(it.key()))
            item->setNews(std::max<qreal>(left, 0));
        it = left <= 0 || !m_items.contains(it.key()) ? m_news.erase(it) : std::next(it);
    }
    if (m_news.isEmpty())
        m_newsFading.stop();
}

void GraphScene::removeStepItem(const QString &id)
{
    delete m_edges.take(id);
    for (const QString &child : m_document.children(id))
        delete m_edges.take(child);
    if (m_hinted == m_items.value(id))
        m_hinted = nullptr;
    delete m_items.take(id);
}

void GraphScene::syncEdge(const QString &id)
{
    const Step *step = m_document.step(id);
    StepItem *target = m_items.value(id);
    EdgeItem *edge = m_edges.value(id);
    const QString input = step ? QString::fromStdString(step->input) : QString();
    StepItem *source = m_items.value(input);
    if (edge && edge->source() == source && edge->target() == target)
        return;
    delete m_edges.take(id);
    if (source && target) {
        auto *newEdge = new EdgeItem(source, target);
        newEdge->setProblem(linkHasProblem(id)); // the analysis may have come before the link
        addItem(newEdge);
        m_edges.insert(id, newEdge);
    }
}

void GraphScene::refreshAll()
{
    refreshSteps(m_document.stepIds());
}

void GraphScene::refreshSteps(const QStringList &ids)
{
    for (const QString &id : ids) {
        if (StepItem *item = m_items.value(id))
            item->refresh();
        if (EdgeItem *edge = m_edges.value(id))
            edge->setProblem(linkHasProblem(id));
    }
}

bool GraphScene::linkHasProblem(const QString &id) const
{
    const Diagnostics &problems = m_document.diagnosticsOf(id);
    return std::any_of(problems.begin(), problems.end(), [](const Diagnostic &d) {
        return d.isError() && (d.fieldPath.starts_with("consumes") || d.fieldPath == "input");
    });
}

QStringList GraphScene::selectedStepIds() const
{
    QStringList ids;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == StepItem::Type)
            ids << static_cast<StepItem *>(item)->stepId();
    // In call order, so that copies and deletions read naturally.
    std::sort(ids.begin(), ids.end(), [this](const QString &a, const QString &b) {
        return m_document.indexOf(a) < m_document.indexOf(b);
    });
    return ids;
}

void GraphScene::selectSteps(const QStringList &ids)
{
    clearSelection();
    for (const QString &id : ids)
        if (StepItem *item = m_items.value(id))
            item->setSelected(true);
}

QPointF GraphScene::freeOffset(const QList<QPointF> &places, QPointF preferred) const
{
    // A new step may grow to its tallest; keep a gap around it.
    constexpr qreal gap = GraphLayout::rowGap / 2;
    const QSizeF room(
        StepItem::width + 2 * gap, StepPainter::height(StepPainter::maxRows) + 2 * gap);
    const auto isFree = [&](QPointF offset) {
        for (const QPointF &place : places)
            for (QGraphicsItem *item :
                items(QRectF(place + offset - QPointF(gap, gap), room), Qt::IntersectsItemShape))
                if (item->type() == StepItem::Type)
                    return false;
        return true;
    };
    constexpr int tries = 20;
    const qreal row = room.height();
    for (int i = 0; i < tries; ++i)
        if (const QPointF offset = preferred + QPointF(0, i * row); isFree(offset))
            return offset;
    // Still crowded: below every step, where nothing is.
    qreal top = places.isEmpty() ? 0 : places.first().y();
    for (const QPointF &place : places)
        top = std::min(top, place.y());
    return QPointF(preferred.x(), itemsBoundingRect().bottom() + 2 * gap - top);
}

QString GraphScene::stepBeside(const QString &id, Qt::Key direction) const
{
    const Step *step = m_document.step(id);
    if (!step)
        return {};
    const QString input = QString::fromStdString(step->input);
    switch (direction) {
    case Qt::Key_Left:
        return input;
    case Qt::Key_Right:
        return m_document.children(id).value(0);
    case Qt::Key_Up:
    case Qt::Key_Down: {
        QStringList siblings;
        if (!input.isEmpty()) {
            siblings = m_document.children(input);
        } else { // the first steps of separate graphs are siblings too
            for (const Step &other : m_document.pipeline().steps)
                if (other.input.empty())
                    siblings << QString::fromStdString(other.id);
        }
        const qsizetype at = siblings.indexOf(id);
        return siblings.value(direction == Qt::Key_Up ? at - 1 : at + 1);
    }
    default:
        return {};
    }
}

QHash<QString, QPointF> GraphScene::layeredLayout() const
{
    std::vector<GraphLayout::Node> nodes;
    for (const Step &step : m_document.pipeline().steps) {
        const QString id = QString::fromStdString(step.id);
        const StepItem *item = m_items.value(id);
        nodes.push_back({id, item ? item->sceneBodyRect().size() : QSizeF(StepItem::width, 80),
            QString::fromStdString(step.input)});
    }
    return GraphLayout::compute(nodes);
}

StepItem *GraphScene::stepItemAt(QPointF scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        if (item->type() == StepItem::Type)
            return static_cast<StepItem *>(item);
    return nullptr;
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    StepItem *item = event->button() == Qt::LeftButton ? stepItemAt(event->scenePos()) : nullptr;
    if (item && item->portAt(item->mapFromScene(event->scenePos())) == StepItem::Port::Output) {
        m_connectFrom = item->stepId();
        m_connectLine = addPath(EdgeItem::curve(item->outputPortPos(), event->scenePos()),
            QPen(m_style.selection, 2, Qt::DashLine));
        event->accept();
        return;
    }
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    for (QGraphicsItem *selected : selectedItems())
        if (selected->type() == StepItem::Type)
            m_pressPositions.insert(static_cast<StepItem *>(selected)->stepId(), selected->pos());
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_connectLine) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    StepItem *from = m_items.value(m_connectFrom);
    StepItem *target = stepItemAt(event->scenePos());
    QPointF end = event->scenePos();
    clearDropHints();
    if (target && target != from) {
        QString why;
        const PipelineEditor editor(m_document);
        const bool valid = editor.canConnect(m_connectFrom, target->stepId(), &why);
        const QString fieldProblem
            = valid ? editor.linkFieldProblem(m_connectFrom, target->stepId()) : QString();
        target->setDropHint(!valid ? -1 : fieldProblem.isEmpty() ? 1 : 2);
        m_hinted = target;
        end = target->inputPortPos();
        if (!valid)
            Q_EMIT statusMessage(tr("Cannot connect: %1").arg(why));
        else if (!fieldProblem.isEmpty())
            Q_EMIT statusMessage(tr("%1 can read the output of %2, but its fields will not fit: %3")
                                     .arg(target->stepId(), m_connectFrom, fieldProblem));
        else
            Q_EMIT statusMessage(tr("Release to make %1 read the output of %2")
                                     .arg(target->stepId(), m_connectFrom));
    }
    if (from)
        m_connectLine->setPath(EdgeItem::curve(from->outputPortPos(), end));
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectLine) {
        finishConnection(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    QHash<QString, QPointF> after;
    for (auto it = m_pressPositions.begin(); it != m_pressPositions.end(); ++it)
        if (StepItem *item = m_items.value(it.key()))
            after.insert(it.key(), item->pos());
    PipelineEditor(m_document).moveSteps(m_pressPositions, after);
    m_pressPositions.clear();
}

void GraphScene::finishConnection(QPointF scenePos)
{
    StepItem *target = stepItemAt(scenePos);
    const QString from = m_connectFrom;
    delete m_connectLine;
    m_connectLine = nullptr;
    m_connectFrom.clear();
    clearDropHints();
    if (!target || target->stepId() == from)
        return;
    QString why;
    PipelineEditor editor(m_document);
    if (!editor.canConnect(from, target->stepId(), &why)) {
        Q_EMIT statusMessage(tr("Cannot connect: %1").arg(why));
        return;
    }
    editor.connectSteps(from, target->stepId());
    Q_EMIT statusMessage(tr("%1 now reads the output of %2").arg(target->stepId(), from));
}

void GraphScene::clearDropHints()
{
    if (m_hinted)
        m_hinted->setDropHint(0);
    m_hinted = nullptr;
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (StepItem *item = stepItemAt(event->scenePos())) {
        Q_EMIT stepActivated(item->stepId());
        event->accept();
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void GraphScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    StepItem *item = stepItemAt(event->scenePos());
    if (!item) {
        if (EdgeItem *edge = edgeAt(event->scenePos()))
            showLinkMenu(edge, event);
        return;
    }
    if (!item->isSelected()) {
        clearSelection();
        item->setSelected(true);
    }
    const QString id = item->stepId();
    QMenu menu;
    QAction *properties = menu.addAction(tr("Edit properties"));
    QAction *disconnectAction = menu.addAction(tr("Disconnect input"));
    disconnectAction->setEnabled(m_edges.contains(id));
    menu.addSeparator();
    const CacheKey *key = m_document.cacheKey(id);
    QAction *copyKey = menu.addAction(tr("Copy Cache Key"));
    QAction *copyIngredients = menu.addAction(tr("Copy Key Ingredients"));
    copyKey->setEnabled(key);
    copyIngredients->setEnabled(key);
    menu.addSeparator();
    QAction *remove = menu.addAction(tr("Delete"));
    QAction *chosen = menu.exec(event->screenPos());
    PipelineEditor editor(m_document);
    if (chosen == properties)
        Q_EMIT stepActivated(id);
    else if (chosen == copyKey && key)
        QGuiApplication::clipboard()->setText(QString::fromStdString(key->key));
    else if (chosen == copyIngredients && key)
        QGuiApplication::clipboard()->setText(keyIngredients(*key));
    else if (chosen == disconnectAction)
        editor.disconnect(id);
    else if (chosen == remove)
        editor.removeSteps(selectedStepIds());
}

EdgeItem *GraphScene::edgeAt(QPointF scenePos) const
{
    for (QGraphicsItem *item : items(scenePos))
        if (item->type() == EdgeItem::Type)
            return static_cast<EdgeItem *>(item);
    return nullptr;
}

void GraphScene::showLinkMenu(EdgeItem *edge, QGraphicsSceneContextMenuEvent *event)
{
    clearSelection();
    edge->setSelected(true);
    const QString target = edge->target()->stepId();
    QMenu menu;
    QMenu *insert = menu.addMenu(tr("Insert Step Here"));
    const QPointF middle = edge->path().pointAtPercent(0.5) - QPointF(StepItem::width / 2, 24);
    Q_EMIT insertMenuRequested(insert, target, freePlace(middle));
    insert->setEnabled(!insert->isEmpty());
    QAction *remove = menu.addAction(tr("Delete Link"));
    remove->setShortcut(QKeySequence::Delete);
    if (menu.exec(event->screenPos()) == remove)
        PipelineEditor(m_document).disconnect(target);
}

QStringList GraphScene::selectedLinks() const
{
    QStringList targets;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == EdgeItem::Type)
            targets << static_cast<EdgeItem *>(item)->target()->stepId();
    return targets;
}

void GraphScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    event->setAccepted(event->mimeData()->hasFormat(QLatin1String(componentMimeType)));
}

void GraphScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    const bool accepted = event->mimeData()->hasFormat(QLatin1String(componentMimeType));
    event->setAccepted(accepted);
    clearDropHints();
    if (StepItem *target = accepted ? stepItemAt(event->scenePos()) : nullptr) {
        target->setDropHint(1);
        m_hinted = target;
        Q_EMIT statusMessage(
            tr("Drop to add a step reading the output of %1").arg(target->stepId()));
    }
}

void GraphScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    const QString reference
        = QString::fromUtf8(event->mimeData()->data(QLatin1String(componentMimeType)));
    if (reference.isEmpty())
        return;
    // Dropped on a step: the new step reads its output and is placed to its right.
    StepItem *target = stepItemAt(event->scenePos());
    clearDropHints();
    QPointF position = event->scenePos() - QPointF(StepItem::width / 2, 20);
    QString input;
    if (target) {
        input = target->stepId();
        position = target->pos() + QPointF(StepItem::width + GraphLayout::layerGap, 0);
    }
    const QString id
        = PipelineEditor(m_document).addComponent(reference, freePlace(position), input);
    selectSteps({id});
    event->acceptProposedAction();
}

} // namespace fondant
