// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/spec/ComponentResolver.h"

#include "core/pipeline/Pipeline.h"
#include "core/spec/SpecCache.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace fondant {

ComponentResolver::ComponentResolver(QStringList searchDirs, QString baseDirectory)
    : m_searchDirs(std::move(searchDirs)), m_baseDirectory(std::move(baseDirectory))
{
    if (m_baseDirectory.isEmpty())
        m_baseDirectory = QDir::currentPath();
}

QString ComponentResolver::bundledLibraryDir()
{
    const QString environment = qEnvironmentVariable("FONDANT_STUDIO_COMPONENTS");
    if (!environment.isEmpty())
        return environment;
    if (QCoreApplication::instance()) {
        const QString installed
            = QDir(QCoreApplication::applicationDirPath())
                  .filePath(QStringLiteral("../share/fondant-studio/components"));
        if (QFileInfo(installed).isDir())
            return QDir::cleanPath(installed);
    }
    const QString source = QStringLiteral(FONDANT_SOURCE_LIBRARY_DIR);
    return QFileInfo(source).isDir() ? source : QString();
}

ComponentResolver ComponentResolver::forPipeline(
    const Pipeline &pipeline, const QStringList &extraDirs, const QString &bundledDir)
{
    const QDir base(QString::fromStdString(pipeline.baseDirectory()));
    QStringList dirs;
    for (const std::string &dir : pipeline.componentDirs)
        dirs << QDir::cleanPath(base.absoluteFilePath(QString::fromStdString(dir)));
    for (const QString &dir : extraDirs)
        dirs << QDir::cleanPath(QDir::current().absoluteFilePath(dir));
    if (!bundledDir.isEmpty())
        dirs << bundledDir;
    return ComponentResolver(dirs, base.absolutePath());
}

bool ComponentResolver::isPathReference(const std::string &reference)
{
    return reference.starts_with("./") || reference.starts_with("../") || reference.starts_with("/")
        || reference == "." || reference == "..";
}

Result<std::shared_ptr<const ComponentSpec>> ComponentResolver::resolve(
    const std::string &reference) const
{
    // A pipeline names the same component many times: find its file once per resolver.
    if (auto it = m_resolved.find(reference); it != m_resolved.end())
        return it->second;
    Result<std::shared_ptr<const ComponentSpec>> resolved = find(reference);
    m_resolved.emplace(reference, resolved);
    return resolved;
}

Result<std::shared_ptr<const ComponentSpec>> ComponentResolver::find(
    const std::string &reference) const
{
    const QString name = QString::fromStdString(reference);
    if (reference.empty())
        return Diagnostic::error({}, {}, "no component is named");
    if (isPathReference(reference)) {
        const QString folder = QDir::cleanPath(QDir(m_baseDirectory).absoluteFilePath(name));
        const QString specPath = QDir(folder).filePath(QLatin1String(specFileName));
        if (!QFileInfo(specPath).isFile())
            return Diagnostic::error({}, {},
                "component folder '" + reference + "' has no " + specFileName + " (looked for "
                    + specPath.toStdString() + ")");
        return SpecCache::shared().load(specPath);
    }
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return Diagnostic::error({}, {},
            "component '" + reference
                + "' is neither a name nor a path; start a path with ./ or /");
    for (const QString &dir : m_searchDirs) {
        const QString specPath
            = QDir(dir).filePath(name + QLatin1Char('/') + QLatin1String(specFileName));
        if (QFileInfo(specPath).isFile())
            return SpecCache::shared().load(specPath);
    }
    std::string looked;
    for (const QString &dir : m_searchDirs)
        looked += (looked.empty() ? "" : ", ") + dir.toStdString();
    return Diagnostic::error({}, {},
        "component '" + reference + "' not found; looked in "
            + (looked.empty() ? std::string("no folder") : looked));
}

void ComponentResolver::assignDefaultIds(Pipeline &pipeline) const
{
    for (Step &step : pipeline.steps) {
        if (!step.id.empty())
            continue;
        auto spec = resolve(step.component);
        if (spec.ok()) {
            step.id = spec.value()->safeName();
        } else {
            const std::string &reference = step.component;
            const std::size_t slash = reference.find_last_of('/');
            step.id = slash == std::string::npos ? reference : reference.substr(slash + 1);
        }
    }
}

} // namespace fondant
