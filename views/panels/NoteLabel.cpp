// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/NoteLabel.h"

#include <QHelpEvent>
#include <QPainter>
#include <QTextLayout>
#include <QToolTip>

#include <algorithm>

namespace fondant {

NoteLabel::NoteLabel(const QString &text, QWidget *parent) : QLabel(text, parent)
{
    setTextFormat(Qt::PlainText);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void NoteLabel::setText(const QString &text)
{
    QLabel::setText(text);
    keepRoomForAllLines();
}

// Not every layout asks a nested widget for its height at the width it gets (QFormLayout may
// use a height found for another width): a minimum height keeps every line in sight.
void NoteLabel::keepRoomForAllLines()
{
    setMinimumHeight(std::max(0, heightForWidth(width())));
}

void NoteLabel::setTone(Tone tone)
{
    if (tone == m_tone)
        return;
    m_tone = tone;
    keepRoomForAllLines();
    updateGeometry();
    update();
}

void NoteLabel::setMaximumLines(int lines)
{
    m_maximumLines = lines;
    keepRoomForAllLines();
    updateGeometry();
}

QString NoteLabel::shownText() const
{
    QString shown = m_tone == Tone::Problem ? QStringLiteral("⚠ ") + text() : text();
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return shown;
}

NoteLabel::Lines NoteLabel::linesFor(int width) const
{
    Lines lines;
    const QString shown = shownText();
    if (shown.isEmpty() || width <= 0)
        return lines;
    QTextLayout layout(shown, font());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (m_maximumLines > 0 && lines.shown.size() == m_maximumLines - 1) {
            // The last line shown: the rest of the text, elided when it does not fit.
            QString rest = shown.mid(line.textStart());
            rest.replace(QChar::LineSeparator, QLatin1Char(' '));
            const QString elided = fontMetrics().elidedText(rest, Qt::ElideRight, width);
            lines.clamped = elided != rest;
            lines.shown << elided;
            break;
        }
        lines.shown << shown.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

bool NoteLabel::isClamped() const
{
    return linesFor(contentsRect().width()).clamped;
}

int NoteLabel::heightForWidth(int width) const
{
    const QMargins margins = contentsMargins();
    const auto count = linesFor(width - margins.left() - margins.right()).shown.size();
    return static_cast<int>(count) * fontMetrics().lineSpacing() + margins.top() + margins.bottom();
}

QSize NoteLabel::sizeHint() const
{
    // As wide as the text on one line, up to about forty characters.
    const int width = std::min(fontMetrics().horizontalAdvance(shownText()),
                          fontMetrics().averageCharWidth() * 40)
        + contentsMargins().left() + contentsMargins().right();
    return {width, heightForWidth(width)};
}

QSize NoteLabel::minimumSizeHint() const
{
    const int width = fontMetrics().averageCharWidth() * 4;
    return {width, text().isEmpty() ? 0 : fontMetrics().lineSpacing()};
}

void NoteLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setFont(font());
    painter.setPen(palette().color(
        m_tone == Tone::Secondary ? QPalette::PlaceholderText : QPalette::WindowText));
    const QRect area = contentsRect();
    const QFontMetrics metrics = fontMetrics();
    int y = area.top() + metrics.ascent();
    for (const QString &line : linesFor(area.width()).shown) {
        painter.drawText(area.left(), y, line);
        y += metrics.lineSpacing();
    }
}

void NoteLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    keepRoomForAllLines();
}

bool NoteLabel::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && toolTip().isEmpty() && isClamped()) {
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), text(), this);
        return true;
    }
    return QLabel::event(event);
}

} // namespace fondant
