// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QPointF>
#include <QSizeF>
#include <QString>

#include <vector>

namespace fondant {

/// A layered left-to-right layout of the step graph, computed with Graphviz's dot.
class GraphLayout
{
public:
    struct Node
    {
        QString id;
        QSizeF size;
        QString input; ///< the node it reads from, or ""
    };

    /// Top-left positions for every node; nodes without links are laid out too.
    static QHash<QString, QPointF> compute(const std::vector<Node> &nodes);
};

} // namespace fondant
