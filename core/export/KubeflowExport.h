// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/export/ExportSettings.h"
#include "core/util/Result.h"

#include <string>

namespace fondant {

class PipelineSession;

/// The Kubeflow Pipelines v2 file (pipeline spec, schemaVersion 2.1.0) Fondant 0.12.1's
/// KubeFlowCompiler or VertexCompiler writes with the KFP SDK 2.6.0: a component, executor
/// and task per step passing the step's metadata, manifest paths and arguments as constants.
/// One difference on purpose: CPU requests and limits go to the CPU fields, where Fondant
/// passes them to the memory setters.
class KubeflowExport
{
public:
    enum class Flavour {
        Kubeflow, ///< node selectors in a Kubernetes platform document; GPU and TPU
        Vertex, ///< Vertex AI: CPU and memory limits, Vertex's accelerator names
    };

    /// The file's text. Fails, naming the step, on a pipeline with errors and on resources
    /// the target cannot give.
    static Result<std::string> write(
        const PipelineSession &session, const ExportSettings &settings, Flavour flavour);
};

} // namespace fondant
