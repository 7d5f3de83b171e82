// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace fondant {

/// Edit distance between two words (insertions, deletions, substitutions).
std::size_t editDistance(const std::string &a, const std::string &b);

/// How much comparing a caller may spend on suggestions (in edit-distance table cells), so that
/// many unknown names against many candidates stay linear. Shared across calls.
struct SuggestionBudget
{
    std::size_t cells = 4'000'000;
};

/// The candidate closest to word when it is close enough to be a likely typo (case-insensitive
/// edit distance, at most about a third of the word), else "". Words longer than 64 characters,
/// and calls after the budget is spent, get no suggestion.
std::string nearestName(const std::string &word, const std::vector<std::string> &candidates,
    SuggestionBudget *budget = nullptr);

/// " (did you mean 'x'?)" for a suggested name x, or "" when suggestion is empty.
std::string didYouMeanText(const std::string &suggestion);

/// " (did you mean 'x'?)" for a likely typo, or "".
std::string didYouMean(const std::string &word, const std::vector<std::string> &candidates,
    SuggestionBudget *budget = nullptr);

} // namespace fondant
