// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pipeline/Pipeline.h"

#include <QPointF>
#include <QString>
#include <QStringList>

#include <functional>

namespace fondant {

class PipelineDocument;

/// Turns each user-visible edit into one undoable command (or macro) on a document, after
/// checking that it makes sense. Every method returns false, changing nothing, when it does not.
class PipelineEditor
{
public:
    explicit PipelineEditor(PipelineDocument &document) : m_document(document) { }

    /// Adds a step for a component (a library name or a folder path) at a canvas position, with
    /// the component's id made unique. Returns the new id, or "" when nothing was added.
    QString addComponent(const QString &reference, QPointF position, const QString &input = {});
    /// Adds a step for a component on the link into target: the new step reads target's input
    /// and target reads the new step; one undoable edit. Returns the new id, or "".
    QString insertComponent(const QString &reference, const QString &target, QPointF position);
    /// Removes steps; steps that read their output are disconnected.
    bool removeSteps(const QStringList &ids);
    /// Makes target read the output of source. Refused when it would make a cycle.
    bool connectSteps(const QString &source, const QString &target);
    bool canConnect(const QString &source, const QString &target, QString *why = nullptr) const;
    /// The steps target may read from, in call order: all but itself and the steps that read
    /// from it, directly or not. Linear in the number of steps.
    QStringList possibleInputs(const QString &target) const;
    /// What would be wrong with the fields after linking (a consumed field the source's output
    /// lacks or types differently), or "" when the fields fit.
    QString linkFieldProblem(const QString &source, const QString &target) const;
    bool disconnect(const QString &target);
    /// Removes the links into these steps, as one undoable edit.
    bool removeLinks(const QStringList &targets);
    bool renameStep(const QString &id, const QString &newId, QString *why = nullptr);
    /// Applies change to a copy of the step and pushes it as one command named after field.
    bool changeStep(
        const QString &id, const QString &field, const std::function<void(Step &)> &change);
    bool moveSteps(const QHash<QString, QPointF> &from, const QHash<QString, QPointF> &to);
    /// "Use 'min_width'": what applying a fix does, for menus and the undo history.
    static QString fixText(const Fix &fix);
    /// Applies the fix a problem offers at its step's field (a key renamed in place with its
    /// value and comments, or a new value) as one undoable edit named by fixText. Refused when
    /// the problem offers none, its step or key no longer exists, or the new name is taken.
    bool applyFix(const Diagnostic &problem);

    /// Steps as text for the clipboard (a pipeline document holding just them).
    QString copySteps(const QStringList &ids) const;
    /// Adds the steps of copied text with fresh ids, shifted by offset; links among them are kept.
    QStringList pasteSteps(const QString &text, QPointF offset);
    /// The same, with the offset chosen once the copies' places are known (side by side where
    /// the text gives none), e.g. so that they land where no step is.
    QStringList pasteSteps(
        const QString &text, const std::function<QPointF(const QList<QPointF> &)> &offsetFor);

private:
    /// The step and every step that reads from it, directly or not.
    QStringList descendants(const QString &id) const;

    PipelineDocument &m_document;
};

} // namespace fondant
