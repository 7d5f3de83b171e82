// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QPointF>
#include <QSizeF>
#include <QString>

#include <vector>

namespace fondant {

/// A layered left-to-right layout of the step graph, in time linear in the number of steps:
/// every step reads at most one earlier step, so the graph is a forest and needs no crossing
/// reduction. Each step sits one layer right of its input; the child with the most steps after
/// it continues its input's row and the others hang below. A graph of many layers wraps into
/// bands stacked top to bottom, like lines of text.
class GraphLayout
{
public:
    struct Node
    {
        QString id;
        QSizeF size;
        QString input; ///< the node it reads from, or ""
    };

    /// Top-left positions for every node; nodes without links are laid out too. An input that
    /// is not an earlier node (unknown, later, or the node itself) counts as none.
    static QHash<QString, QPointF> compute(const std::vector<Node> &nodes);

    static constexpr qreal layerGap = 90; ///< between the widest step of a layer and the next
    static constexpr qreal rowGap = 36; ///< between steps of one layer
    static constexpr qreal bandGap = 120; ///< between bands of a wrapped graph
};

} // namespace fondant
