// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/ChangePipelineCommand.h"

#include "views/commands/CommandIds.h"
#include "views/document/PipelineDocument.h"

#include <QCoreApplication>

namespace fondant {

namespace {
Pipeline settingsOf(const Pipeline &pipeline)
{
    Pipeline settings;
    settings.name = pipeline.name;
    settings.description = pipeline.description;
    settings.workingDirectory = pipeline.workingDirectory;
    settings.componentDirs = pipeline.componentDirs;
    return settings;
}

bool sameSettings(const Pipeline &a, const Pipeline &b)
{
    return a.name == b.name && a.description == b.description
        && a.workingDirectory == b.workingDirectory && a.componentDirs == b.componentDirs;
}
} // namespace

ChangePipelineCommand::ChangePipelineCommand(
    PipelineDocument &document, const Pipeline &after, const QString &field, QUndoCommand *parent)
    : QUndoCommand(parent), m_document(document), m_before(settingsOf(document.pipeline())),
      m_after(settingsOf(after)), m_field(field)
{
    setText(QCoreApplication::translate("Commands", "Change pipeline %1").arg(field));
}

void ChangePipelineCommand::redo()
{
    m_document.setPipelineProperties(m_after);
}

void ChangePipelineCommand::undo()
{
    m_document.setPipelineProperties(m_before);
}

int ChangePipelineCommand::id() const
{
    return static_cast<int>(CommandId::ChangePipeline);
}

bool ChangePipelineCommand::mergeWith(const QUndoCommand *other)
{
    const auto *change = static_cast<const ChangePipelineCommand *>(other);
    if (change->m_field != m_field || &change->m_document != &m_document)
        return false;
    m_after = change->m_after;
    setObsolete(sameSettings(m_before, m_after));
    return true;
}

} // namespace fondant
