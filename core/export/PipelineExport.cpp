// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/PipelineExport.h"

#include "core/export/ComposeExport.h"
#include "core/export/KubeflowExport.h"
#include "core/history/RunRecord.h"
#include "core/pipeline/PipelineWriter.h"
#include "core/session/PipelineSession.h"

#include <QDir>
#include <QFileInfo>

namespace fondant {

std::optional<PipelineExport::Target> PipelineExport::targetNamed(std::string_view name)
{
    if (name == "compose")
        return Target::Compose;
    if (name == "kfp")
        return Target::Kubeflow;
    if (name == "vertex")
        return Target::Vertex;
    return std::nullopt;
}

std::string PipelineExport::targetNames()
{
    return "compose, kfp, vertex";
}

Result<std::string> PipelineExport::text(
    const PipelineSession &session, Target target, const ExportSettings &settings)
{
    switch (target) {
    case Target::Compose:
        return ComposeExport::write(session, settings);
    case Target::Kubeflow:
        return KubeflowExport::write(session, settings, KubeflowExport::Flavour::Kubeflow);
    case Target::Vertex:
        return KubeflowExport::write(session, settings, KubeflowExport::Flavour::Vertex);
    }
    return Diagnostic::error({}, {}, "unknown export target");
}

std::optional<Diagnostic> PipelineExport::writeRun(const PipelineSession &session,
    const ExportSettings &settings, const std::string &text, const QString &output,
    const QString &dataFolder)
{
    const QString document
        = QFileInfo(QString::fromStdString(session.pipeline().filePath)).canonicalFilePath();
    if (!output.isEmpty() && !document.isEmpty()
        && QFileInfo(output).canonicalFilePath() == document)
        return Diagnostic::error(
            output.toStdString(), {}, "is the pipeline itself; the export would replace it");
    if (!output.isEmpty() && QFileInfo::exists(output) && !QFileInfo(output).isFile())
        return Diagnostic::error(
            output.toStdString(), {}, "is not a regular file; it is not replaced");
    const QString workingDirectory = QString::fromStdString(settings.workingDirectory);
    if (!settings.remote && !QDir().mkpath(workingDirectory))
        return Diagnostic::error(settings.workingDirectory, {},
            "cannot create the working directory (Fondant's compiler creates it too)");
    if (!output.isEmpty())
        if (std::optional<Diagnostic> error = writeFileAtomically(output, text))
            return error;
    const RunRecord record = RunRecord::of(session, settings.runId, settings.workingDirectory);
    return record.write(RunRecord::location(workingDirectory, settings.runId, dataFolder));
}

} // namespace fondant
