// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "views/scene/CanvasStyle.h"

#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QHash>
#include <QPointF>
#include <QTimer>

class QGraphicsPathItem;
class QMenu;

namespace fondant {

class CacheInspector;
class EdgeItem;
class PipelineDocument;
class StepItem;

/// The canvas of a pipeline: one StepItem per step and one EdgeItem per input link. It only
/// listens to the document; gestures (move, connect, drop a component) become editor commands.
class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit GraphScene(PipelineDocument &document, QObject *parent = nullptr);
    ~GraphScene() override;

    PipelineDocument &document() const { return m_document; }
    StepItem *stepItem(const QString &id) const { return m_items.value(id); }
    QList<StepItem *> stepItems() const { return m_items.values(); }
    EdgeItem *edgeInto(const QString &id) const { return m_edges.value(id); }
    QStringList selectedStepIds() const;
    void selectSteps(const QStringList &ids);
    /// The selected links, each by the id of the step that reads through it.
    QStringList selectedLinks() const;
    /// How far to shift new steps with these top-left corners, from preferred on and a row
    /// down at a time, so that none lands on a step of the canvas.
    QPointF freeOffset(const QList<QPointF> &places, QPointF preferred = {}) const;
    /// The place nearest below wanted where a new step overlaps no other.
    QPointF freePlace(QPointF wanted) const { return wanted + freeOffset({wanted}); }
    /// The step an arrow key leads to from id: Left its input, Right the first step reading
    /// it, Up and Down the previous and next step reading the same input; "" when none.
    QString stepBeside(const QString &id, Qt::Key direction) const;
    /// Shows what the cache does with every step, as the inspector tells it, and marks the
    /// steps whose status an edit or a run changes for a moment. The inspector must be made
    /// before the scene, so that it has followed a new document when the scene draws it.
    void setCacheInspector(const CacheInspector *inspector);
    const CacheInspector *cacheInspector() const { return m_inspector; }
    /// How long a changed step stays marked.
    static constexpr int newsMilliseconds = 1600;
    /// The colours its items paint with; follows the scene's palette (the application's).
    const CanvasStyle &canvasStyle() const { return m_style; }
    /// Positions for every step from the layered layout of the graph, with the steps' real sizes.
    QHash<QString, QPointF> layeredLayout() const;

    /// The mime type of a component dragged from the palette; the data is its reference.
    static constexpr const char *componentMimeType = "application/x-fondant-component";

Q_SIGNALS:
    /// What the steps show of the cache changed (views redraw what they add, like a legend).
    void cacheShown();
    /// A hint for the status bar (why a link is refused, what a drop does).
    void statusMessage(const QString &message);
    /// The user double-clicked a step.
    void stepActivated(const QString &id);
    /// A link's context menu is about to open: fill insertMenu with components to insert on
    /// the link into target, placed at position.
    void insertMenuRequested(QMenu *insertMenu, const QString &target, QPointF position);

protected:
    bool event(QEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    void rebuild();
    void growSceneRect(const QString &id);
    void addStepItem(const QString &id);
    void removeStepItem(const QString &id);
    void syncEdge(const QString &id);
    void refreshAll();
    void refreshSteps(const QStringList &ids);
    void applyStyle();
    void showCache(const QStringList &ids, bool news);
    void fadeNews();
    /// Whether the link into a step is a problem: the step cannot read what it brings.
    bool linkHasProblem(const QString &id) const;
    StepItem *stepItemAt(QPointF scenePos) const;
    EdgeItem *edgeAt(QPointF scenePos) const;
    void showLinkMenu(EdgeItem *edge, QGraphicsSceneContextMenuEvent *event);
    void finishConnection(QPointF scenePos);
    void clearDropHints();

    PipelineDocument &m_document;
    CanvasStyle m_style;
    QHash<QString, StepItem *> m_items;
    QHash<QString, EdgeItem *> m_edges; ///< by the id of the step that reads
    QHash<QString, QPointF> m_pressPositions;
    QString m_connectFrom;
    QGraphicsPathItem *m_connectLine = nullptr;
    StepItem *m_hinted = nullptr;
    const CacheInspector *m_inspector = nullptr;
    QHash<QString, QElapsedTimer> m_news; ///< steps marked as changed, since when
    QTimer m_newsFading;
};

} // namespace fondant
