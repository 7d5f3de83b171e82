// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "views/document/CacheState.h"

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;

namespace fondant {

struct CanvasStyle;

/// What a step shows on the canvas, read from the document by its item.
struct StepLook
{
    QString title; ///< the step id
    QString subtitle; ///< component and image tag
    QStringList consumes; ///< "name: type" lines, already shortened to what fits
    QStringList produces;
    QString status; ///< the badge: problems, "caching off" or the cache key's start
    int errors = 0;
    int warnings = 0;
    bool cacheOff = false;
    bool isFirst = false; ///< the first step has no input port
    int dropHint = 0; ///< 1 a link fits, 2 allowed but fields will not fit, -1 refused
    bool selected = false;
    CacheState cache = CacheState::None; ///< what the cache line tells, when there is one
    QString cacheLine; ///< "cached — from run …", "re-runs because embed changed"; "" for none
    qreal news = 0; ///< 1 just after its cache status changed, fading to 0
};

/// Paints a step in a CanvasStyle at the detail its size on screen allows: full detail up
/// close; further away the field lists fade out, then the name alone in a larger font,
/// shortened at its end; far away a block in the step's state colour.
class StepPainter
{
public:
    static void paint(QPainter &painter, const StepLook &look, const CanvasStyle &style, qreal lod);

    /// Whether a step of this height draws its name at this zoom, or it would be too small.
    static bool drawsName(qreal bodyHeight, qreal lod);
    /// The height of a step showing this many field rows, and a cache line or not.
    static qreal height(qsizetype rows, bool cacheLine = false);
    static qreal height(const StepLook &look);
    /// Where the name of a step this high may go when it is far away: beyond the block.
    static QRectF farNameRect(qreal height);
    /// Where links attach, relative to the step's top-left corner.
    static QPointF inputPort() { return {0, headerHeight / 2}; }
    static QPointF outputPort() { return {width, headerHeight / 2}; }

    static constexpr qreal width = 210;
    static constexpr qreal headerHeight = 48;
    static constexpr qreal rowHeight = 16;
    static constexpr qreal cacheLineHeight = 24;
    static constexpr qreal portRadius = 6;
    static constexpr int maxRows = 6;
    static constexpr qreal smallestName = 5; ///< on-screen pixels below which no name is drawn
};

} // namespace fondant
