// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace fondant {

/// The application's colour theme: the desktop's own, or our light or dark palette (with the
/// Fusion style, which follows palettes everywhere); remembered in the settings.
class Appearance
{
public:
    enum class Theme { System, Light, Dark };

    /// Applies a theme to the whole application; the canvas follows through its palette.
    static void apply(Theme theme);
    static Theme current();
    /// The theme saved in the settings (System when none is).
    static Theme saved();
    static void save(Theme theme);

    /// "system", "light" or "dark".
    static QString name(Theme theme);
    static std::optional<Theme> fromName(const QString &name);
};

} // namespace fondant
