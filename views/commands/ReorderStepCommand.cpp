// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/ReorderStepCommand.h"

#include "views/document/PipelineDocument.h"

#include <QCoreApplication>

namespace fondant {

ReorderStepCommand::ReorderStepCommand(
    PipelineDocument &document, const QString &id, int index, QUndoCommand *parent)
    : QUndoCommand(parent), m_document(document), m_id(id), m_to(index)
{
    setText(QCoreApplication::translate("Commands", "Reorder %1").arg(id));
}

void ReorderStepCommand::redo()
{
    m_from = m_document.indexOf(m_id);
    m_document.moveStepTo(m_id, m_to);
}

void ReorderStepCommand::undo()
{
    m_document.moveStepTo(m_id, m_from);
}

} // namespace fondant
