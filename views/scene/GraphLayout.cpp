// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/GraphLayout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <memory>

// Graphviz's dot layout, linked in directly: only this plugin is used, so no text or
// rendering plugin (pango, gd, …) is ever loaded; label sizes do not matter here.
extern "C" gvplugin_library_t gvplugin_dot_layout_LTX_library;

namespace fondant {

namespace {

constexpr double pointsPerInch = 72.0;

struct ContextDeleter
{
    void operator()(GVC_t *context) const { gvFreeContext(context); }
};
struct GraphDeleter
{
    void operator()(Agraph_t *graph) const { agclose(graph); }
};

// Graphviz takes char* for names and values it does not change.
char *text(QByteArray &bytes)
{
    return bytes.data();
}

void setAttribute(void *object, const char *name, const QByteArray &value, const char *fallback)
{
    QByteArray nameBytes(name);
    QByteArray fallbackBytes(fallback);
    QByteArray valueBytes(value);
    agsafeset(object, text(nameBytes), text(valueBytes), text(fallbackBytes));
}

} // namespace

QHash<QString, QPointF> GraphLayout::compute(const std::vector<Node> &nodes)
{
    QHash<QString, QPointF> positions;
    if (nodes.empty())
        return positions;
    static const lt_symlist_t builtins[] = {
        {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library}, {nullptr, nullptr}};
    std::unique_ptr<GVC_t, ContextDeleter> context(gvContextPlugins(builtins, 0));
    QByteArray graphName("pipeline");
    std::unique_ptr<Agraph_t, GraphDeleter> graph(agopen(text(graphName), Agdirected, nullptr));
    setAttribute(graph.get(), "rankdir", "LR", "");
    setAttribute(graph.get(), "nodesep", "0.5", "");
    setAttribute(graph.get(), "ranksep", "0.9", "");

    QHash<QString, Agnode_t *> graphNodes;
    for (const Node &node : nodes) {
        QByteArray name = node.id.toUtf8();
        Agnode_t *graphNode = agnode(graph.get(), text(name), 1);
        setAttribute(graphNode, "shape", "box", "ellipse");
        setAttribute(graphNode, "label", "", "\\N");
        setAttribute(graphNode, "fixedsize", "true", "false");
        setAttribute(
            graphNode, "width", QByteArray::number(node.size.width() / pointsPerInch), "0.75");
        setAttribute(
            graphNode, "height", QByteArray::number(node.size.height() / pointsPerInch), "0.5");
        graphNodes.insert(node.id, graphNode);
    }
    for (const Node &node : nodes) {
        Agnode_t *from = graphNodes.value(node.input);
        if (from)
            agedge(graph.get(), from, graphNodes.value(node.id), nullptr, 1);
    }
    if (gvLayout(context.get(), graph.get(), "dot") != 0)
        return positions;
    for (const Node &node : nodes) {
        Agnode_t *graphNode = graphNodes.value(node.id);
        const pointf centre = ND_coord(graphNode);
        // Graphviz's y axis points up; the canvas's points down.
        positions.insert(
            node.id, QPointF(centre.x - node.size.width() / 2, -centre.y - node.size.height() / 2));
    }
    gvFreeLayout(context.get(), graph.get());
    return positions;
}

} // namespace fondant
