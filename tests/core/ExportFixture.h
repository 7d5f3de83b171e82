// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/session/PipelineSession.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>

namespace fondant::test {

/// The export fixtures in tests/data/export.
inline const QString exportData = QStringLiteral(FONDANT_TEST_DATA_DIR "/export");

/// A fixture pipeline, opened; the test stops when it cannot be read.
inline PipelineSession openDocument(const QString &path)
{
    Result<PipelineSession> session = PipelineSession::open(path);
    if (!session.ok())
        qFatal("the fixture %s cannot be read", qPrintable(path));
    return std::move(session).value();
}

/// Writes a document "p" of the given steps into folder, with the test data's components and
/// the export fixtures' ones; returns its path.
inline QString writeDocument(const QTemporaryDir &folder, const QByteArray &steps)
{
    const QString path = folder.filePath(QStringLiteral("p.pipeline.yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write("version: 1\nname: p\ncomponent_dirs: [" FONDANT_TEST_DATA_DIR
               "/components, " FONDANT_TEST_DATA_DIR "/export/components]\nsteps:\n"
        + steps);
    return path;
}

/// writeDocument(), opened.
inline PipelineSession documentOf(const QTemporaryDir &folder, const QByteArray &steps)
{
    return openDocument(writeDocument(folder, steps));
}

} // namespace fondant::test
