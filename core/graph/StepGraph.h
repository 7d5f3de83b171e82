// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fondant {

struct Pipeline;

/// The shape of a pipeline by step index: each step's input (its parent) and the steps that read
/// it (its children), ids looked up in constant time, and the step each cache key chains on.
/// A parent is only recorded when the input names an earlier step, so the graph has no cycle.
class StepGraph
{
public:
    StepGraph() = default;
    explicit StepGraph(const Pipeline &pipeline);

    std::size_t size() const { return m_parent.size(); }
    /// Index of the first step with this id, or -1.
    int indexOf(std::string_view id) const;
    /// Index of the step whose output the step reads, or -1 (first step, or an input that is
    /// missing, unknown or not earlier).
    int parent(int index) const { return m_parent[static_cast<std::size_t>(index)]; }
    const std::vector<int> &children(int index) const
    {
        return m_children[static_cast<std::size_t>(index)];
    }
    /// The step and every step reading its output directly or not, in breadth-first order.
    std::vector<int> descendants(int index) const;
    /// Whether index reads, directly or not, the output of ancestor (a step is its own).
    bool descendsFrom(int index, int ancestor) const;
    /// The step whose key a step's key chains on: the previous one in call order (Fondant's
    /// rule), which after a branch is not the parent. -1 for the first.
    static int chainPredecessor(int index) { return index - 1; }

private:
    std::unordered_map<std::string, int> m_index;
    std::vector<int> m_parent;
    std::vector<std::vector<int>> m_children;
};

} // namespace fondant
