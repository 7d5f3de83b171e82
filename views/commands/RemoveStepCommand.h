// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pipeline/Pipeline.h"

#include <QPointF>
#include <QUndoCommand>

#include <optional>

namespace fondant {

class PipelineDocument;

/// Removes one step; undo puts it back at its place with its position. Steps reading its output
/// are disconnected first by the caller (see StepEditing::removeSteps), so this stays simple.
class RemoveStepCommand : public QUndoCommand
{
public:
    RemoveStepCommand(
        PipelineDocument &document, const QString &id, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    PipelineDocument &m_document;
    QString m_id;
    Step m_step;
    int m_index = -1;
    std::optional<QPointF> m_position;
};

} // namespace fondant
