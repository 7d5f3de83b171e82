// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QGraphicsScene;

namespace fondant {

class CacheLegend;

/// Draws a whole canvas into a picture file: PNG (bitmap) or SVG (vector), chosen by suffix.
class SceneRenderer
{
public:
    /// Writes the picture, with a legend of the cache states below the steps when given;
    /// returns an error message, or "" on success.
    static QString render(
        QGraphicsScene &scene, const QString &path, const CacheLegend *legend = nullptr);
};

} // namespace fondant
