// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/session/PipelineSession.h"

#include "core/pipeline/PipelineReader.h"
#include "core/validate/PipelineValidator.h"

#include <QFileInfo>

#include <algorithm>
#include <iterator>
#include <numeric>

namespace fondant {

PipelineSession::PipelineSession(QStringList extraComponentDirs)
    : m_extraComponentDirs(std::move(extraComponentDirs))
{
    rebuildResolver();
    reanalyse();
}

Result<PipelineSession> PipelineSession::open(
    const QString &path, const QStringList &extraComponentDirs)
{
    return opened(PipelineReader::readFile(path), path, extraComponentDirs);
}

Result<PipelineSession> PipelineSession::fromText(
    std::string_view text, const QString &path, const QStringList &extraComponentDirs)
{
    return opened(PipelineReader::parse(text, path.toStdString()), path, extraComponentDirs);
}

Result<PipelineSession> PipelineSession::opened(
    Result<Pipeline> read, const QString &path, const QStringList &extraComponentDirs)
{
    if (!read.ok())
        return read.takeDiagnostics();
    Diagnostics warnings = read.takeDiagnostics();
    PipelineSession session(extraComponentDirs);
    Pipeline pipeline = std::move(read).value();
    pipeline.filePath = QFileInfo(path).absoluteFilePath().toStdString();
    session.reset(std::move(pipeline), std::move(warnings));
    return session;
}

Diagnostics PipelineSession::diagnostics() const
{
    Diagnostics all = m_readDiagnostics;
    append(all, m_analysis.diagnostics);
    append(all, m_keys.diagnostics);
    return all;
}

bool PipelineSession::hasErrors() const
{
    return fondant::hasErrors(m_readDiagnostics) || m_analysis.hasErrors()
        || fondant::hasErrors(m_keys.diagnostics);
}

const CacheKey *PipelineSession::key(int index) const
{
    if (index < 0 || index >= static_cast<int>(m_keys.keys.size()))
        return nullptr;
    const auto &key = m_keys.keys[static_cast<std::size_t>(index)];
    return key ? &*key : nullptr;
}

void PipelineSession::reset(Pipeline pipeline, Diagnostics readDiagnostics)
{
    m_pipeline = std::move(pipeline);
    m_readDiagnostics = std::move(readDiagnostics);
    rebuildResolver();
    m_resolver.assignDefaultIds(m_pipeline);
    reanalyse();
}

void PipelineSession::setFilePath(const std::string &absolutePath)
{
    if (m_pipeline.filePath == absolutePath)
        return;
    m_pipeline.filePath = absolutePath;
    rebuildResolver();
    reanalyse();
}

void PipelineSession::setExtraComponentDirs(const QStringList &dirs)
{
    m_extraComponentDirs = dirs;
    rebuildResolver();
    reanalyse();
}

std::vector<int> PipelineSession::insertStep(int index, Step step, std::optional<Point> position)
{
    index = std::clamp(index, 0, static_cast<int>(m_pipeline.steps.size()));
    if (position)
        m_pipeline.positions[step.id] = *position;
    m_pipeline.steps.insert(m_pipeline.steps.begin() + index, std::move(step));
    reanalyse();
    return allSteps();
}

Step PipelineSession::removeStep(int index)
{
    Step removed = std::move(m_pipeline.steps[static_cast<std::size_t>(index)]);
    m_pipeline.steps.erase(m_pipeline.steps.begin() + index);
    m_pipeline.positions.erase(removed.id);
    reanalyse();
    return removed;
}

PipelineSession::StepChanges PipelineSession::replaceStep(int index, Step step)
{
    Step &current = m_pipeline.steps[static_cast<std::size_t>(index)];
    const bool sameShape = keepsShape(current, step);
    current = std::move(step);
    if (!sameShape) {
        reanalyse();
        return {allSteps(), {}};
    }
    StepChanges changes;
    changes.analysed = PipelineValidator::revalidateStep(m_pipeline, m_resolver, m_analysis, index);
    const std::vector<int> keyed
        = PipelineKeys::update(m_pipeline, m_analysis, m_keys, changes.analysed);
    std::set_difference(keyed.begin(), keyed.end(), changes.analysed.begin(),
        changes.analysed.end(), std::back_inserter(changes.rekeyed));
    indexStepProblems();
    return changes;
}

bool PipelineSession::keepsShape(const Step &before, const Step &after)
{
    return before.id == after.id && before.input == after.input
        && before.component == after.component;
}

void PipelineSession::renameStep(int index, const std::string &newId)
{
    Step &step = m_pipeline.steps[static_cast<std::size_t>(index)];
    const std::string oldId = step.id;
    step.id = newId;
    for (Step &other : m_pipeline.steps)
        if (other.input == oldId)
            other.input = newId;
    if (auto it = m_pipeline.positions.find(oldId); it != m_pipeline.positions.end()) {
        const Point point = it->second;
        m_pipeline.positions.erase(it);
        m_pipeline.positions[newId] = point;
    }
    reanalyse();
}

void PipelineSession::moveStep(int from, int to)
{
    Step step = std::move(m_pipeline.steps[static_cast<std::size_t>(from)]);
    m_pipeline.steps.erase(m_pipeline.steps.begin() + from);
    to = std::clamp(to, 0, static_cast<int>(m_pipeline.steps.size()));
    m_pipeline.steps.insert(m_pipeline.steps.begin() + to, std::move(step));
    reanalyse();
}

void PipelineSession::setProperties(const Pipeline &properties)
{
    m_pipeline.name = properties.name;
    m_pipeline.description = properties.description;
    m_pipeline.workingDirectory = properties.workingDirectory;
    const bool dirsChanged = m_pipeline.componentDirs != properties.componentDirs;
    m_pipeline.componentDirs = properties.componentDirs;
    if (dirsChanged)
        rebuildResolver();
    reanalyse();
}

void PipelineSession::setPosition(const std::string &id, std::optional<Point> position)
{
    if (position)
        m_pipeline.positions[id] = *position;
    else
        m_pipeline.positions.erase(id);
}

void PipelineSession::rebuildResolver()
{
    m_resolver = ComponentResolver::forPipeline(m_pipeline, m_extraComponentDirs);
}

void PipelineSession::reanalyse()
{
    m_analysis = PipelineValidator::validate(m_pipeline, m_resolver);
    m_keys = PipelineKeys::compute(m_pipeline, m_analysis);
    indexStepProblems();
}

void PipelineSession::indexStepProblems()
{
    const auto index
        = [](const Diagnostics &from, std::unordered_map<std::string, Diagnostics> &to) {
              to.clear();
              for (const Diagnostic &d : from)
                  if (!d.stepId.empty())
                      to[d.stepId].push_back(d);
          };
    index(m_analysis.pipelineDiagnostics, m_pipelineProblemsOfStep);
    index(m_keys.diagnostics, m_keyProblemsOfStep);
}

Diagnostics PipelineSession::diagnosticsOf(int index) const
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_analysis.steps.size())
        return {};
    const StepAnalysis &step = m_analysis.steps[static_cast<std::size_t>(index)];
    Diagnostics result;
    if (auto it = m_pipelineProblemsOfStep.find(step.id); it != m_pipelineProblemsOfStep.end())
        result = it->second;
    append(result, step.diagnostics);
    if (auto it = m_keyProblemsOfStep.find(step.id); it != m_keyProblemsOfStep.end())
        append(result, it->second);
    return result;
}

std::vector<int> PipelineSession::allSteps() const
{
    std::vector<int> all(m_pipeline.steps.size());
    std::iota(all.begin(), all.end(), 0);
    return all;
}

} // namespace fondant
