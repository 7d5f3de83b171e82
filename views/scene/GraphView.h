// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsView>

namespace fondant {

class GraphScene;

/// The canvas view: wheel zoom around the cursor, pan with the middle button or Space+drag,
/// rubber-band selection, zoom to fit.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    void zoomIn();
    void zoomOut();
    void zoomToFit();
    void resetZoom();
    /// Selects a step and brings it into view, zoomed in to a readable size when the view
    /// is further away.
    void showStep(const QString &id);
    /// A page shown in the middle of the view while the pipeline has no steps (how to begin);
    /// the view takes it as a child.
    void setEmptyPage(QWidget *page);
    /// What a right-click on the empty canvas offers.
    void setCanvasActions(const QList<QAction *> &actions) { m_canvasActions = actions; }
    qreal zoom() const;
    /// Whether the key to the cache colours is drawn in the corner (when there is a cache).
    void setLegendShown(bool shown);
    /// A line shown over the canvas while the window waits for something ("Opening …"); ""
    /// for none.
    void setBusyText(const QString &text);

    /// A step name drawn over the canvas, in viewport pixels.
    struct FarName
    {
        QRectF rect;
        QString text;
        bool selected = false;
    };
    /// So far away that the steps' own names would be too small to read: the names of as many
    /// steps in view as have room, at a readable size, beside their blocks and never over one
    /// another; selected steps and steps with errors first, then in reading order.
    QList<FarName> farNames() const;

Q_SIGNALS:
    void zoomChanged(qreal zoom);
    void viewportMoved();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void scaleBy(qreal factor);
    void placeEmptyPage();
    QFont farNameFont() const;
    void drawFarNames(QPainter &painter);

    GraphScene *m_scene;
    bool m_panning = false;
    bool m_spaceHeld = false;
    QPoint m_lastPanPoint;
    QString m_busyText;
    QList<QAction *> m_canvasActions;
    QWidget *m_emptyPage = nullptr;
    bool m_legendShown = true;
};

} // namespace fondant
