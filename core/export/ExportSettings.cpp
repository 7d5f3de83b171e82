// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/ExportSettings.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <string_view>

namespace fondant {

namespace {

// fsspec's protocol names other than the local ones: Fondant's DockerCompiler takes a working
// directory whose URL scheme is one of them as remote.
constexpr std::array<std::string_view, 48> remoteSchemes
    = {"abfs", "abfss", "adl", "arrow_hdfs", "asynclocal", "az", "blockcache", "box", "cached",
        "dask", "data", "dbfs", "dir", "dropbox", "dvc", "filecache", "ftp", "gcs", "gdrive",
        "generic", "git", "github", "gs", "hdfs", "hf", "http", "https", "jlab", "jupyter",
        "lakefs", "libarchive", "memory", "oci", "ocilake", "oss", "reference", "root", "s3", "s3a",
        "sftp", "simplecache", "smb", "ssh", "tar", "wandb", "webdav", "webhdfs", "zip"};

// The scheme Python's urlparse finds: letters, digits, + - . after a first letter, before ':'.
std::string schemeOf(const std::string &url)
{
    const std::size_t colon = url.find(':');
    if (colon == std::string::npos || colon == 0)
        return {};
    const auto isLetter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (!isLetter(url[0]))
        return {};
    std::string scheme;
    for (std::size_t i = 0; i < colon; ++i) {
        const char c = url[i];
        if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.')
            return {};
        scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return scheme;
}

// Path.resolve() without strict: links resolved as far as the path exists, the rest appended.
QString resolved(const QString &absolute)
{
    QString existing = QDir::cleanPath(absolute);
    QStringList rest;
    while (!QFileInfo::exists(existing) && existing != QLatin1String("/")) {
        rest.prepend(QFileInfo(existing).fileName());
        existing = QFileInfo(existing).absolutePath();
    }
    QString path = QFileInfo(existing).canonicalFilePath();
    if (path.isEmpty())
        path = existing;
    for (const QString &part : rest)
        path = QDir(path).filePath(part);
    return QDir::cleanPath(path);
}

// Run ids become folder names in the working directory.
bool isSafeRunId(const std::string &runId)
{
    return !runId.empty() && runId.size() <= 200 && runId[0] != '.'
        && std::all_of(runId.begin(), runId.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                   || c == '-' || c == '_' || c == '.';
           });
}

} // namespace

Result<ExportSettings> ExportSettings::make(const QString &workingDirectory, const QString &base,
    const std::string &pipelineName, const std::string &runId, const QDateTime &now)
{
    ExportSettings settings;
    settings.runId = runId.empty()
        ? pipelineName + "-" + now.toString(QStringLiteral("yyyyMMddHHmmss")).toStdString()
        : runId;
    if (!isSafeRunId(settings.runId))
        return Diagnostic::error({}, {},
            "the run id '" + withVisibleControls(settings.runId)
                + "' cannot name a folder: use letters, digits, '-', '_' and '.', not first");
    const std::string given = workingDirectory.toStdString();
    if (given.empty())
        return Diagnostic::error({}, {},
            "no working directory: give the folder (or bucket) the run keeps its data in, or set "
            "working_directory in the pipeline");
    if (std::any_of(given.begin(), given.end(),
            [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        return Diagnostic::error({}, {},
            "the working directory '" + withVisibleControls(given) + "' holds control characters");
    const std::string scheme = schemeOf(given);
    settings.remote
        = std::find(remoteSchemes.begin(), remoteSchemes.end(), scheme) != remoteSchemes.end();
    if (settings.remote && given.find("://") != scheme.size())
        return Diagnostic::error({}, {},
            "'" + withVisibleControls(given) + "' reads as a " + scheme
                + " address without '//': write " + scheme + "://…");
    if (settings.remote) {
        settings.workingDirectory = given;
        return settings;
    }
    if (scheme == "file" && given.starts_with("file://"))
        return Diagnostic::error({}, {},
            "give the local working directory as a path, not as a file:// URL (Fondant would "
            "take '"
                + withVisibleControls(given) + "' as a relative folder)");
    if (!scheme.empty() && given.find("://") == scheme.size())
        return Diagnostic::error({}, {},
            "'" + withVisibleControls(given) + "' names no file system Fondant knows ('" + scheme
                + "://'); local working directories are paths");
    settings.workingDirectory
        = resolved(QDir(base).absoluteFilePath(workingDirectory)).toStdString();
    return settings;
}

} // namespace fondant
