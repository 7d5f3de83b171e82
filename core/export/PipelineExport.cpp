// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/export/PipelineExport.h"

#include "core/export/ComposeExport.h"
#include "core/export/KubeflowExport.h"
#include "core/export/PythonExport.h"
#include "core/history/RunRecord.h"
#include "core/pipeline/PipelineWriter.h"
#include "core/session/PipelineSession.h"

#include <QDir>
#include <QFileInfo>

#include <array>
#include <utility>

namespace fondant {

namespace {

constexpr std::array<std::pair<std::string_view, PipelineExport::Target>, 4> targets
    = {{{"compose", PipelineExport::Target::Compose}, {"kfp", PipelineExport::Target::Kubeflow},
        {"vertex", PipelineExport::Target::Vertex}, {"python", PipelineExport::Target::Python}}};

} // namespace

std::optional<PipelineExport::Target> PipelineExport::targetNamed(std::string_view name)
{
    for (const auto &[targetName, target] : targets)
        if (targetName == name)
            return target;
    return std::nullopt;
}

std::string PipelineExport::targetNames()
{
    std::string names;
    for (const auto &[targetName, target] : targets)
        names += (names.empty() ? "" : ", ") + std::string(targetName);
    return names;
}

Result<std::string> PipelineExport::text(const PipelineSession &session, Target target,
    const ExportSettings &settings, const QString &output)
{
    switch (target) {
    case Target::Compose:
        return ComposeExport::write(session, settings);
    case Target::Kubeflow:
        return KubeflowExport::write(session, settings, KubeflowExport::Flavour::Kubeflow);
    case Target::Vertex:
        return KubeflowExport::write(session, settings, KubeflowExport::Flavour::Vertex);
    case Target::Python:
        // Through a link, the program is written where the file is: its folder counts.
        return PythonExport::write(session,
            output.isEmpty() ? QDir::current().filePath(QStringLiteral("pipeline.py"))
                : QFileInfo(output).isSymLink() ? QFileInfo(output).symLinkTarget()
                                                : output);
    }
    return Diagnostic::error({}, {}, "unknown export target");
}

std::optional<Diagnostic> PipelineExport::write(const PipelineSession &session, Target target,
    const ExportSettings &settings, const std::string &text, const QString &output,
    const QString &dataFolder)
{
    const QString document
        = QFileInfo(QString::fromStdString(session.pipeline().filePath)).canonicalFilePath();
    if (!output.isEmpty() && !document.isEmpty()
        && QFileInfo(output).canonicalFilePath() == document)
        return Diagnostic::error(
            output.toStdString(), {}, "is the pipeline itself; the export would replace it");
    if (!output.isEmpty())
        if (std::optional<Diagnostic> refused = whyNotReplaceable(output))
            return refused;
    if (!startsRun(target))
        return output.isEmpty() ? std::nullopt : writeFileAtomically(output, text);
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
