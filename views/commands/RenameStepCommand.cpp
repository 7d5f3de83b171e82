// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/RenameStepCommand.h"

#include "views/document/PipelineDocument.h"

#include <QCoreApplication>

namespace fondant {

RenameStepCommand::RenameStepCommand(
    PipelineDocument &document, const QString &oldId, const QString &newId, QUndoCommand *parent)
    : QUndoCommand(parent), m_document(document), m_oldId(oldId), m_newId(newId)
{
    setText(QCoreApplication::translate("Commands", "Rename %1 to %2").arg(oldId, newId));
}

void RenameStepCommand::redo()
{
    m_document.renameStep(m_oldId, m_newId);
}

void RenameStepCommand::undo()
{
    m_document.renameStep(m_newId, m_oldId);
}

} // namespace fondant
