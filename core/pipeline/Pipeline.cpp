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

bool Resources::isEmpty() const
{
    return *this == Resources {};
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
