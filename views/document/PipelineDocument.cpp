// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/PipelineDocument.h"

#include "core/pipeline/PipelineReader.h"
#include "core/pipeline/PipelineWriter.h"
#include "core/validate/PipelineValidator.h"

#include <QFileInfo>

#include <algorithm>

namespace fondant {

namespace {
std::string utf8(const QString &text)
{
    return text.toStdString();
}
} // namespace

PipelineDocument::PipelineDocument(QObject *parent) : QObject(parent)
{
    m_pipeline.name = "untitled";
    rebuildResolver();
    reanalyze();
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
        [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

PipelineDocument::~PipelineDocument()
{
    // The undo stack announces its clearing while it is destroyed; nobody is to hear it.
    m_undoStack.disconnect(this);
}

Diagnostics PipelineDocument::diagnostics() const
{
    Diagnostics all = m_readDiagnostics;
    append(all, m_analysis.diagnostics);
    return all;
}

const Step *PipelineDocument::step(const QString &id) const
{
    return m_pipeline.findStep(utf8(id));
}

int PipelineDocument::indexOf(const QString &id) const
{
    return m_pipeline.indexOf(utf8(id));
}

const StepAnalysis *PipelineDocument::stepAnalysis(const QString &id) const
{
    const int index = indexOf(id);
    if (index < 0 || index >= static_cast<int>(m_analysis.steps.size()))
        return nullptr;
    return &m_analysis.steps[static_cast<std::size_t>(index)];
}

const CacheKey *PipelineDocument::cacheKey(const QString &id) const
{
    const int index = indexOf(id);
    if (index < 0 || index >= static_cast<int>(m_keys.keys.size()))
        return nullptr;
    const auto &key = m_keys.keys[static_cast<std::size_t>(index)];
    return key ? &*key : nullptr;
}

QPointF PipelineDocument::position(const QString &id) const
{
    auto it = m_pipeline.positions.find(utf8(id));
    if (it != m_pipeline.positions.end())
        return QPointF(it->second.x, it->second.y);
    const int index = std::max(0, indexOf(id));
    return QPointF(index * 280.0, 0.0);
}

QStringList PipelineDocument::stepIds() const
{
    QStringList ids;
    for (const Step &step : m_pipeline.steps)
        ids << QString::fromStdString(step.id);
    return ids;
}

QStringList PipelineDocument::children(const QString &id) const
{
    QStringList ids;
    for (const Step &step : m_pipeline.steps)
        if (!id.isEmpty() && step.input == utf8(id))
            ids << QString::fromStdString(step.id);
    return ids;
}

QString PipelineDocument::uniqueId(const QString &base) const
{
    QString candidate = base.isEmpty() ? QStringLiteral("step") : base;
    for (int n = 2; step(candidate); ++n)
        candidate = QStringLiteral("%1_%2").arg(base).arg(n);
    return candidate;
}

Diagnostics PipelineDocument::load(const QString &path)
{
    Result<Pipeline> read = PipelineReader::readFile(path);
    if (!read.ok())
        return read.diagnostics();
    Diagnostics warnings = read.diagnostics();
    m_filePath = QFileInfo(path).absoluteFilePath();
    Pipeline pipeline = std::move(read).value();
    ComponentResolver::forPipeline(pipeline, m_extraComponentDirs).assignDefaultIds(pipeline);
    reset(std::move(pipeline), warnings);
    Q_EMIT filePathChanged(m_filePath);
    return warnings;
}

void PipelineDocument::reset(Pipeline pipeline, Diagnostics readDiagnostics)
{
    m_pipeline = std::move(pipeline);
    m_readDiagnostics = std::move(readDiagnostics);
    if (m_pipeline.filePath.empty())
        m_filePath.clear();
    m_undoStack.clear();
    rebuildResolver();
    reanalyze();
    Q_EMIT documentReset();
}

std::optional<Diagnostic> PipelineDocument::save(const QString &path)
{
    Pipeline toSave = m_pipeline;
    toSave.filePath = utf8(QFileInfo(path).absoluteFilePath());
    if (auto error = PipelineWriter::save(toSave, path))
        return error;
    const bool moved = QFileInfo(path).absoluteFilePath() != m_filePath;
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_pipeline.filePath = toSave.filePath;
    m_readDiagnostics.clear();
    m_undoStack.setClean();
    if (moved) {
        // Relative component folders now resolve against the new location.
        rebuildResolver();
        reanalyze();
        Q_EMIT filePathChanged(m_filePath);
    }
    return std::nullopt;
}

void PipelineDocument::adoptFilePath(const QString &path)
{
    m_filePath = QFileInfo(path).absoluteFilePath();
    rebuildResolver();
    reanalyze();
    Q_EMIT filePathChanged(m_filePath);
}

void PipelineDocument::setExtraComponentDirs(const QStringList &dirs)
{
    m_extraComponentDirs = dirs;
    rebuildResolver();
    reanalyze();
}

void PipelineDocument::insertStep(int index, const Step &step, std::optional<QPointF> position)
{
    index = std::clamp(index, 0, static_cast<int>(m_pipeline.steps.size()));
    m_pipeline.steps.insert(m_pipeline.steps.begin() + index, step);
    if (position)
        m_pipeline.positions[step.id] = Point {position->x(), position->y()};
    reanalyze();
    Q_EMIT stepAdded(QString::fromStdString(step.id));
}

Step PipelineDocument::removeStep(const QString &id)
{
    const int index = indexOf(id);
    Q_ASSERT(index >= 0);
    Q_EMIT stepAboutToBeRemoved(id);
    Step removed = m_pipeline.steps[static_cast<std::size_t>(index)];
    m_pipeline.steps.erase(m_pipeline.steps.begin() + index);
    m_pipeline.positions.erase(removed.id);
    reanalyze();
    Q_EMIT stepRemoved(id);
    return removed;
}

void PipelineDocument::replaceStep(const QString &id, const Step &step)
{
    Step *existing = m_pipeline.findStep(utf8(id));
    Q_ASSERT(existing && existing->id == step.id);
    *existing = step;
    reanalyze();
    Q_EMIT stepChanged(id);
}

void PipelineDocument::renameStep(const QString &oldId, const QString &newId)
{
    Step *existing = m_pipeline.findStep(utf8(oldId));
    Q_ASSERT(existing);
    existing->id = utf8(newId);
    for (Step &other : m_pipeline.steps)
        if (other.input == utf8(oldId))
            other.input = utf8(newId);
    if (auto it = m_pipeline.positions.find(utf8(oldId)); it != m_pipeline.positions.end()) {
        const Point point = it->second;
        m_pipeline.positions.erase(it);
        m_pipeline.positions[utf8(newId)] = point;
    }
    reanalyze();
    Q_EMIT stepRenamed(oldId, newId);
}

void PipelineDocument::moveStepTo(const QString &id, int index)
{
    const int from = indexOf(id);
    Q_ASSERT(from >= 0);
    Step step = m_pipeline.steps[static_cast<std::size_t>(from)];
    m_pipeline.steps.erase(m_pipeline.steps.begin() + from);
    index = std::clamp(index, 0, static_cast<int>(m_pipeline.steps.size()));
    m_pipeline.steps.insert(m_pipeline.steps.begin() + index, std::move(step));
    reanalyze();
    Q_EMIT stepOrderChanged();
}

void PipelineDocument::setPosition(const QString &id, std::optional<QPointF> position)
{
    if (position)
        m_pipeline.positions[utf8(id)] = Point {position->x(), position->y()};
    else
        m_pipeline.positions.erase(utf8(id));
    Q_EMIT stepMoved(id, this->position(id));
}

void PipelineDocument::setPipelineProperties(const Pipeline &properties)
{
    m_pipeline.name = properties.name;
    m_pipeline.description = properties.description;
    m_pipeline.workingDirectory = properties.workingDirectory;
    const bool dirsChanged = m_pipeline.componentDirs != properties.componentDirs;
    m_pipeline.componentDirs = properties.componentDirs;
    if (dirsChanged)
        rebuildResolver();
    reanalyze();
    Q_EMIT pipelinePropertiesChanged();
}

void PipelineDocument::rebuildResolver()
{
    Pipeline located = m_pipeline;
    located.filePath = utf8(m_filePath);
    m_resolver = ComponentResolver::forPipeline(located, m_extraComponentDirs);
}

void PipelineDocument::reanalyze()
{
    m_pipeline.filePath = utf8(m_filePath);
    m_analysis = PipelineValidator::validate(m_pipeline, m_resolver);
    m_keys = PipelineKeys::compute(m_pipeline, m_analysis);
    Q_EMIT analysisChanged();
}

} // namespace fondant
