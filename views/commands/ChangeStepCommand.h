// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/pipeline/Pipeline.h"

#include <QUndoCommand>

namespace fondant {

class PipelineDocument;

/// Replaces a step's settings (arguments, mappings, input, caching, resources) by new ones.
/// Consecutive edits of the same key of the same step merge into one command, which becomes
/// obsolete when the value returns to where it started.
class ChangeStepCommand : public QUndoCommand
{
public:
    /// field names what changed ("arguments.min_width"); it is the merge key.
    ChangeStepCommand(PipelineDocument &document, const Step &before, const Step &after,
        const QString &field, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    PipelineDocument &m_document;
    Step m_before;
    Step m_after;
    QString m_field;
};

} // namespace fondant
