// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QPointF>
#include <QUndoCommand>

#include <optional>

namespace fondant {

class PipelineDocument;

/// Moves steps on the canvas: one command per drag or layout, whatever the number of steps.
class MoveStepsCommand : public QUndoCommand
{
public:
    using Positions = QHash<QString, std::optional<QPointF>>;

    MoveStepsCommand(PipelineDocument &document, Positions before, Positions after,
        const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const Positions &positions);

    PipelineDocument &m_document;
    Positions m_before;
    Positions m_after;
};

} // namespace fondant
