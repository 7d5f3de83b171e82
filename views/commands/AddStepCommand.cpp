// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/AddStepCommand.h"

#include "views/document/PipelineDocument.h"

#include <QCoreApplication>

namespace fondant {

AddStepCommand::AddStepCommand(
    PipelineDocument &document, Step step, int index, QPointF position, QUndoCommand *parent)
    : QUndoCommand(parent), m_document(document), m_step(std::move(step)), m_index(index),
      m_position(position)
{
    setText(QCoreApplication::translate("Commands", "Add step %1")
                .arg(QString::fromStdString(m_step.id)));
}

void AddStepCommand::redo()
{
    m_document.insertStep(m_index, m_step, m_position);
}

void AddStepCommand::undo()
{
    m_document.removeStep(QString::fromStdString(m_step.id));
}

} // namespace fondant
