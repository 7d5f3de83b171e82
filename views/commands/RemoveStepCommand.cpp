// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/RemoveStepCommand.h"

#include "views/document/PipelineDocument.h"

#include <QCoreApplication>

namespace fondant {

RemoveStepCommand::RemoveStepCommand(
    PipelineDocument &document, const QString &id, QUndoCommand *parent)
    : QUndoCommand(parent), m_document(document), m_id(id)
{
    setText(QCoreApplication::translate("Commands", "Remove step %1").arg(id));
}

void RemoveStepCommand::redo()
{
    m_index = m_document.indexOf(m_id);
    const auto &positions = m_document.pipeline().positions;
    auto it = positions.find(m_id.toStdString());
    m_position = it == positions.end()
        ? std::nullopt
        : std::optional<QPointF>(QPointF(it->second.x, it->second.y));
    m_step = m_document.removeStep(m_id);
}

void RemoveStepCommand::undo()
{
    m_document.insertStep(m_index, m_step, m_position);
}

} // namespace fondant
