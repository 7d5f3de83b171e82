// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/GraphView.h"

#include "views/document/CacheInspector.h"
#include "views/document/PipelineDocument.h"
#include "views/scene/CacheLegend.h"
#include "views/scene/CanvasStyle.h"
#include "views/scene/GraphScene.h"
#include "views/scene/StepItem.h"
#include "views/scene/StepPainter.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSet>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace fondant {

namespace {
constexpr qreal minimumZoom = 0.02; // room for fit to window to show 10,000 steps
constexpr qreal maximumZoom = 4.0;
constexpr qreal readableZoom = 0.75; // field names are about 8 pixels high
} // namespace

GraphView::GraphView(GraphScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent), m_scene(scene)
{
    connect(scene, &GraphScene::cacheShown, viewport(), qOverload<>(&QWidget::update));
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontAdjustForAntialiasing);
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
}

qreal GraphView::zoom() const
{
    return transform().m11();
}

void GraphView::scaleBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, minimumZoom, maximumZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    scale(target / zoom(), target / zoom());
    Q_EMIT zoomChanged(zoom());
    Q_EMIT viewportMoved();
}

void GraphView::zoomIn()
{
    scaleBy(1.25);
}

void GraphView::zoomOut()
{
    scaleBy(0.8);
}

void GraphView::resetZoom()
{
    scaleBy(1.0 / zoom());
}

void GraphView::zoomToFit()
{
    QRectF bounds;
    for (QGraphicsItem *item : m_scene->items())
        if (item->type() == StepItem::Type)
            bounds |= item->sceneBoundingRect();
    if (bounds.isEmpty())
        return;
    fitInView(bounds.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    if (zoom() > 1.5)
        scale(1.5 / zoom(), 1.5 / zoom());
    if (zoom() < minimumZoom)
        scale(minimumZoom / zoom(), minimumZoom / zoom());
    Q_EMIT zoomChanged(zoom());
    Q_EMIT viewportMoved();
}

void GraphView::showStep(const QString &id)
{
    StepItem *item = m_scene->stepItem(id);
    if (!item)
        return;
    m_scene->selectSteps({id});
    if (zoom() < readableZoom) {
        const ViewportAnchor anchor = transformationAnchor();
        setTransformationAnchor(NoAnchor);
        scaleBy(1.0 / zoom());
        setTransformationAnchor(anchor);
        centerOn(item);
    } else {
        ensureVisible(item, 60, 60);
    }
    Q_EMIT viewportMoved();
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ShiftModifier) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps != 0.0)
        scaleBy(std::pow(1.15, steps));
    event->accept();
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (m_spaceHeld && event->button() == Qt::LeftButton)) {
        m_panning = true;
        m_lastPanPoint = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->pos() - m_lastPanPoint;
        m_lastPanPoint = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    // Arrow keys move the selection along the graph instead of scrolling.
    const auto key = static_cast<Qt::Key>(event->key());
    if ((key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down)
        && event->modifiers() == Qt::NoModifier) {
        const QStringList selected = m_scene->selectedStepIds();
        const QStringList ids = m_scene->document().stepIds();
        const QString next
            = selected.isEmpty() ? ids.value(0) : m_scene->stepBeside(selected.last(), key);
        if (!next.isEmpty())
            showStep(next);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::contextMenuEvent(QContextMenuEvent *event)
{
    if (itemAt(event->pos()) || m_canvasActions.isEmpty()) {
        QGraphicsView::contextMenuEvent(event);
        return;
    }
    m_scene->clearSelection();
    QMenu::exec(m_canvasActions, event->globalPos(), nullptr, this);
    event->accept();
}

void GraphView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->setCursor(Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    if (scene() != m_scene)
        return; // the scene is going away, and left the view
    const CacheInspector *inspector = m_scene->cacheInspector();
    if (!StepPainter::drawsName(StepPainter::height(0), zoom())
        || (inspector && inspector->history()))
        viewport()->update(); // far names and the legend are placed in the view, not the scene
    Q_EMIT viewportMoved();
}

void GraphView::drawBackground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawBackground(painter, rect);
    if (zoom() < 0.5)
        return;
    // A light dot grid helps to align steps.
    constexpr qreal spacing = 40;
    painter->setPen(QPen(m_scene->canvasStyle().grid, 1.5 / zoom()));
    const qreal left = std::floor(rect.left() / spacing) * spacing;
    const qreal top = std::floor(rect.top() / spacing) * spacing;
    QVector<QPointF> dots;
    for (qreal x = left; x < rect.right(); x += spacing)
        for (qreal y = top; y < rect.bottom(); y += spacing)
            dots << QPointF(x, y);
    painter->drawPoints(dots.constData(), static_cast<int>(dots.size()));
}

} // namespace fondant

namespace fondant {

void GraphView::setLegendShown(bool shown)
{
    m_legendShown = shown;
    viewport()->update();
}

void GraphView::setBusyText(const QString &text)
{
    m_busyText = text;
    placeEmptyPage();
    viewport()->update();
}

void GraphView::setEmptyPage(QWidget *page)
{
    m_emptyPage = page;
    page->setParent(this);
    PipelineDocument &document = m_scene->document();
    for (const auto signal : {&PipelineDocument::documentReset, &PipelineDocument::stepOrderChanged,
             &PipelineDocument::analysisChanged})
        connect(&document, signal, this, &GraphView::placeEmptyPage);
    connect(&document, &PipelineDocument::stepAdded, this, &GraphView::placeEmptyPage);
    connect(&document, &PipelineDocument::stepRemoved, this, &GraphView::placeEmptyPage);
    placeEmptyPage();
}

void GraphView::placeEmptyPage()
{
    if (!m_emptyPage)
        return;
    const bool empty = m_busyText.isEmpty() && m_scene->document().pipeline().steps.empty();
    m_emptyPage->setVisible(empty);
    if (!empty)
        return;
    const QSize size = m_emptyPage->sizeHint().boundedTo(viewport()->size() - QSize(40, 40));
    m_emptyPage->resize(size.width(),
        m_emptyPage->heightForWidth(size.width()) > 0
            ? std::min(m_emptyPage->heightForWidth(size.width()), viewport()->height() - 40)
            : size.height());
    m_emptyPage->move(viewport()->geometry().center() - m_emptyPage->rect().center());
    m_emptyPage->raise();
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeEmptyPage();
}

void GraphView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    drawFarNames(*painter);
    if (const CacheInspector *inspector = m_scene->cacheInspector();
        inspector && inspector->history()) {
        // The key to the cache colours, in the bottom-left corner.
        painter->save();
        painter->resetTransform();
        CacheLegend(inspector->counts(), !inspector->shownRun().isEmpty())
            .paint(*painter, m_scene->canvasStyle(), QPointF(10, viewport()->height() - 10));
        painter->restore();
    }
    if (m_busyText.isEmpty())
        return;
    // What the window waits for ("Opening …").
    painter->save();
    painter->resetTransform();
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    painter->setFont(font);
    painter->setPen(m_scene->canvasStyle().hint);
    painter->drawText(viewport()->rect().adjusted(40, 40, -40, -40),
        Qt::AlignCenter | Qt::TextWordWrap, m_busyText);
    painter->restore();
}

} // namespace fondant

namespace fondant {

QFont GraphView::farNameFont() const
{
    QFont font = this->font();
    font.setBold(true);
    font.setPixelSize(11);
    return font;
}

QList<GraphView::FarName> GraphView::farNames() const
{
    const qreal lod = zoom();
    if (StepPainter::drawsName(StepPainter::height(0), lod))
        return {};
    QList<const StepItem *> steps;
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    for (const StepItem *step : m_scene->stepItems()) {
        const QRectF body = step->sceneBodyRect();
        if (body.intersects(visible) && !StepPainter::drawsName(body.height(), lod))
            steps << step;
    }
    const auto rank = [](const StepItem *step) {
        const StepLook &look = step->look();
        return std::tuple(!look.selected, look.errors == 0, step->pos().y(), step->pos().x());
    };
    std::sort(steps.begin(), steps.end(),
        [&rank](const StepItem *a, const StepItem *b) { return rank(a) < rank(b); });

    const QFontMetricsF metrics(farNameFont());
    const qreal lineHeight = std::ceil(metrics.height()) + 2;
    const qreal longest = metrics.averageCharWidth() * 18;
    const QRectF room = viewport()->rect();
    // Taken room, by cells of one line's height, so that each test looks at a few cells.
    QSet<quint64> taken;
    const auto cellsOf = [lineHeight](QRectF rect) {
        QList<quint64> cells;
        for (auto y = static_cast<qint64>(std::floor(rect.top() / lineHeight));
             y <= static_cast<qint64>(std::floor(rect.bottom() / lineHeight)); ++y)
            for (auto x = static_cast<qint64>(std::floor(rect.left() / lineHeight));
                 x <= static_cast<qint64>(std::floor(rect.right() / lineHeight)); ++x)
                cells << ((static_cast<quint64>(y) << 32) ^ static_cast<quint32>(x));
        return cells;
    };
    const auto free = [&taken, &cellsOf](QRectF rect) {
        const QList<quint64> cells = cellsOf(rect);
        return std::none_of(
            cells.begin(), cells.end(), [&taken](quint64 cell) { return taken.contains(cell); });
    };
    const QTransform toView = viewportTransform();
    QList<FarName> names;
    for (const StepItem *step : steps) {
        const QRectF body = toView.mapRect(step->sceneBodyRect());
        // Most names find no room: where a name starts is tried before measuring its text.
        const QRectF start(body.left(), body.center().y() - lineHeight / 2, 1, lineHeight);
        if (!room.contains(start) || !free(start))
            continue;
        const QString text = metrics.elidedText(step->look().title, Qt::ElideRight, longest);
        const QRectF label(
            start.topLeft(), QSizeF(std::ceil(metrics.horizontalAdvance(text)) + 6, lineHeight));
        if (!room.contains(label) || !free(label))
            continue;
        const QList<quint64> cells = cellsOf(label);
        for (const quint64 cell : cells)
            taken.insert(cell);
        names.append({label, text, step->look().selected});
    }
    return names;
}

void GraphView::drawFarNames(QPainter &painter)
{
    const QList<FarName> names = farNames();
    if (names.isEmpty())
        return;
    painter.save();
    painter.resetTransform();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(farNameFont());
    const CanvasStyle &style = m_scene->canvasStyle();
    for (const FarName &name : names) {
        painter.setPen(QPen(name.selected ? style.selection : style.frame, 1));
        painter.setBrush(style.headerFill);
        painter.drawRoundedRect(name.rect, 3, 3);
        painter.setPen(style.title);
        painter.drawText(
            name.rect.adjusted(3, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter, name.text);
    }
    painter.restore();
}

} // namespace fondant
