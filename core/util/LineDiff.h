// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace fondant {

/// The differences between two texts as a unified diff ("@@ -3,4 +3,4 @@", then " kept",
/// "-removed" and "+added" lines with a few lines of context), as `diff -u` would show them.
/// Lines common to both ends are set aside first; a middle part too long to compare line by
/// line (more than maxCompared lines on a side) is shown as removed, then added, so that the
/// cost stays bounded for any size.
class LineDiff
{
public:
    static std::string unified(std::string_view before, std::string_view after, int context = 3,
        std::size_t maxCompared = 1500);
};

} // namespace fondant
