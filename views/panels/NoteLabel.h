// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLabel>

namespace fondant {

/// Plain text for a narrow panel, in the palette's text or secondary text colour (or marked as
/// a problem), wrapped at any width so that it never widens its panel, and clamped to a few
/// lines with the whole text in a tooltip.
class NoteLabel : public QLabel
{
    Q_OBJECT

public:
    enum class Tone { Normal, Secondary, Problem };

    explicit NoteLabel(const QString &text = {}, QWidget *parent = nullptr);

    /// Hides QLabel::setText: the label then keeps room for every line of the new text.
    void setText(const QString &text);

    void setTone(Tone tone);
    Tone tone() const { return m_tone; }
    /// Shows at most this many lines (0: all); the last one shown then ends in "…".
    void setMaximumLines(int lines);
    /// Whether the text needs more lines than shown at the label's width.
    bool isClamped() const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Lines
    {
        QStringList shown;
        bool clamped = false;
    };
    Lines linesFor(int width) const;
    QString shownText() const;
    void keepRoomForAllLines();

    Tone m_tone = Tone::Secondary;
    int m_maximumLines = 0;
};

} // namespace fondant
