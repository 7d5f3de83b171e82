// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Diagnostic.h"
#include "core/value/Value.h"

namespace fondant {

class PipelineSession;
class RunHistory;
struct CacheKey;
struct RunInfo;
struct StepExplanation;
struct StepStatus;

/// The JSON documents the command-line tool prints (cli.md), built in one place from the core's
/// results, so that every command reports problems, keys and steps the same way.
class Reports
{
public:
    /// {"severity", "file", "line", "column", "message", "step", "field"}.
    static Value diagnostic(const Diagnostic &diagnostic);
    static Value diagnostics(const Diagnostics &diagnostics);

    /// `validate --json`: the pipeline's name, whether it is valid, and every problem.
    static Value validation(const PipelineSession &session);
    /// `keys --json`: each step's id, component, key (null when unknown), caching, and with
    /// preimages the four hashed texts; every problem too.
    static Value keys(const PipelineSession &session, bool preimages);
    /// What a command prints for a file it could not read: no pipeline, and the problems.
    static Value unreadable(const Diagnostics &problems);

    /// The hashes and chained key of one step (with preimages, the texts hashed).
    static Value keyDetails(const CacheKey &key, bool preimages);

    /// `runs --json`: the working directory's runs, newest first (those of one dataset name
    /// when name is given), each step executed or reused and from which run; the warnings.
    static Value runs(const RunHistory &history, const std::string &name);
    /// One run of runs --json.
    static Value run(const RunInfo &run);
    /// `status --json`: each step's key, whether Fondant would reuse it, the reason and the
    /// step that causes it; the pipeline's problems and the directory's warnings.
    static Value status(const PipelineSession &session, const RunHistory &history,
        const std::string &datasetFolder, const std::vector<StepStatus> &statuses);
    /// `explain --json`: each step's old and new key, whether it changed, whether it is a root
    /// cause, and the changed ingredients; the problems of both sides.
    static Value explanation(const PipelineSession &session, const std::string &against,
        const std::vector<StepExplanation> &steps, const Diagnostics &problems);
};

} // namespace fondant
