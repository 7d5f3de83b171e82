// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"

#include <QDateTime>
#include <QString>

#include <string>

namespace fondant {

/// Where an exported pipeline runs and under which run id: what Fondant's compilers take
/// besides the dataset.
struct ExportSettings
{
    /// Local: an absolute path with links resolved (as Python's Path.resolve gives); remote: the
    /// URL as given (gs://…, s3://…).
    std::string workingDirectory;
    bool remote = false;
    std::string runId;

    /// Settings for a working directory as the user gave it (relative to base when local) and a
    /// run id, or NAME-YYYYmmddHHMMSS at now when runId is empty, as Fondant makes it.
    static Result<ExportSettings> make(const QString &workingDirectory, const QString &base,
        const std::string &pipelineName, const std::string &runId,
        const QDateTime &now = QDateTime::currentDateTime());
};

} // namespace fondant
