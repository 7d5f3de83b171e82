// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/Appearance.h"

#include "views/scene/CanvasStyle.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace fondant {

namespace {

const char *const settingsKey = "appearance/theme";

// What the desktop gave before any theme was applied, to go back to.
struct DesktopLook
{
    QPalette palette = QApplication::palette();
    QString style = QApplication::style()->name();
};

const DesktopLook &desktopLook()
{
    static const DesktopLook look;
    return look;
}

Appearance::Theme &currentTheme()
{
    static Appearance::Theme theme = Appearance::Theme::System;
    return theme;
}

} // namespace

void Appearance::apply(Theme theme)
{
    const DesktopLook &desktop = desktopLook();
    currentTheme() = theme;
    if (theme == Theme::System) {
        QApplication::setStyle(QStyleFactory::create(desktop.style));
        QApplication::setPalette(desktop.palette);
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(
        theme == Theme::Dark ? CanvasStyle::darkPalette() : CanvasStyle::lightPalette());
}

Appearance::Theme Appearance::current()
{
    return currentTheme();
}

Appearance::Theme Appearance::saved()
{
    return fromName(QSettings().value(QLatin1String(settingsKey)).toString())
        .value_or(Theme::System);
}

void Appearance::save(Theme theme)
{
    QSettings().setValue(QLatin1String(settingsKey), name(theme));
}

QString Appearance::name(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Appearance::Theme> Appearance::fromName(const QString &name)
{
    for (const Theme theme : {Theme::System, Theme::Light, Theme::Dark})
        if (name == Appearance::name(theme))
            return theme;
    return std::nullopt;
}

} // namespace fondant
