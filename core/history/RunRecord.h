// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"
#include "core/value/Value.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace fondant {

class PipelineSession;

/// What the studio keeps of a run it started: every step's cache key with the exact texts
/// Fondant hashed for it, so that a later key can be explained against the run. Stored as
/// versioned JSON (format "fondant-studio-run-record", version 1) under a folder name Fondant
/// never uses, or in the user's data folder for a remote working directory.
struct RunRecord
{
    static constexpr const char *format = "fondant-studio-run-record";
    static constexpr int version = 1;

    /// The four texts Fondant hashes for a key, in the order it hashes them.
    struct Preimages
    {
        std::string arguments;
        std::string operationSpec;
        std::string image;
        std::string final;
        bool operator==(const Preimages &) const = default;
    };

    struct Step
    {
        std::string id; ///< the step id in the document
        std::string componentId; ///< the folder name Fondant uses in the working directory
        bool cache = true; ///< after the `latest` rule
        bool writes = false; ///< a write component: an empty reference file, no manifest
        std::optional<std::string> cacheKey;
        std::optional<Preimages> preimages;
        bool operator==(const Step &) const = default;
    };

    std::string runId;
    std::string pipeline; ///< the document's name
    std::string datasetFolder; ///< the dataset name the runner passes (KFP: "dataset")
    std::string workingDirectory; ///< as the containers see it
    std::vector<Step> steps;

    bool operator==(const RunRecord &) const = default;

    const Step *step(const std::string &componentId) const;

    /// The record of a run of a pipeline about to start: every step's key and pre-images as
    /// the session computed them (steps with errors have none).
    static RunRecord of(const PipelineSession &session, const std::string &runId,
        const std::string &workingDirectory);

    Value toValue() const;
    static Result<RunRecord> fromValue(const Value &root, const std::string &fileName);
    static Result<RunRecord> read(const QString &path);
    /// Writes the record atomically, creating its folder.
    std::optional<Diagnostic> write(const QString &path) const;

    /// Where the record of a run lives: workingDirectory/.fondant-studio/runs/RUN_ID.json for a
    /// local working directory; for a remote one (gs://, s3://, …) a folder per working directory
    /// in dataFolder.
    static QString location(
        const QString &workingDirectory, const std::string &runId, const QString &dataFolder);
    /// The user's data folder (QStandardPaths' AppDataLocation), where the records of runs in
    /// remote working directories are kept.
    static QString userDataFolder();
    /// Whether a working directory names a remote file system (scheme://…).
    static bool isRemote(const QString &workingDirectory);
};

} // namespace fondant
