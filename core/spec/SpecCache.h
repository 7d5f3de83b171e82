// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spec/ComponentSpec.h"
#include "core/util/Result.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <mutex>
#include <unordered_map>

namespace fondant {

/// Reads each component spec file once per process and shares the parsed spec with everything
/// that resolves components (pipelines, the palette): a file is read again only when its size or
/// modification time changed. Safe to use from several threads.
class SpecCache
{
public:
    using SharedSpec = Result<std::shared_ptr<const ComponentSpec>>;

    /// The cache of this process.
    static SpecCache &shared();

    /// The spec in the file at an absolute path, parsed at most once while the file is unchanged.
    SharedSpec load(const QString &specPath);

    /// How many times a file was actually read and parsed (for tests and benchmarks).
    std::size_t parseCount() const;
    /// Forgets every spec: the next load of each file reads it again (a cold start).
    void clear();

private:
    struct Entry
    {
        qint64 size = -1;
        QDateTime modified;
        SharedSpec spec;
    };

    mutable std::mutex m_mutex;
    std::unordered_map<QString, Entry> m_entries;
    std::size_t m_parses = 0;
};

} // namespace fondant
