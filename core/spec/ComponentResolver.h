// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spec/ComponentSpec.h"
#include "core/util/Result.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <unordered_map>

namespace fondant {

struct Pipeline;

/// Finds and loads the component spec a step names: a folder path ("./x", "../x", "/x")
/// relative to the pipeline file, or a name looked up as <folder>/<name>/fondant_component.yaml
/// in the search folders, in order. Loaded specs are kept, so each file is read once.
class ComponentResolver
{
public:
    explicit ComponentResolver(QStringList searchDirs = {}, QString baseDirectory = {});

    /// The search order for a pipeline: its component_dirs (relative to its file), then
    /// extraDirs (command line or settings), then the bundled library.
    static ComponentResolver forPipeline(const Pipeline &pipeline, const QStringList &extraDirs,
        const QString &bundledDir = bundledLibraryDir());

    /// The component library shipped with the application ("" when it cannot be found).
    static QString bundledLibraryDir();
    static bool isPathReference(const std::string &reference);

    /// Loads the spec for a reference. The error says where it looked.
    Result<std::shared_ptr<const ComponentSpec>> resolve(const std::string &reference) const;

    /// Gives every step without an id the component id of its spec (Fondant's safe name), or
    /// the reference's last path part when the spec cannot be loaded.
    void assignDefaultIds(Pipeline &pipeline) const;

    const QStringList &searchDirs() const { return m_searchDirs; }

    static constexpr const char *specFileName = "fondant_component.yaml";

private:
    Result<std::shared_ptr<const ComponentSpec>> find(const std::string &reference) const;

    QStringList m_searchDirs;
    QString m_baseDirectory;
    mutable std::unordered_map<std::string, Result<std::shared_ptr<const ComponentSpec>>>
        m_resolved; ///< by reference, for the life of this resolver
};

} // namespace fondant
