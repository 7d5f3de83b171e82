// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/spec/SpecCache.h"

#include <QFileInfo>

namespace fondant {

SpecCache &SpecCache::shared()
{
    static SpecCache cache;
    return cache;
}

SpecCache::SharedSpec SpecCache::load(const QString &specPath)
{
    const QFileInfo info(specPath);
    const qint64 size = info.size();
    const QDateTime modified = info.lastModified();
    {
        std::lock_guard lock(m_mutex);
        auto it = m_entries.find(specPath);
        if (it != m_entries.end() && it->second.size == size && it->second.modified == modified)
            return it->second.spec;
    }
    Result<ComponentSpec> spec = ComponentSpec::fromFile(specPath);
    SharedSpec shared = spec.ok()
        ? SharedSpec(
            std::make_shared<const ComponentSpec>(std::move(spec).value()), spec.diagnostics())
        : SharedSpec(spec.diagnostics());
    std::lock_guard lock(m_mutex);
    ++m_parses;
    m_entries.insert_or_assign(specPath, Entry {size, modified, shared});
    return shared;
}

std::size_t SpecCache::parseCount() const
{
    std::lock_guard lock(m_mutex);
    return m_parses;
}

void SpecCache::clear()
{
    std::lock_guard lock(m_mutex);
    m_entries.clear();
}

} // namespace fondant
