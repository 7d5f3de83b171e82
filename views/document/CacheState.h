// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace fondant {

/// What the canvas shows of a step's cache: its decision if the pipeline ran now, or what it
/// did in a past run being shown.
enum class CacheState {
    None, ///< nothing known: no working directory
    Cached, ///< reuses its output (now), or reused it (in the shown run)
    Runs, ///< runs because of its own change (now), or executed (in the shown run)
    Cascade, ///< runs because a step before it changed
    Disabled, ///< caching is off
    Fails, ///< its cached output is gone: Fondant's executor fails on it
    Unknown, ///< it has errors, or the shown run does not tell
};

} // namespace fondant
