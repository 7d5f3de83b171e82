// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pipeline/Pipeline.h"

#include <QUndoCommand>

namespace fondant {

class PipelineDocument;

/// Changes the pipeline's own settings: name, description, working directory, component folders.
/// Consecutive edits of one setting merge.
class ChangePipelineCommand : public QUndoCommand
{
public:
    ChangePipelineCommand(PipelineDocument &document, const Pipeline &after, const QString &field,
        QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    PipelineDocument &m_document;
    Pipeline m_before; ///< only the pipeline-level settings are used
    Pipeline m_after;
    QString m_field;
};

} // namespace fondant
