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
        return m_pastRun ? tr("executed") : tr("changed: runs again");
    case CacheState::Cascade:
        return tr("re-runs: an earlier step changed");
    case CacheState::Disabled:
        return tr("caching off: always runs");
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

namespace {

constexpr qreal padding = 8;

QFont legendFont()
{
    QFont font;
    font.setPixelSize(12);
    return font;
}

} // namespace

CacheLegend::Layout CacheLegend::layout() const
{
    const QFontMetricsF metrics(legendFont());
    Layout layout;
    layout.line = std::ceil(metrics.height()) + 6;
    layout.swatch = layout.line - 8;
    const std::vector<CacheState> states = shownStates();
    for (const CacheState state : states) {
        layout.labelWidth = std::max(layout.labelWidth, metrics.horizontalAdvance(label(state)));
        layout.countWidth = std::max(layout.countWidth,
            metrics.horizontalAdvance(QString::number(m_counts[static_cast<std::size_t>(state)])));
    }
    layout.size
        = QSizeF(padding * 3 + layout.swatch * 1.6 + 8 + layout.labelWidth + layout.countWidth + 12,
            static_cast<qreal>(states.size()) * layout.line + 2 * padding);
    return layout;
}

QSizeF CacheLegend::size() const
{
    return layout().size;
}

QRectF CacheLegend::paint(QPainter &painter, const CanvasStyle &style, QPointF bottomLeft) const
{
    const Layout layout = this->layout();
    const QRectF box(QPointF(bottomLeft.x(), bottomLeft.y() - layout.size.height()), layout.size);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(legendFont());
    painter.setPen(QPen(style.frame, 1));
    painter.setBrush(style.stepFill);
    painter.drawRoundedRect(box, 6, 6);
    qreal y = box.top() + padding;
    for (const CacheState state : shownStates()) {
        const QRectF mark(box.left() + padding, y + 4, layout.swatch * 1.6, layout.swatch);
        painter.setPen(QPen(style.frame, 1));
        painter.setBrush(style.fillOf(state));
        painter.drawRoundedRect(mark, 3, 3);
        painter.setPen(style.title);
        const QRectF text(mark.right() + 8, y, layout.labelWidth, layout.line);
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, label(state));
        painter.drawText(QRectF(text.right() + 12, y, layout.countWidth, layout.line),
            Qt::AlignRight | Qt::AlignVCenter,
            QString::number(m_counts[static_cast<std::size_t>(state)]));
        y += layout.line;
    }
    painter.restore();
    return box;
}

} // namespace fondant
