// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUndoCommand>

namespace fondant {

class PipelineDocument;

/// Gives a step a new id; the steps reading it follow.
class RenameStepCommand : public QUndoCommand
{
public:
    RenameStepCommand(PipelineDocument &document, const QString &oldId, const QString &newId,
        QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    PipelineDocument &m_document;
    QString m_oldId;
    QString m_newId;
};

} // namespace fondant
