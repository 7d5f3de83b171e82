// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "views/scene/StepPainter.h"

#include <QGraphicsItem>

namespace fondant {

class EdgeItem;
class PipelineDocument;

/// One step on the canvas: its id, component and image tag, the fields it consumes and
/// produces, its problems and caching, with an input port (left) and an output port (right).
/// It holds only the step id; what it shows is read from the document by refresh().
class StepItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    enum class Port { None, Input, Output };

    StepItem(const PipelineDocument &document, const QString &id);

    int type() const override { return Type; }
    /// The body with its ports, plus room for the name that runs on beyond a far-away block.
    QRectF boundingRect() const override;
    /// What can be pointed at: the body with its ports.
    QPainterPath shape() const override;
    /// The body with its ports in scene coordinates: what other steps must not cover.
    QRectF sceneBodyRect() const { return mapRectToScene(bodyRect()); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const QString &stepId() const { return m_id; }
    void setStepId(const QString &id);
    /// Re-reads the step and its analysis from the document and repaints.
    void refresh();
    /// Re-reads only the cache key (after a change upstream), repainting if what is shown changed.
    void refreshKey();
    /// The badge: the problems, else "caching off", else the cache key's first characters.
    const QString &status() const { return m_look.status; }
    const StepLook &look() const { return m_look; }
    /// The tooltip: id, component, image, cache key and why caching is off.
    QString toolTipText() const;

    QPointF inputPortPos() const;
    QPointF outputPortPos() const;
    /// Which port, if any, is under a point given in item coordinates.
    Port portAt(QPointF point) const;
    /// Highlights the item as a connection target: 1 fits, 2 allowed but its fields will not
    /// fit, -1 refused, 0 none.
    void setDropHint(int hint);
    /// What the cache does with the step: the state and line drawn on it (its tooltip asks the
    /// scene's inspector for the whole sentence).
    void setCache(CacheState state, const QString &line);
    /// 1 just after its cache status changed, fading to 0: a ring around the step.
    void setNews(qreal news);

    void addEdge(EdgeItem *edge);
    void removeEdge(EdgeItem *edge);

    static constexpr qreal width = StepPainter::width;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    qreal height() const;
    QRectF bodyRect() const;
    QString statusText() const;

    const PipelineDocument &m_document;
    QString m_id;
    StepLook m_look;
    QList<EdgeItem *> m_edges;
};

} // namespace fondant
