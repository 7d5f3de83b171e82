// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "views/document/CacheState.h"

#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace fondant {

struct CanvasStyle;

/// The key to the cache colours, painted in a corner of the canvas and of pictures: each state
/// that some step is in, with its swatch, its meaning and how many steps are in it.
class CacheLegend
{
public:
    /// counts: steps per state, in the order of CacheState; pastRun: the states tell what a
    /// past run did rather than what the next run would do.
    CacheLegend(std::vector<int> counts, bool pastRun);

    /// The words for a state ("cached", "re-runs: a step before it changed", "executed").
    QString label(CacheState state) const;
    /// Its size in pixels.
    QSizeF size() const;
    /// Paints the legend with its bottom-left corner at bottomLeft (in the painter's units,
    /// which are taken as pixels); returns where it went.
    QRectF paint(QPainter &painter, const CanvasStyle &style, QPointF bottomLeft) const;

private:
    struct Layout
    {
        qreal line = 0;
        qreal swatch = 0;
        qreal labelWidth = 0;
        qreal countWidth = 0;
        QSizeF size;
    };

    std::vector<CacheState> shownStates() const;
    Layout layout() const;

    std::vector<int> m_counts;
    bool m_pastRun;
};

} // namespace fondant
