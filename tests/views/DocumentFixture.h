// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pipeline/PipelineWriter.h"
#include "views/document/PipelineDocument.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace fondant::test {

/// A document holding the reviews test pipeline (load -> trim -> export), read from tests/data.
inline std::unique_ptr<PipelineDocument> reviewsDocument()
{
    auto document = std::make_unique<PipelineDocument>();
    const Diagnostics problems
        = document->load(QStringLiteral(FONDANT_TEST_DATA_DIR "/pipelines/reviews.pipeline.yaml"));
    if (hasErrors(problems))
        qFatal("fixture pipeline does not load");
    return document;
}

/// Writes NAME.pipeline.yaml into folder: a load_table step `first` producing text, then the
/// given steps (YAML list items) over the fixture components; returns its path.
inline QString writePipelineAfterLoad(
    const QTemporaryDir &folder, const char *name, const char *first, const QByteArray &steps)
{
    const QString path = folder.filePath(QLatin1String(name) + QStringLiteral(".pipeline.yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write("version: 1\nname: " + QByteArray(name)
        + "\ncomponent_dirs: [" FONDANT_TEST_DATA_DIR "/components]\nsteps:\n  - id: "
        + QByteArray(first)
        + "\n    component: load_table\n    arguments: {uri: /data/r.parquet}\n"
          "    produces: {text: string}\n"
        + steps);
    return path;
}

/// What a document would save: the state that undo must restore exactly.
inline std::string savedState(const PipelineDocument &document)
{
    return PipelineWriter::toYaml(document.pipeline());
}

} // namespace fondant::test
