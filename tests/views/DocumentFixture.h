// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pipeline/PipelineWriter.h"
#include "views/document/PipelineDocument.h"

#include <QSignalSpy>
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

/// What a document would save: the state that undo must restore exactly.
inline std::string savedState(const PipelineDocument &document)
{
    return PipelineWriter::toYaml(document.pipeline());
}

} // namespace fondant::test
