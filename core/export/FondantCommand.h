// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/export/ExportSettings.h"
#include "core/util/Result.h"
#include "core/value/Value.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fondant {

class PipelineSession;
struct Pipeline;
struct PipelineAnalysis;

/// What Fondant 0.12.1's compilers pass one step's container after `fondant execute main`: its
/// metadata (the cache key among it), the manifest it writes, the working directory, every
/// argument as Python's str() or JSON gives it, and the manifest it reads.
struct FondantCommand
{
    std::size_t step = 0; ///< index in the pipeline
    std::string componentId; ///< Fondant's id: names the service and the step's folders
    std::string specName; ///< the component's name as the exported operation spec gives it
    std::string metadata; ///< the Metadata JSON
    std::string outputManifestPath;
    std::string workingDirectory;
    /// The arguments Fondant passes, in its order: the user's, input_partition_rows, cache,
    /// operation_spec (its JSON text).
    std::vector<std::pair<std::string, Value>> options;
    std::optional<std::string> inputComponentId; ///< the step it reads, if any
    /// The manifest it reads; Python's "None" for a first step when the dataset has fields.
    std::optional<std::string> inputManifestPath;

    /// --metadata …, --output_manifest_path …, --working_directory …, --NAME VALUE …,
    /// --input_manifest_path … in Fondant's order.
    std::vector<std::string> commandLine() const;

    /// The commands of every step, in the pipeline's order, for a run whose manifests go to
    /// WORKING_DIRECTORY/datasetFolder/RUN_ID (Compose: the dataset's name; Kubeflow: "dataset").
    /// Fails on a pipeline with errors and on components whose ids would make unsafe or shared
    /// folders.
    static Result<std::vector<FondantCommand>> forSteps(const PipelineSession &session,
        const ExportSettings &settings, const std::string &datasetFolder);

    /// Warnings on argument values Fondant 0.12.1's executor changes on the way into the
    /// component: it parses a bool argument with Python's bool(), true for any non-empty text.
    static Diagnostics runtimeSurprises(const Pipeline &pipeline, const PipelineAnalysis &analysis);

    /// How Fondant writes an argument value on a command line: maps and lists as JSON, anything
    /// else as Python's str() (True, None, 0.75, 1e-05).
    static std::string argumentText(const Value &value);
};

} // namespace fondant
