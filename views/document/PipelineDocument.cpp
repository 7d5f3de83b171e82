// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/PipelineDocument.h"

#include "core/pipeline/PipelineWriter.h"

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
    Pipeline pipeline;
    pipeline.name = "untitled";
    m_session.reset(std::move(pipeline));
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
        [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

PipelineDocument::~PipelineDocument()
{
    // The undo stack announces its clearing while it is destroyed; nobody is to hear it.
    m_undoStack.disconnect(this);
}

Diagnostics PipelineDocument::diagnosticsOf(const QString &id) const
{
    return m_session.diagnosticsOf(indexOf(id));
}

const Step *PipelineDocument::step(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? nullptr : &pipeline().steps[static_cast<std::size_t>(index)];
}

int PipelineDocument::indexOf(const QString &id) const
{
    return m_session.indexOf(utf8(id));
}

const StepAnalysis *PipelineDocument::stepAnalysis(const QString &id) const
{
    const int index = indexOf(id);
    if (index < 0 || index >= static_cast<int>(analysis().steps.size()))
        return nullptr;
    return &analysis().steps[static_cast<std::size_t>(index)];
}

const CacheKey *PipelineDocument::cacheKey(const QString &id) const
{
    return m_session.key(indexOf(id));
}

QPointF PipelineDocument::position(const QString &id) const
{
    auto it = pipeline().positions.find(utf8(id));
    if (it != pipeline().positions.end())
        return QPointF(it->second.x, it->second.y);
    const int index = std::max(0, indexOf(id));
    return QPointF(index * 280.0, 0.0);
}

QStringList PipelineDocument::stepIds() const
{
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(pipeline().steps.size()));
    for (const Step &step : pipeline().steps)
        ids << QString::fromStdString(step.id);
    return ids;
}

QStringList PipelineDocument::children(const QString &id) const
{
    const int index = indexOf(id);
    return index < 0 ? QStringList() : idsOf(analysis().graph.children(index));
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
    return adopt(PipelineSession::open(path, extraComponentDirs()), path);
}

Diagnostics PipelineDocument::adopt(Result<PipelineSession> opened, const QString &path)
{
    if (!opened.ok())
        return opened.diagnostics();
    m_session = std::move(opened).value();
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_undoStack.clear();
    Q_EMIT documentReset();
    Q_EMIT filePathChanged(m_filePath);
    return m_session.readDiagnostics();
}

void PipelineDocument::reset(Pipeline pipeline, Diagnostics readDiagnostics)
{
    if (pipeline.filePath.empty())
        m_filePath.clear();
    pipeline.filePath = utf8(m_filePath);
    m_session.reset(std::move(pipeline), std::move(readDiagnostics));
    m_undoStack.clear();
    Q_EMIT documentReset();
}

std::optional<Diagnostic> PipelineDocument::save(const QString &path)
{
    Pipeline toSave = pipeline();
    toSave.filePath = utf8(QFileInfo(path).absoluteFilePath());
    if (auto error = PipelineWriter::save(toSave, path))
        return error;
    const bool moved = QFileInfo(path).absoluteFilePath() != m_filePath;
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_session.clearReadDiagnostics();
    m_undoStack.setClean();
    if (moved) {
        // Relative component folders now resolve against the new location.
        m_session.setFilePath(toSave.filePath);
        Q_EMIT analysisChanged();
        Q_EMIT filePathChanged(m_filePath);
    }
    return std::nullopt;
}

void PipelineDocument::adoptFilePath(const QString &path)
{
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_session.setFilePath(utf8(m_filePath));
    Q_EMIT analysisChanged();
    Q_EMIT filePathChanged(m_filePath);
}

void PipelineDocument::setExtraComponentDirs(const QStringList &dirs)
{
    m_session.setExtraComponentDirs(dirs);
    Q_EMIT analysisChanged();
}

void PipelineDocument::insertStep(int index, const Step &step, std::optional<QPointF> position)
{
    std::optional<Point> point;
    if (position)
        point = Point {position->x(), position->y()};
    m_session.insertStep(index, step, point);
    Q_EMIT stepAdded(QString::fromStdString(step.id));
    Q_EMIT analysisChanged();
}

Step PipelineDocument::removeStep(const QString &id)
{
    const int index = indexOf(id);
    Q_ASSERT(index >= 0);
    Q_EMIT stepAboutToBeRemoved(id);
    Step removed = m_session.removeStep(index);
    Q_EMIT stepRemoved(id);
    Q_EMIT analysisChanged();
    return removed;
}

void PipelineDocument::replaceStep(const QString &id, const Step &step)
{
    const int index = indexOf(id);
    Q_ASSERT(index >= 0 && pipeline().steps[static_cast<std::size_t>(index)].id == step.id);
    const bool sameShape
        = PipelineSession::keepsShape(pipeline().steps[static_cast<std::size_t>(index)], step);
    const PipelineSession::StepChanges changes = m_session.replaceStep(index, step);
    Q_EMIT stepChanged(id);
    if (sameShape) {
        Q_EMIT stepsAnalysed(idsOf(changes.analysed));
        if (!changes.rekeyed.empty())
            Q_EMIT keysChanged(idsOf(changes.rekeyed));
    } else {
        Q_EMIT analysisChanged();
    }
}

void PipelineDocument::renameStep(const QString &oldId, const QString &newId)
{
    const int index = indexOf(oldId);
    Q_ASSERT(index >= 0);
    m_session.renameStep(index, utf8(newId));
    Q_EMIT stepRenamed(oldId, newId);
    Q_EMIT analysisChanged();
}

void PipelineDocument::moveStepTo(const QString &id, int index)
{
    const int from = indexOf(id);
    Q_ASSERT(from >= 0);
    m_session.moveStep(from, index);
    Q_EMIT stepOrderChanged();
    Q_EMIT analysisChanged();
}

void PipelineDocument::setPosition(const QString &id, std::optional<QPointF> position)
{
    std::optional<Point> point;
    if (position)
        point = Point {position->x(), position->y()};
    m_session.setPosition(utf8(id), point);
    Q_EMIT stepMoved(id, this->position(id));
}

void PipelineDocument::setPipelineProperties(const Pipeline &properties)
{
    m_session.setProperties(properties);
    Q_EMIT pipelinePropertiesChanged();
    Q_EMIT analysisChanged();
}

QStringList PipelineDocument::idsOf(const std::vector<int> &indexes) const
{
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(indexes.size()));
    for (int index : indexes)
        ids << QString::fromStdString(pipeline().steps[static_cast<std::size_t>(index)].id);
    return ids;
}

} // namespace fondant
