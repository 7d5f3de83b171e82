// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "views/document/CacheState.h"

#include <QColor>
#include <QPalette>

class QGraphicsItem;

namespace fondant {

/// The colours the canvas, the Overview and rendered pictures paint with, derived from a
/// palette so that light and dark desktops both read well: every text colour keeps at least
/// WCAG AA contrast (4.5:1) on the fill it is drawn on.
struct CanvasStyle
{
    bool dark = false;
    QColor background; ///< the canvas behind the steps
    QColor grid; ///< the alignment dots
    QColor hint; ///< text drawn on the empty canvas

    QColor stepFill; ///< a step's body
    QColor headerFill; ///< the band with its name
    QColor headerFillCacheOff; ///< the band of a step whose caching is off
    QColor frame; ///< a step's outline and its input port
    QColor title; ///< the step's id
    QColor secondary; ///< component, image tag and fields

    QColor badgeFill; ///< behind the cache key
    QColor badgeText;
    QColor cacheOffBadgeFill; ///< behind "caching off"
    QColor errorBadgeFill; ///< behind "N problems"
    QColor errorBadgeText;

    QColor selection; ///< the outline of selected steps and links, the Overview's view frame
    QColor error; ///< outlines and links with errors
    QColor warning; ///< outlines with warnings, links whose fields will not fit
    QColor fits; ///< a link target that fits

    QColor link; ///< a link between steps
    QColor outputPort; ///< the port to drag links from
    QColor cachedFill; ///< behind the cache line of a step that reuses its output
    QColor runsFill; ///< … of a step that runs because of its own change
    QColor cascadeFill; ///< … of a step that runs because a step before it changed
    QColor news; ///< the ring that briefly marks steps whose cache status just changed

    /// The fill that tells a cache state, behind its line up close and as the whole block far
    /// away; the step names (title) keep 7:1 on each.
    QColor fillOf(CacheState state) const;

    /// The style for a palette: the application's, or one of the two below.
    static CanvasStyle fromPalette(const QPalette &palette);
    /// The style of the scene an item is in (the application palette's outside a canvas).
    static const CanvasStyle &of(const QGraphicsItem &item);

    /// A light and a dark application palette, for desktops that give none and for pictures.
    static QPalette lightPalette();
    static QPalette darkPalette();

    /// WCAG 2 contrast ratio of two opaque colours, from 1 (same) to 21 (black on white).
    static double contrast(const QColor &a, const QColor &b);
};

} // namespace fondant
