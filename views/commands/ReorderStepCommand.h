// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUndoCommand>

namespace fondant {

class PipelineDocument;

/// Moves a step to another place in the call order (which decides Fondant's key chaining).
class ReorderStepCommand : public QUndoCommand
{
public:
    ReorderStepCommand(
        PipelineDocument &document, const QString &id, int index, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    PipelineDocument &m_document;
    QString m_id;
    int m_from = -1;
    int m_to;
};

} // namespace fondant
