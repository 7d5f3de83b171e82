// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/SceneRenderer.h"

#include "views/scene/CacheLegend.h"
#include "views/scene/CanvasStyle.h"
#include "views/scene/GraphScene.h"

#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace fondant {

namespace {

// The legend in the bottom-left corner of a picture of this size, as large as the steps are
// drawn (scale: pixels per scene unit).
void paintLegend(
    QPainter &painter, QGraphicsScene &scene, const CacheLegend *legend, QSizeF size, qreal scale)
{
    if (!legend)
        return;
    const auto *graph = qobject_cast<GraphScene *>(&scene);
    const CanvasStyle style
        = graph ? graph->canvasStyle() : CanvasStyle::fromPalette(scene.palette());
    painter.save();
    painter.resetTransform();
    painter.scale(scale, scale);
    legend->paint(painter, style, QPointF(10, size.height() / scale - 10));
    painter.restore();
}

} // namespace

QString SceneRenderer::render(QGraphicsScene &scene, const QString &path, const CacheLegend *legend)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return QStringLiteral("%1: the picture must end in .png or .svg").arg(path);
    scene.clearSelection();
    QRectF source = scene.itemsBoundingRect().adjusted(-30, -30, 30, 30);
    if (source.isEmpty())
        source = QRectF(0, 0, 400, 200);
    if (legend) // room below the steps, so that the legend covers none
        source.adjust(0, 0, std::max(0.0, legend->size().width() + 20 - source.width()),
            legend->size().height() + 20);

    // Cached items would be drawn as bitmaps: draw every item for real while rendering.
    QHash<QGraphicsItem *, QGraphicsItem::CacheMode> cacheModes;
    for (QGraphicsItem *item : scene.items()) {
        cacheModes.insert(item, item->cacheMode());
        item->setCacheMode(QGraphicsItem::NoCache);
    }
    const auto restoreCaches = qScopeGuard([&] {
        for (auto it = cacheModes.begin(); it != cacheModes.end(); ++it)
            it.key()->setCacheMode(it.value());
    });

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot write the file: %2").arg(path, file.errorString());
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(source.size().toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
        generator.setTitle(QStringLiteral("Fondant pipeline"));
        QPainter painter(&generator);
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), scene.backgroundBrush());
        scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        paintLegend(painter, scene, legend, source.size(), 1);
    } else {
        // Keep huge pipelines to a picture a viewer can open and memory can hold: at most
        // 12,000 pixels a side and 16 million pixels (64 MB) in all.
        constexpr qreal largestSide = 12000;
        constexpr qreal largestArea = 16e6;
        const qreal scale
            = std::min({qreal(2.0), largestSide / std::max(source.width(), source.height()),
                std::sqrt(largestArea / (source.width() * source.height()))});
        QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(scene.backgroundBrush().color());
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), image.size()), source);
        paintLegend(painter, scene, legend, image.size(), scale);
        painter.end();
        if (!image.save(&file, "PNG"))
            return QStringLiteral("%1: cannot encode the picture").arg(path);
    }
    if (!file.commit())
        return QStringLiteral("%1: cannot save the file: %2").arg(path, file.errorString());
    return {};
}

} // namespace fondant
