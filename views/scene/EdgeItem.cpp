// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/EdgeItem.h"

#include "views/scene/CanvasStyle.h"
#include "views/scene/StepItem.h"

#include <QPainter>
#include <QPen>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace fondant {

EdgeItem::EdgeItem(StepItem *source, StepItem *target) : m_source(source), m_target(target)
{
    setZValue(-1);
    setFlag(ItemIsSelectable);
    setPen(QPen(Qt::NoBrush, 3)); // the width the bounds allow for; colours come from the style
    m_source->addEdge(this);
    m_target->addEdge(this);
    adjust();
}

EdgeItem::~EdgeItem()
{
    detach();
}

void EdgeItem::detach()
{
    if (m_source)
        m_source->removeEdge(this);
    if (m_target)
        m_target->removeEdge(this);
    m_source = nullptr;
    m_target = nullptr;
}

QPainterPath EdgeItem::curve(QPointF from, QPointF to)
{
    QPainterPath path(from);
    // Forward links bend in a smooth S; a link back to the left (the next band of a wrapped
    // layout) keeps its bends short so it does not sweep far past both ends.
    const qreal dx = to.x() >= from.x() ? std::max<qreal>(40.0, (to.x() - from.x()) / 2) : 60.0;
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return path;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const CanvasStyle &style = CanvasStyle::of(*this);
    QPen pen(isSelected() ? style.selection
            : m_problem   ? style.error
                          : style.link,
        isSelected() ? 3 : 2);
    if (m_problem)
        pen.setStyle(Qt::DashLine);
    painter->setBrush(Qt::NoBrush);
    if (option->levelOfDetailFromTransform(painter->worldTransform()) >= 0.12) {
        painter->setPen(pen);
        painter->drawPath(path());
        return;
    }
    pen.setWidth(0);
    pen.setStyle(Qt::SolidLine);
    painter->setPen(pen);
    painter->drawLine(path().elementAt(0), path().currentPosition());
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(12);
    return stroker.createStroke(path());
}

void EdgeItem::adjust()
{
    if (!m_source || !m_target)
        return;
    prepareGeometryChange();
    setPath(curve(m_source->outputPortPos(), m_target->inputPortPos()));
}

void EdgeItem::setProblem(bool problem)
{
    if (m_problem != problem) {
        m_problem = problem;
        update();
    }
}

} // namespace fondant
