// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/CanvasStyle.h"

#include "views/scene/GraphScene.h"

#include <QGraphicsItem>
#include <QGuiApplication>

#include <cmath>

namespace fondant {

namespace {

constexpr double textContrast = 4.5; // WCAG AA for normal text
constexpr double titleContrast = 7.0; // AAA for the step names, the first thing read

QColor mix(const QColor &from, const QColor &to, double amount)
{
    const auto channel = [&](double a, double b) { return a + (b - a) * amount; };
    return QColor::fromRgbF(static_cast<float>(channel(from.redF(), to.redF())),
        static_cast<float>(channel(from.greenF(), to.greenF())),
        static_cast<float>(channel(from.blueF(), to.blueF())));
}

double luminance(const QColor &color)
{
    const auto linear
        = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF());
}

// The colour nearest to `color` that keeps `ratio` on every fill: moved step by step towards
// black on light fills, towards white on dark ones.
QColor readable(QColor color, std::initializer_list<QColor> fills, double ratio)
{
    const bool darkFills = luminance(*fills.begin()) < 0.18;
    const QColor extreme = darkFills ? QColor(Qt::white) : QColor(Qt::black);
    const auto enough = [&](const QColor &c) {
        for (const QColor &fill : fills)
            if (CanvasStyle::contrast(c, fill) < ratio)
                return false;
        return true;
    };
    for (int step = 0; step < 20 && !enough(color); ++step)
        color = mix(color, extreme, 0.15);
    return enough(color) ? color : extreme;
}

struct RoleColours
{
    QPalette::ColorRole role;
    QColor active; ///< also for inactive windows
    QColor disabled;
};

QPalette paletteOf(std::initializer_list<RoleColours> colours)
{
    QPalette palette;
    for (const RoleColours &c : colours) {
        palette.setColor(QPalette::All, c.role, c.active);
        palette.setColor(QPalette::Disabled, c.role, c.disabled);
    }
    return palette;
}

} // namespace

double CanvasStyle::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

CanvasStyle CanvasStyle::fromPalette(const QPalette &palette)
{
    CanvasStyle s;
    const QColor window = palette.color(QPalette::Window);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor accent = palette.color(QPalette::Highlight);
    s.dark = luminance(window) < 0.18;

    // Steps stand out from the canvas: lighter than it on a light desktop, and on a dark one
    // a little lighter too, as raised surfaces are.
    s.background = s.dark ? mix(window, base, 0.6) : mix(mix(window, base, 0.5), accent, 0.03);
    s.stepFill = s.dark ? mix(window, text, 0.07) : base;
    s.headerFill = mix(s.stepFill, accent, s.dark ? 0.24 : 0.12);
    s.headerFillCacheOff = mix(s.stepFill, text, s.dark ? 0.10 : 0.07);
    s.grid = mix(s.background, text, 0.16);
    s.frame = mix(s.stepFill, text, 0.45);
    s.secondary = readable(
        mix(text, s.stepFill, 0.3), {s.stepFill, s.headerFill, s.headerFillCacheOff}, textContrast);
    s.hint = readable(mix(text, s.background, 0.4), {s.background}, textContrast);

    s.badgeFill = mix(s.headerFill, accent, s.dark ? 0.22 : 0.14);
    s.cacheOffBadgeFill = mix(s.headerFillCacheOff, text, 0.1);
    s.badgeText = readable(text, {s.badgeFill, s.cacheOffBadgeFill}, textContrast);

    s.error = readable(s.dark ? QColor::fromHsl(0, 220, 165) : QColor::fromHsl(0, 170, 90),
        {s.stepFill, s.background}, textContrast);
    s.errorBadgeFill = mix(s.headerFill, s.error, s.dark ? 0.22 : 0.14);
    s.errorBadgeText = readable(s.error, {s.errorBadgeFill}, textContrast);
    // Cache states in hues far apart (green, red-orange, yellow) that differ in lightness too;
    // their words on the step say the same.
    s.cachedFill
        = mix(s.stepFill, QColor::fromHsl(135, 150, s.dark ? 110 : 120), s.dark ? 0.45 : 0.3);
    s.runsFill = mix(s.stepFill, QColor::fromHsl(12, 230, s.dark ? 125 : 150), s.dark ? 0.55 : 0.5);
    s.cascadeFill
        = mix(s.stepFill, QColor::fromHsl(54, 230, s.dark ? 95 : 160), s.dark ? 0.3 : 0.45);
    s.news = readable(s.dark ? QColor::fromHsl(200, 230, 150) : QColor::fromHsl(200, 230, 90),
        {s.stepFill, s.background}, 3.0);
    s.title = readable(text,
        {s.headerFill, s.headerFillCacheOff, s.errorBadgeFill, s.cachedFill, s.runsFill,
            s.cascadeFill},
        titleContrast);
    s.warning = readable(s.dark ? QColor::fromHsl(42, 230, 120) : QColor::fromHsl(38, 255, 60),
        {s.stepFill, s.background}, 3.0);
    s.fits = readable(s.dark ? QColor::fromHsl(140, 140, 130) : QColor::fromHsl(140, 140, 70),
        {s.stepFill, s.background}, 3.0);

    s.selection = readable(accent, {s.background, s.stepFill}, 3.0);
    s.link = readable(mix(s.background, text, 0.5), {s.background}, 3.0);
    s.outputPort = s.selection;
    return s;
}

QColor CanvasStyle::fillOf(CacheState state) const
{
    switch (state) {
    case CacheState::Cached:
        return cachedFill;
    case CacheState::Runs:
        return runsFill;
    case CacheState::Cascade:
        return cascadeFill;
    case CacheState::Disabled:
        return headerFillCacheOff;
    case CacheState::Fails:
        return errorBadgeFill;
    case CacheState::None:
    case CacheState::Unknown:
        break;
    }
    return headerFill;
}

const CanvasStyle &CanvasStyle::of(const QGraphicsItem &item)
{
    if (const auto *scene = qobject_cast<const GraphScene *>(item.scene()))
        return scene->canvasStyle();
    static CanvasStyle outside;
    outside = fromPalette(QGuiApplication::palette());
    return outside;
}

QPalette CanvasStyle::lightPalette()
{
    const QColor text(0x1d, 0x23, 0x2b);
    const QColor muted(0x8a, 0x90, 0x98);
    return paletteOf({
        {QPalette::Window, QColor(0xef, 0xf0, 0xf2), QColor(0xef, 0xf0, 0xf2)},
        {QPalette::WindowText, text, muted},
        {QPalette::Base, QColor(0xff, 0xff, 0xff), QColor(0xf4, 0xf5, 0xf6)},
        {QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9), QColor(0xf4, 0xf5, 0xf6)},
        {QPalette::Text, text, muted},
        {QPalette::PlaceholderText, QColor(0x5f, 0x66, 0x70), muted},
        {QPalette::Button, QColor(0xf7, 0xf8, 0xf9), QColor(0xef, 0xf0, 0xf2)},
        {QPalette::ButtonText, text, muted},
        {QPalette::BrightText, QColor(0xff, 0xff, 0xff), QColor(0xff, 0xff, 0xff)},
        {QPalette::Highlight, QColor(0x1f, 0x6f, 0xd6), QColor(0xb8, 0xc4, 0xd4)},
        {QPalette::HighlightedText, QColor(0xff, 0xff, 0xff), QColor(0xff, 0xff, 0xff)},
        {QPalette::Link, QColor(0x1a, 0x5f, 0xb4), muted},
        {QPalette::LinkVisited, QColor(0x6a, 0x3d, 0xa8), muted},
        {QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf4), QColor(0xff, 0xff, 0xf4)},
        {QPalette::ToolTipText, text, muted},
        {QPalette::Light, QColor(0xff, 0xff, 0xff), QColor(0xff, 0xff, 0xff)},
        {QPalette::Midlight, QColor(0xe2, 0xe4, 0xe8), QColor(0xe2, 0xe4, 0xe8)},
        {QPalette::Mid, QColor(0xb8, 0xbc, 0xc2), QColor(0xb8, 0xbc, 0xc2)},
        {QPalette::Dark, QColor(0x90, 0x95, 0x9c), QColor(0x90, 0x95, 0x9c)},
        {QPalette::Shadow, QColor(0x4a, 0x4e, 0x55), QColor(0x4a, 0x4e, 0x55)},
    });
}

QPalette CanvasStyle::darkPalette()
{
    const QColor text(0xe4, 0xe6, 0xea);
    const QColor muted(0x80, 0x85, 0x8d);
    return paletteOf({
        {QPalette::Window, QColor(0x2a, 0x2c, 0x30), QColor(0x2a, 0x2c, 0x30)},
        {QPalette::WindowText, text, muted},
        {QPalette::Base, QColor(0x1e, 0x1f, 0x23), QColor(0x26, 0x28, 0x2c)},
        {QPalette::AlternateBase, QColor(0x25, 0x27, 0x2b), QColor(0x26, 0x28, 0x2c)},
        {QPalette::Text, text, muted},
        {QPalette::PlaceholderText, QColor(0xa0, 0xa6, 0xae), muted},
        {QPalette::Button, QColor(0x34, 0x37, 0x3c), QColor(0x2e, 0x30, 0x34)},
        {QPalette::ButtonText, text, muted},
        {QPalette::BrightText, QColor(0xff, 0xff, 0xff), QColor(0xff, 0xff, 0xff)},
        {QPalette::Highlight, QColor(0x3b, 0x82, 0xd9), QColor(0x44, 0x4a, 0x55)},
        {QPalette::HighlightedText, QColor(0xff, 0xff, 0xff), muted},
        {QPalette::Link, QColor(0x7c, 0xb4, 0xf5), muted},
        {QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xf0), muted},
        {QPalette::ToolTipBase, QColor(0x34, 0x37, 0x3c), QColor(0x34, 0x37, 0x3c)},
        {QPalette::ToolTipText, text, muted},
        {QPalette::Light, QColor(0x4a, 0x4e, 0x55), QColor(0x4a, 0x4e, 0x55)},
        {QPalette::Midlight, QColor(0x3c, 0x3f, 0x45), QColor(0x3c, 0x3f, 0x45)},
        {QPalette::Mid, QColor(0x2f, 0x32, 0x37), QColor(0x2f, 0x32, 0x37)},
        {QPalette::Dark, QColor(0x18, 0x19, 0x1c), QColor(0x18, 0x19, 0x1c)},
        {QPalette::Shadow, QColor(0x0c, 0x0c, 0x0e), QColor(0x0c, 0x0c, 0x0e)},
    });
}

} // namespace fondant
