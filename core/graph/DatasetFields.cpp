// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/DatasetFields.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace fondant {

// A treap ordered by field name whose priorities are hashes of the names, so its shape depends
// only on the names it holds: two sets with the same names have the same shape and compare node
// by node. Nodes are never changed once shared; setting a field copies the path to it.
struct DatasetFields::Node
{
    std::shared_ptr<const Entry> entry;
    std::size_t position = 0; ///< place in Fondant's order (fields are never removed)
    std::size_t firstPosition = 0; ///< the smallest position in this subtree
    std::size_t priority = 0;
    std::shared_ptr<const Node> left;
    std::shared_ptr<const Node> right;

    const std::string &name() const { return entry->field.name; }
};

namespace {

using Node = DatasetFields::Node;
using NodePtr = std::shared_ptr<const Node>;

// Whether a belongs above b: higher priority, ties broken by name, so the order is total.
bool above(const Node &a, const Node &b)
{
    return a.priority != b.priority ? a.priority > b.priority : a.name() < b.name();
}

// The node, with the summary of its subtree brought up to date.
NodePtr joined(std::shared_ptr<Node> node)
{
    node->firstPosition = node->position;
    for (const Node *child : {node->left.get(), node->right.get()})
        if (child)
            node->firstPosition = std::min(node->firstPosition, child->firstPosition);
    return node;
}

// The tree's nodes named before `name` and after it (the tree holds no node of that name).
std::pair<NodePtr, NodePtr> split(const NodePtr &tree, const std::string &name)
{
    if (!tree)
        return {};
    auto copy = std::make_shared<Node>(*tree);
    if (tree->name() < name) {
        auto [before, after] = split(tree->right, name);
        copy->right = std::move(before);
        return {joined(std::move(copy)), std::move(after)};
    }
    auto [before, after] = split(tree->left, name);
    copy->left = std::move(after);
    return {std::move(before), joined(std::move(copy))};
}

// The tree with `node` in it; a node of the same name is replaced and its position kept.
NodePtr insert(const NodePtr &tree, std::shared_ptr<Node> node, bool &replaced)
{
    if (!tree)
        return joined(std::move(node));
    if (tree->name() == node->name()) {
        replaced = true;
        node->position = tree->position;
        node->left = tree->left;
        node->right = tree->right;
        return joined(std::move(node));
    }
    if (above(*node, *tree)) {
        auto [before, after] = split(tree, node->name());
        node->left = std::move(before);
        node->right = std::move(after);
        return joined(std::move(node));
    }
    auto copy = std::make_shared<Node>(*tree);
    if (node->name() < tree->name())
        copy->left = insert(tree->left, std::move(node), replaced);
    else
        copy->right = insert(tree->right, std::move(node), replaced);
    return joined(std::move(copy));
}

// The first `count` nodes in Fondant's order: a walk that always takes the node or subtree
// holding the smallest position left, so listing the first few of many fields stays cheap.
std::vector<const Node *> inOrder(const NodePtr &root, std::size_t count)
{
    struct Candidate
    {
        std::size_t position;
        const Node *node;
        bool wholeSubtree;
    };
    const auto later
        = [](const Candidate &a, const Candidate &b) { return a.position > b.position; };
    std::priority_queue<Candidate, std::vector<Candidate>, decltype(later)> queue(later);
    if (root)
        queue.push({root->firstPosition, root.get(), true});
    std::vector<const Node *> nodes;
    while (!queue.empty() && nodes.size() < count) {
        const Candidate next = queue.top();
        queue.pop();
        if (!next.wholeSubtree) {
            nodes.push_back(next.node);
            continue;
        }
        queue.push({next.node->position, next.node, false});
        for (const Node *child : {next.node->left.get(), next.node->right.get()})
            if (child)
                queue.push({child->firstPosition, child, true});
    }
    return nodes;
}

// Same names in the same shape with equal entries; equal sets of names give equal shapes.
bool sameTree(const Node *a, const Node *b, bool withProducers)
{
    if (a == b)
        return true;
    if (!a || !b)
        return false;
    if (a->entry != b->entry) {
        const DatasetFields::Entry &x = *a->entry;
        const DatasetFields::Entry &y = *b->entry;
        if (x.field.name != y.field.name || !(x.field.type == y.field.type)
            || (withProducers && x.producer != y.producer))
            return false;
    }
    return a->position == b->position && sameTree(a->left.get(), b->left.get(), withProducers)
        && sameTree(a->right.get(), b->right.get(), withProducers);
}

} // namespace

DatasetFields DatasetFields::of(const FieldList &fields, const std::string &producer)
{
    DatasetFields result;
    for (const Field &field : fields)
        result.set(field.name, field.type, producer);
    return result;
}

const DatasetFields::Entry *DatasetFields::find(const std::string &name) const
{
    const Node *node = m_root.get();
    while (node) {
        const int order = name.compare(node->name());
        if (order == 0)
            return node->entry.get();
        node = order < 0 ? node->left.get() : node->right.get();
    }
    return nullptr;
}

void DatasetFields::set(const std::string &name, const FieldType &type, const std::string &producer)
{
    auto node = std::make_shared<Node>();
    node->entry = std::make_shared<const Entry>(Entry {Field {name, type}, producer});
    node->position = m_size;
    node->priority = std::hash<std::string> {}(name);
    bool replaced = false;
    m_root = insert(m_root, std::move(node), replaced);
    if (!replaced)
        ++m_size;
}

std::vector<const DatasetFields::Entry *> DatasetFields::entries(std::size_t limit) const
{
    std::vector<const Entry *> result;
    result.reserve(std::min(limit, m_size));
    for (const Node *node : inOrder(m_root, limit))
        result.push_back(node->entry.get());
    return result;
}

FieldList DatasetFields::fields() const
{
    FieldList result;
    result.reserve(m_size);
    for (const Entry *entry : entries())
        result.push_back(entry->field);
    return result;
}

std::string DatasetFields::names(std::size_t limit) const
{
    if (empty())
        return "(none)";
    std::string text;
    for (const Node *node : inOrder(m_root, limit))
        text += (text.empty() ? "" : ", ") + node->name();
    if (m_size > limit)
        text += " and " + std::to_string(m_size - limit) + " more";
    return text;
}

bool DatasetFields::sameFieldsAs(const DatasetFields &other) const
{
    return m_size == other.m_size && sameTree(m_root.get(), other.m_root.get(), false);
}

bool DatasetFields::operator==(const DatasetFields &other) const
{
    return m_size == other.m_size && sameTree(m_root.get(), other.m_root.get(), true);
}

} // namespace fondant
