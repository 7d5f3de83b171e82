// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "HistoryFixture.h"
#include "views/document/CacheInspector.h"
#include "views/document/PipelineDocument.h"

namespace fondant::test {

/// A document of a pipeline version of tests/data/history, its cache inspected in a writable
/// copy of the working directory those versions ran in.
struct InspectedVersion
{
    explicit InspectedVersion(const char *version)
    {
        copy = copyOfFolder(historyData + QStringLiteral("/wd"), folder);
        document.load(historyData + QStringLiteral("/versions/") + QLatin1String(version)
            + QStringLiteral(".pipeline.yaml"));
        inspector.chooseWorkingDirectory(copy);
    }

    QTemporaryDir folder;
    QString copy; ///< the working directory
    PipelineDocument document;
    CacheInspector inspector {document};
};

} // namespace fondant::test
