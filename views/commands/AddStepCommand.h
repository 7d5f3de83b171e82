// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pipeline/Pipeline.h"

#include <QPointF>
#include <QUndoCommand>

namespace fondant {

class PipelineDocument;

/// Adds one step at a place in the step order, drawn at a position on the canvas.
class AddStepCommand : public QUndoCommand
{
public:
    AddStepCommand(PipelineDocument &document, Step step, int index, QPointF position,
        QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    PipelineDocument &m_document;
    Step m_step;
    int m_index;
    QPointF m_position;
};

} // namespace fondant
