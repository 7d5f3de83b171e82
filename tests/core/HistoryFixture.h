// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// The working-directory fixtures of tests/data/history: the pipeline versions that ran, and
// writable copies of the working directories.
#pragma once

#include "core/session/PipelineSession.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

namespace fondant::test {

inline const QString historyData = QStringLiteral(FONDANT_TEST_DATA_DIR "/history");

/// The pipeline document versions/NAME.pipeline.yaml, opened.
inline PipelineSession historyVersion(const char *name)
{
    Result<PipelineSession> session = PipelineSession::open(historyData
        + QStringLiteral("/versions/") + QLatin1String(name) + QStringLiteral(".pipeline.yaml"));
    if (!session.ok())
        qFatal("the fixture document %s cannot be read", name);
    return std::move(session).value();
}

/// A writable copy of a fixture folder in into; returns its path.
inline QString copyOfFolder(const QString &source, const QTemporaryDir &into)
{
    QDirIterator it(source, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = into.filePath(QDir(source).relativeFilePath(path));
        if (it.fileInfo().isDir())
            QDir().mkpath(target);
        else
            QFile::copy(path, target);
    }
    return into.path();
}

} // namespace fondant::test
