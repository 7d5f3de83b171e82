// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/MiniMapView.h"

#include "views/scene/GraphScene.h"
#include "views/scene/GraphView.h"

#include <QMouseEvent>

namespace fondant {

MiniMapView::MiniMapView(GraphView *mainView, QWidget *parent)
    : QGraphicsView(mainView->scene(), parent), m_mainView(mainView)
{
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setRenderHint(QPainter::Antialiasing, false);
    setMinimumSize(160, 110);
    setToolTip(tr("Overview: click or drag to move the canvas"));
    // Redrawn a moment after the scene stops changing, not on every keystroke: with thousands
    // of steps the whole scene is in view here.
    setViewportUpdateMode(NoViewportUpdate);
    m_redraw.setSingleShot(true);
    m_redraw.setInterval(150);
    connect(&m_redraw, &QTimer::timeout, this, &MiniMapView::fitScene);
    connect(mainView, &GraphView::viewportMoved, this, [this] { viewport()->update(); });
    connect(mainView->scene(), &QGraphicsScene::changed, &m_redraw, qOverload<>(&QTimer::start));
}

void MiniMapView::fitScene()
{
    const QRectF bounds = scene()->itemsBoundingRect().adjusted(-60, -60, 60, 60);
    if (!bounds.isEmpty())
        fitInView(bounds, Qt::KeepAspectRatio);
    viewport()->update();
}

void MiniMapView::drawForeground(QPainter *painter, const QRectF &)
{
    const QRectF visible = m_mainView->mapToScene(m_mainView->viewport()->rect()).boundingRect();
    QColor frame = static_cast<GraphScene *>(scene())->canvasStyle().selection;
    painter->setPen(QPen(frame, 2 / transform().m11()));
    frame.setAlpha(40);
    painter->setBrush(frame);
    painter->drawRect(visible);
}

void MiniMapView::mousePressEvent(QMouseEvent *event)
{
    m_mainView->centerOn(mapToScene(event->pos()));
}

void MiniMapView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        m_mainView->centerOn(mapToScene(event->pos()));
}

void MiniMapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fitScene();
}

} // namespace fondant
