// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace fondant {

class PipelineDocument;

/// Steps on the system clipboard: as pipeline text (what another editor pastes) with a type
/// of its own (what the designer pastes back).
class StepClipboard
{
public:
    /// Puts the steps on the clipboard; false when there are none.
    static bool copy(PipelineDocument &document, const QStringList &ids);
    /// The text of steps to paste: ours, else any text (it may be a pipeline); "" for none.
    static QString text();

    static constexpr const char *mimeType = "application/x-fondant-steps";
};

} // namespace fondant
