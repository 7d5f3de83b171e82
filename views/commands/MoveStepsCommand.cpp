// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/MoveStepsCommand.h"

#include "views/document/PipelineDocument.h"

namespace fondant {

MoveStepsCommand::MoveStepsCommand(PipelineDocument &document, Positions before, Positions after,
    const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_document(document), m_before(std::move(before)),
      m_after(std::move(after))
{ }

void MoveStepsCommand::redo()
{
    apply(m_after);
}

void MoveStepsCommand::undo()
{
    apply(m_before);
}

void MoveStepsCommand::apply(const Positions &positions)
{
    for (auto it = positions.begin(); it != positions.end(); ++it)
        m_document.setPosition(it.key(), it.value());
}

} // namespace fondant
