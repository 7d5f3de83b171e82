// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace fondant {

/// Merge ids of the undo commands that merge consecutive edits.
enum class CommandId {
    ChangeStep = 1,
    ChangePipeline,
};

} // namespace fondant
