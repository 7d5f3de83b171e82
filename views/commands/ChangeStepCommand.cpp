// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/commands/ChangeStepCommand.h"

#include "core/pipeline/PipelineWriter.h"
#include "views/commands/CommandIds.h"
#include "views/document/PipelineDocument.h"

#include <QCoreApplication>

namespace fondant {

namespace {
// Steps compare by what would be saved; marks from the file do not count.
std::string savedForm(const Step &step)
{
    Pipeline pipeline;
    pipeline.steps.push_back(step);
    return PipelineWriter::toYaml(pipeline);
}
} // namespace

ChangeStepCommand::ChangeStepCommand(PipelineDocument &document, const Step &before,
    const Step &after, const QString &field, QUndoCommand *parent)
    : QUndoCommand(parent), m_document(document), m_before(before), m_after(after), m_field(field)
{
    setText(QCoreApplication::translate("Commands", "Change %1 of %2")
                .arg(field, QString::fromStdString(before.id)));
}

void ChangeStepCommand::redo()
{
    m_document.replaceStep(QString::fromStdString(m_before.id), m_after);
}

void ChangeStepCommand::undo()
{
    m_document.replaceStep(QString::fromStdString(m_before.id), m_before);
}

int ChangeStepCommand::id() const
{
    return static_cast<int>(CommandId::ChangeStep);
}

bool ChangeStepCommand::mergeWith(const QUndoCommand *other)
{
    const auto *change = static_cast<const ChangeStepCommand *>(other);
    if (change->m_field != m_field || change->m_before.id != m_before.id
        || &change->m_document != &m_document)
        return false;
    m_after = change->m_after;
    setObsolete(savedForm(m_after) == savedForm(m_before));
    return true;
}

} // namespace fondant
