// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/StepGraph.h"

#include "core/pipeline/Pipeline.h"

namespace fondant {

StepGraph::StepGraph(const Pipeline &pipeline)
{
    const std::size_t count = pipeline.steps.size();
    m_index.reserve(count);
    m_parent.assign(count, -1);
    m_children.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        m_index.try_emplace(pipeline.steps[i].id, static_cast<int>(i));
    for (std::size_t i = 0; i < count; ++i) {
        const std::string &input = pipeline.steps[i].input;
        if (input.empty())
            continue;
        const int parent = indexOf(input);
        if (parent >= 0 && parent < static_cast<int>(i)) {
            m_parent[i] = parent;
            m_children[static_cast<std::size_t>(parent)].push_back(static_cast<int>(i));
        }
    }
}

int StepGraph::indexOf(std::string_view id) const
{
    auto it = m_index.find(std::string(id));
    return it == m_index.end() ? -1 : it->second;
}

std::vector<int> StepGraph::descendants(int index) const
{
    std::vector<int> result {index};
    for (std::size_t i = 0; i < result.size(); ++i)
        for (int child : children(result[i]))
            result.push_back(child);
    return result;
}

bool StepGraph::descendsFrom(int index, int ancestor) const
{
    // Parents always come earlier, so the walk ends.
    for (int step = index; step >= 0; step = parent(step))
        if (step == ancestor)
            return true;
    return false;
}

} // namespace fondant
