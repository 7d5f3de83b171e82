// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/GraphLayout.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fondant {

namespace {

// How many layers a band holds: all of them up to a few dozen; beyond, enough bands that the
// picture is about 1.6 times as wide as high (a band is about as high as the unwrapped graph,
// plus the gap), and never fewer than 20 layers a band.
std::size_t layersPerBand(std::size_t layers, qreal width, qreal height)
{
    constexpr std::size_t unwrapped = 40;
    constexpr std::size_t fewest = 20;
    if (layers <= unwrapped || height <= 0)
        return std::max<std::size_t>(layers, 1);
    const qreal bands = std::sqrt(width / (1.6 * (height + GraphLayout::bandGap)));
    const auto perBand = static_cast<std::size_t>(
        std::ceil(static_cast<qreal>(layers) / std::max<qreal>(bands, 1)));
    return std::max(perBand, fewest);
}

} // namespace

QHash<QString, QPointF> GraphLayout::compute(const std::vector<Node> &nodes)
{
    const std::size_t count = nodes.size();
    QHash<QString, std::size_t> indexOf;
    indexOf.reserve(static_cast<qsizetype>(count));
    for (std::size_t i = count; i-- > 0;)
        indexOf.insert(nodes[i].id, i); // a repeated id keeps its first place

    // Parents always come earlier, so one pass in order gives layers and one backwards sizes.
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> parent(count, none);
    std::vector<std::size_t> layer(count, 0);
    std::vector<std::vector<std::size_t>> children(count);
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < count; ++i) {
        const auto found = indexOf.constFind(nodes[i].input);
        if (!nodes[i].input.isEmpty() && found != indexOf.constEnd() && *found < i) {
            parent[i] = *found;
            layer[i] = layer[*found] + 1;
            children[*found].push_back(i);
        } else {
            roots.push_back(i);
        }
    }
    std::vector<std::size_t> weight(count, 1);
    for (std::size_t i = count; i-- > 0;)
        if (parent[i] != none)
            weight[parent[i]] += weight[i];

    const std::size_t layers = count == 0 ? 0 : *std::max_element(layer.begin(), layer.end()) + 1;
    std::vector<qreal> layerWidth(layers, 0);
    for (std::size_t i = 0; i < count; ++i)
        layerWidth[layer[i]] = std::max(layerWidth[layer[i]], nodes[i].size.width());
    std::vector<qreal> layerX(layers, 0);
    for (std::size_t l = 1; l < layers; ++l)
        layerX[l] = layerX[l - 1] + layerWidth[l - 1] + layerGap;

    // Depth first, heaviest child first: each step wants its input's row (the heaviest child)
    // or the place below its previous sibling, and is pushed below what its layer already holds.
    constexpr qreal unset = -std::numeric_limits<qreal>::infinity();
    std::vector<qreal> layerBottom(layers, unset);
    std::vector<qreal> y(count, 0);
    std::vector<qreal> lastChildBottom(count, unset);
    qreal bottom = -rowGap;
    std::vector<std::size_t> stack;
    for (std::size_t root : roots) {
        stack.push_back(root);
        while (!stack.empty()) {
            const std::size_t node = stack.back();
            stack.pop_back();
            const std::size_t up = parent[node];
            qreal wanted = bottom + rowGap;
            if (up != none)
                wanted = lastChildBottom[up] == unset ? y[up] : lastChildBottom[up] + rowGap;
            const qreal height = nodes[node].size.height();
            y[node] = layerBottom[layer[node]] == unset
                ? wanted
                : std::max(wanted, layerBottom[layer[node]] + rowGap);
            layerBottom[layer[node]] = y[node] + height;
            if (up != none)
                lastChildBottom[up] = y[node] + height;
            bottom = std::max(bottom, y[node] + height);

            std::vector<std::size_t> &next = children[node];
            const auto heaviest = std::max_element(next.begin(), next.end(),
                [&](std::size_t a, std::size_t b) { return weight[a] < weight[b]; });
            if (heaviest != next.end())
                std::rotate(next.begin(), heaviest, heaviest + 1);
            stack.insert(stack.end(), next.rbegin(), next.rend());
        }
    }

    // A long pipeline wraps like text: bands of layers stacked top to bottom, so that the
    // whole graph is about as wide as a screen's proportions suggest instead of a thin line.
    const std::size_t perBand
        = layersPerBand(layers, layerX.empty() ? 0 : layerX.back() + layerWidth.back(), bottom);
    const std::size_t bands = layers == 0 ? 0 : (layers - 1) / perBand + 1;
    std::vector<qreal> bandTop(bands, std::numeric_limits<qreal>::infinity());
    std::vector<qreal> bandBottom(bands, unset);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t band = layer[i] / perBand;
        bandTop[band] = std::min(bandTop[band], y[i]);
        bandBottom[band] = std::max(bandBottom[band], y[i] + nodes[i].size.height());
    }
    std::vector<qreal> bandShift(bands, 0);
    qreal nextTop = 0;
    for (std::size_t b = 0; b < bands; ++b) {
        bandShift[b] = nextTop - bandTop[b];
        nextTop += bandBottom[b] - bandTop[b] + bandGap;
    }

    QHash<QString, QPointF> positions;
    positions.reserve(static_cast<qsizetype>(count));
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t band = layer[i] / perBand;
        positions.insert(nodes[i].id,
            QPointF(layerX[layer[i]] - layerX[band * perBand], y[i] + bandShift[band]));
    }
    return positions;
}

} // namespace fondant
