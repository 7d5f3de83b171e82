// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/StepPainter.h"

#include "views/scene/CanvasStyle.h"
#include "views/scene/GraphLayout.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace fondant {

namespace {

constexpr qreal farAway = 0.12; // below: square blocks without smoothing
constexpr qreal midway = 0.45; // below: a block with the name alone; above, details fade in
constexpr qreal fadeSpan = 0.2; // over which the details fade in
constexpr qreal readablePixels = 11; // the on-screen size the name keeps while zooming out
constexpr qreal farPixels = 9; // the most the name takes on screen when far away

QColor outlineOf(const StepLook &look, const CanvasStyle &style)
{
    if (look.dropHint == 1)
        return style.fits;
    if (look.dropHint == 2)
        return style.warning;
    if (look.dropHint < 0 || look.errors > 0)
        return style.error;
    if (look.selected)
        return style.selection;
    if (look.warnings > 0)
        return style.warning;
    return style.frame;
}

// Where the name goes on a step's body away from the details: inside the block, or, so far away
// that the block is a few pixels high, a band taller than the block that runs on into the gap
// before the next step, so that short ids still read.
QRectF nameBand(QRectF body, qreal lod)
{
    if (lod >= farAway)
        return body.adjusted(8, 2, -8, -2);
    const qreal height = std::min(farPixels / lod, body.height() * 1.6);
    return QRectF(4, body.center().y() - height / 2,
        StepPainter::width + GraphLayout::layerGap * 0.8, height);
}

// The name's font size in scene units: readable on screen, as large as the band allows.
qreal namePixels(QRectF band, qreal lod)
{
    return std::min(readablePixels / lod, band.height() * 0.7);
}

// The name left-aligned and shortened at its end, unless it would be too small to read.
void paintName(
    QPainter &painter, const StepLook &look, const CanvasStyle &style, QRectF band, qreal lod)
{
    const qreal pixels = namePixels(band, lod);
    if (pixels * lod < StepPainter::smallestName)
        return;
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(std::max(1, static_cast<int>(pixels)));
    painter.setFont(font);
    painter.setPen(style.title);
    const QFontMetricsF metrics(font);
    painter.drawText(band, Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(look.title, Qt::ElideRight, band.width()));
}

// A ring around a step whose cache status just changed, fading as look.news goes to 0.
void paintNews(
    QPainter &painter, const StepLook &look, const CanvasStyle &style, QRectF body, qreal lod)
{
    if (look.news <= 0)
        return;
    QColor ring = style.news;
    ring.setAlphaF(static_cast<float>(std::clamp(look.news, 0.0, 1.0)));
    const qreal width = 4 / std::max(lod, 0.05); // about four pixels on screen
    painter.save();
    painter.setPen(QPen(ring, width));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(body.adjusted(-width, -width, width, width), 9, 9);
    painter.restore();
}

} // namespace

QRectF StepPainter::farNameRect(qreal height)
{
    return QRectF(4, -0.3 * height, width + GraphLayout::layerGap * 0.8, 1.6 * height);
}

bool StepPainter::drawsName(qreal bodyHeight, qreal lod)
{
    return lod >= midway
        || namePixels(nameBand(QRectF(0, 0, width, bodyHeight), lod), lod) * lod >= smallestName;
}

qreal StepPainter::height(qsizetype rows, bool cacheLine)
{
    return headerHeight + (rows > 0 ? static_cast<qreal>(rows) * rowHeight + 8 : 0)
        + (cacheLine ? cacheLineHeight : 0);
}

qreal StepPainter::height(const StepLook &look)
{
    return height(std::max(look.consumes.size(), look.produces.size()), !look.cacheLine.isEmpty());
}

void StepPainter::paint(
    QPainter &painter, const StepLook &look, const CanvasStyle &style, qreal lod)
{
    const QRectF body(0, 0, width, height(look));
    const QColor outline = outlineOf(look, style);
    const QColor header = look.cacheOff ? style.headerFillCacheOff : style.headerFill;
    const bool marked = look.selected || look.errors > 0 || look.dropHint != 0;

    if (lod < midway) { // away: a block in the step's state colour and its name, as large as fits
        painter.setRenderHint(QPainter::Antialiasing, lod >= farAway);
        painter.setPen(QPen(outline, marked ? 2 / lod : 0)); // 0: one pixel on screen
        painter.setBrush(look.errors > 0         ? style.errorBadgeFill
                : look.cache != CacheState::None ? style.fillOf(look.cache)
                                                 : header);
        if (lod < farAway)
            painter.drawRect(body);
        else
            painter.drawRoundedRect(body, 7, 7);
        paintName(painter, look, style, nameBand(body, lod), lod);
        paintNews(painter, look, style, body, lod);
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(outline, marked ? 2.5 : 1.2));
    painter.setBrush(style.stepFill);
    painter.drawRoundedRect(body, 7, 7);
    painter.setPen(Qt::NoPen);
    painter.setBrush(header);
    painter.drawRoundedRect(QRectF(1, 1, width - 2, headerHeight - 2), 6, 6);

    // Up close the details, fading in over the first part of the range.
    const qreal detail = std::clamp((lod - midway) / fadeSpan, 0.0, 1.0);

    const QFont font = painter.font();
    QFont bold = font;
    bold.setBold(true);
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.9);
    const QFontMetricsF smallMetrics(small);
    const qreal badgeWidth
        = look.status.isEmpty() ? 0 : smallMetrics.horizontalAdvance(look.status) + 12;

    painter.setFont(bold);
    painter.setPen(style.title);
    const qreal titleWidth = width - 24 - (badgeWidth > 0 ? badgeWidth + 6 : 0);
    painter.drawText(QRectF(12, 5, titleWidth, 18), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(bold).elidedText(look.title, Qt::ElideRight, titleWidth));

    painter.setFont(small);
    if (badgeWidth > 0) {
        const QRectF badge(width - badgeWidth - 8, 6, badgeWidth, 16);
        painter.setPen(Qt::NoPen);
        painter.setBrush(look.errors > 0 ? style.errorBadgeFill
                : look.cacheOff          ? style.cacheOffBadgeFill
                                         : style.badgeFill);
        painter.drawRoundedRect(badge, 8, 8);
        painter.setPen(look.errors > 0 ? style.errorBadgeText : style.badgeText);
        painter.drawText(badge, Qt::AlignCenter, look.status);
    }

    painter.setOpacity(detail);
    painter.setPen(style.secondary);
    painter.drawText(QRectF(12, 25, width - 24, 16), Qt::AlignLeft | Qt::AlignVCenter,
        smallMetrics.elidedText(look.subtitle, Qt::ElideRight, width - 24));
    const qreal column = width / 2 - 12;
    for (qsizetype i = 0; i < look.consumes.size(); ++i)
        painter.drawText(
            QRectF(10, headerHeight + 4 + static_cast<qreal>(i) * rowHeight, column, rowHeight),
            Qt::AlignLeft | Qt::AlignVCenter,
            smallMetrics.elidedText(
                QStringLiteral("→ ") + look.consumes.at(i), Qt::ElideRight, column));
    for (qsizetype i = 0; i < look.produces.size(); ++i)
        painter.drawText(QRectF(width / 2 + 2, headerHeight + 4 + static_cast<qreal>(i) * rowHeight,
                             column, rowHeight),
            Qt::AlignRight | Qt::AlignVCenter,
            smallMetrics.elidedText(
                look.produces.at(i) + QStringLiteral(" →"), Qt::ElideRight, column));
    painter.setOpacity(1);

    if (!look.cacheLine.isEmpty()) {
        // What the cache does with the step, on the fill of its state, along the bottom.
        const QRectF line(4, body.bottom() - cacheLineHeight + 2, width - 8, cacheLineHeight - 6);
        painter.setPen(Qt::NoPen);
        painter.setBrush(style.fillOf(look.cache));
        painter.drawRoundedRect(line, 4, 4);
        painter.setPen(style.title);
        painter.drawText(line.adjusted(6, 0, -6, 0), Qt::AlignLeft | Qt::AlignVCenter,
            smallMetrics.elidedText(look.cacheLine, Qt::ElideRight, line.width() - 12));
    }
    paintNews(painter, look, style, body, lod);

    painter.setPen(QPen(style.frame, 1.2));
    if (!look.isFirst) {
        painter.setBrush(style.stepFill);
        painter.drawEllipse(inputPort(), portRadius, portRadius);
    }
    painter.setBrush(style.outputPort);
    painter.drawEllipse(outputPort(), portRadius, portRadius);
}

} // namespace fondant
