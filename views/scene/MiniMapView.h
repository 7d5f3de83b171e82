// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsView>
#include <QTimer>

namespace fondant {

class GraphView;

/// A small overview of the whole canvas with the main view's visible area; click or drag in
/// it to move the main view there.
class MiniMapView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit MiniMapView(GraphView *mainView, QWidget *parent = nullptr);

    void fitScene();

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    GraphView *m_mainView;
    QTimer m_redraw;
};

} // namespace fondant
