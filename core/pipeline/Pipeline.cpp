// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/pipeline/Pipeline.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace fondant {

SourceMark SourceMap::find(const std::string &path, SourceMark fallback) const
{
    std::string key = path;
    while (true) {
        if (auto it = m_marks.find(key); it != m_marks.end())
            return it->second;
        const std::size_t dot = key.rfind('.');
        if (dot == std::string::npos)
            return fallback;
        key.resize(dot);
    }
}

const ElementComments *Comments::find(std::string_view path) const
{
    auto it = m_comments.find(path);
    return it == m_comments.end() ? nullptr : &it->second;
}

void Comments::set(std::string_view path, ElementComments comments)
{
    auto it = m_comments.find(path);
    if (comments.isEmpty()) {
        if (it != m_comments.end())
            m_comments.erase(it);
    } else if (it != m_comments.end()) {
        it->second = std::move(comments);
    } else {
        m_comments.emplace(std::string(path), std::move(comments));
    }
}

bool Resources::isEmpty() const
{
    return *this == Resources {};
}

const std::vector<ResourceField> &resourceFields()
{
    using Kind = ResourceField::Kind;
    static const std::vector<ResourceField> fields {
        {"accelerator_number", "Accelerators", Kind::Count, true, &Resources::acceleratorNumber},
        {"accelerator_name", "Accelerator type", Kind::Accelerator, true,
            &Resources::acceleratorName},
        {"node_pool_label", "Node pool label", Kind::NodePool, false, &Resources::nodePoolLabel},
        {"node_pool_name", "Node pool name", Kind::NodePool, true, &Resources::nodePoolName},
        {"cpu_request", "CPU request", Kind::Cpu, false, &Resources::cpuRequest},
        {"cpu_limit", "CPU limit", Kind::Cpu, false, &Resources::cpuLimit},
        {"memory_request", "Memory request", Kind::Memory, false, &Resources::memoryRequest},
        {"memory_limit", "Memory limit", Kind::Memory, false, &Resources::memoryLimit},
        {"instance_type", "Instance type", Kind::Text, false, &Resources::instanceType},
    };
    return fields;
}

const ResourceField *findResourceField(std::string_view key)
{
    for (const ResourceField &field : resourceFields())
        if (key == field.key)
            return &field;
    return nullptr;
}

std::string Pipeline::baseDirectory() const
{
    if (filePath.empty())
        return QDir::currentPath().toStdString();
    return QFileInfo(QString::fromStdString(filePath)).absolutePath().toStdString();
}

const Step *Pipeline::findStep(const std::string &id) const
{
    auto it = std::find_if(steps.begin(), steps.end(), [&](const Step &s) { return s.id == id; });
    return it == steps.end() ? nullptr : &*it;
}

Step *Pipeline::findStep(const std::string &id)
{
    auto it = std::find_if(steps.begin(), steps.end(), [&](const Step &s) { return s.id == id; });
    return it == steps.end() ? nullptr : &*it;
}

int Pipeline::indexOf(const std::string &id) const
{
    auto it = std::find_if(steps.begin(), steps.end(), [&](const Step &s) { return s.id == id; });
    return it == steps.end() ? -1 : static_cast<int>(it - steps.begin());
}

} // namespace fondant
