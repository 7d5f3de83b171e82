// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace fondant {

/// Edit distance between two words (insertions, deletions, substitutions).
std::size_t editDistance(const std::string &a, const std::string &b);

/// The candidate closest to word when it is close enough to be a likely typo, else "".
std::string nearestName(const std::string &word, const std::vector<std::string> &candidates);

/// " (did you mean 'x'?)" for a likely typo, or "".
std::string didYouMean(const std::string &word, const std::vector<std::string> &candidates);

} // namespace fondant
