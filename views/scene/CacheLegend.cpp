// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/CacheLegend.h"

#include "views/scene/CanvasStyle.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace fondant {

CacheLegend::CacheLegend(std::vector<int> counts, bool pastRun)
    : m_counts(std::move(counts)), m_pastRun(pastRun)
{
    m_counts.resize(static_cast<std::size_t>(CacheState::Unknown) + 1, 0);
}

QString CacheLegend::label(CacheState state) const
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("fondant::CacheLegend", text);
    };
    switch (state) {
    case CacheState::Cached:
        return m_pastRun ? tr("reused an earlier output") : tr("cached: reuses its output");
    case CacheState::Runs:
        return m_pastRun ? tr("executed") : tr("will run: its own change");
    case CacheState::Cascade:
        return tr("re-runs: a step before it changed");
    case CacheState::Disabled:
        return tr("caching off");
    case CacheState::Fails:
        return tr("will fail: cached output gone");
    case CacheState::Unknown:
        return m_pastRun ? tr("not in this run") : tr("unknown: has errors");
    case CacheState::None:
        break;
    }
    return {};
}

std::vector<CacheState> CacheLegend::shownStates() const
{
    // The two main states always; the others when a step is in them.
    std::vector<CacheState> states;
    for (const CacheState state : {CacheState::Cached, CacheState::Runs, CacheState::Cascade,
             CacheState::Disabled, CacheState::Fails, CacheState::Unknown})
        if (state == CacheState::Cached || state == CacheState::Runs
            || m_counts[static_cast<std::size_t>(state)] > 0)
            states.push_back(state);
    return states;
}

QRectF CacheLegend::paint(QPainter &painter, const CanvasStyle &style, QPointF bottomLeft) const
{
    const std::vector<CacheState> states = shownStates();
    QFont font = painter.font();
    font.setPixelSize(12);
    const QFontMetricsF metrics(font);
    const qreal line = std::ceil(metrics.height()) + 6;
    const qreal swatch = line - 8;
    qreal labelWidth = 0;
    qreal countWidth = 0;
    for (const CacheState state : states) {
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(label(state)));
        countWidth = std::max(countWidth,
            metrics.horizontalAdvance(QString::number(m_counts[static_cast<std::size_t>(state)])));
    }
    const qreal padding = 8;
    const QRectF box(bottomLeft.x(),
        bottomLeft.y() - static_cast<qreal>(states.size()) * line - 2 * padding,
        padding * 3 + swatch + 8 + labelWidth + countWidth + 12,
        static_cast<qreal>(states.size()) * line + 2 * padding);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(font);
    painter.setPen(QPen(style.frame, 1));
    painter.setBrush(style.stepFill);
    painter.drawRoundedRect(box, 6, 6);
    qreal y = box.top() + padding;
    for (const CacheState state : states) {
        const QRectF mark(box.left() + padding, y + 4, swatch * 1.6, swatch);
        painter.setPen(QPen(style.frame, 1));
        painter.setBrush(style.fillOf(state));
        painter.drawRoundedRect(mark, 3, 3);
        painter.setPen(style.title);
        const QRectF text(mark.right() + 8, y, labelWidth, line);
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, label(state));
        painter.drawText(QRectF(text.right() + 12, y, countWidth, line),
            Qt::AlignRight | Qt::AlignVCenter,
            QString::number(m_counts[static_cast<std::size_t>(state)]));
        y += line;
    }
    painter.restore();
    return box;
}

} // namespace fondant
