// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsPathItem>

namespace fondant {

class StepItem;

/// The link from a step to a step that reads its output (the reader's `input`); it can be
/// selected, and is drawn red and dashed when the reader cannot read what it brings.
class EdgeItem : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 2 };

    EdgeItem(StepItem *source, StepItem *target);
    ~EdgeItem() override;

    int type() const override { return Type; }
    StepItem *source() const { return m_source; }
    StepItem *target() const { return m_target; }
    /// Recomputes the curve after either end moved.
    void adjust();
    void setProblem(bool problem);
    bool hasProblem() const { return m_problem; }
    /// A wider band than the line, so that a link is easy to point at.
    QPainterPath shape() const override;
    void detach();

    /// A curve from an output port to an input port.
    static QPainterPath curve(QPointF from, QPointF to);

    /// Far away, a straight hairline: thousands of curves stroked at a size nobody can see
    /// would make every repaint of a large pipeline slow.
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
        QWidget *widget = nullptr) override;

private:
    StepItem *m_source;
    StepItem *m_target;
    bool m_problem = false;
};

} // namespace fondant
