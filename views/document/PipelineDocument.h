// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/session/PipelineSession.h"

#include <QObject>
#include <QPointF>
#include <QStringList>
#include <QUndoStack>

#include <optional>

namespace fondant {

/// Owns one pipeline, its undo history and its analysis (validation and cache keys), and tells
/// every view what changed. Views never change the pipeline directly: they push commands, whose
/// redo()/undo() call the mutators below; each mutator emits one signal and re-analyses.
class PipelineDocument : public QObject
{
    Q_OBJECT

public:
    explicit PipelineDocument(QObject *parent = nullptr);
    ~PipelineDocument() override;

    const PipelineSession &session() const { return m_session; }
    const Pipeline &pipeline() const { return m_session.pipeline(); }
    const PipelineAnalysis &analysis() const { return m_session.analysis(); }
    /// Problems of the last file read (kept until the next save) followed by the analysis'.
    Diagnostics diagnostics() const { return m_session.diagnostics(); }
    /// The problems of one step: its own, and those the pipeline-wide checks found in it.
    Diagnostics diagnosticsOf(const QString &id) const;
    const PipelineKeys &keys() const { return m_session.keys(); }
    const ComponentResolver &resolver() const { return m_session.resolver(); }
    QUndoStack *undoStack() { return &m_undoStack; }

    const Step *step(const QString &id) const;
    const StepAnalysis *stepAnalysis(const QString &id) const;
    const CacheKey *cacheKey(const QString &id) const;
    /// The position of a step on the canvas (a default position when none is stored).
    QPointF position(const QString &id) const;
    QStringList stepIds() const;
    /// Ids of the steps whose input is id.
    QStringList children(const QString &id) const;
    /// A new id based on base that no step uses yet ("trim", "trim_2", …).
    QString uniqueId(const QString &base) const;

    /// File handling. load() replaces the document (clearing the history) or leaves it untouched
    /// and returns the diagnostics that prevented reading. save() writes atomically.
    Diagnostics load(const QString &path);
    /// What load() does once the file is read: takes an opened session (read on any thread)
    /// as the document. Returns the problems that prevented reading, or the reading warnings.
    Diagnostics adopt(Result<PipelineSession> opened, const QString &path);
    std::optional<Diagnostic> save(const QString &path);
    /// Replaces the whole document (a new pipeline, or one read from a file with its warnings).
    void reset(Pipeline pipeline, Diagnostics readDiagnostics = {});
    QString filePath() const { return m_filePath; }
    /// Takes path as the document's file without reading it (used when recovering unsaved work).
    void adoptFilePath(const QString &path);
    bool isModified() const { return !m_undoStack.isClean(); }

    /// Extra component folders (settings, command line), searched after the pipeline's own.
    void setExtraComponentDirs(const QStringList &dirs);
    QStringList extraComponentDirs() const { return m_session.extraComponentDirs(); }

    // Mutators, called by commands. Each emits its own signal, then analysisChanged (or, for an
    // edit that keeps the graph, stepsAnalysed and keysChanged with the steps recomputed).
    void insertStep(int index, const Step &step, std::optional<QPointF> position);
    Step removeStep(const QString &id);
    void replaceStep(const QString &id, const Step &step);
    void renameStep(const QString &oldId, const QString &newId);
    void moveStepTo(const QString &id, int index);
    void setPosition(const QString &id, std::optional<QPointF> position);
    void setPipelineProperties(const Pipeline &properties);
    int indexOf(const QString &id) const;

Q_SIGNALS:
    void documentReset();
    void stepAdded(const QString &id);
    void stepAboutToBeRemoved(const QString &id);
    void stepRemoved(const QString &id);
    void stepChanged(const QString &id);
    void stepRenamed(const QString &oldId, const QString &newId);
    void stepMoved(const QString &id, QPointF position);
    void stepOrderChanged();
    void pipelinePropertiesChanged();
    /// Validation and cache keys were recomputed for the whole pipeline.
    void analysisChanged();
    /// Validation and cache keys were recomputed for these steps only (after an edit that kept
    /// the graph; emitted after stepChanged).
    void stepsAnalysed(const QStringList &ids);
    /// Only the cache keys of these steps changed, because a key they chain on did (emitted
    /// after stepsAnalysed).
    void keysChanged(const QStringList &ids);
    void filePathChanged(const QString &path);
    void modifiedChanged(bool modified);

private:
    QStringList idsOf(const std::vector<int> &indexes) const;

    PipelineSession m_session;
    QString m_filePath;
    QUndoStack m_undoStack;
};

} // namespace fondant
