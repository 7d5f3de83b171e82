// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/Suggest.h"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace fondant {

std::size_t editDistance(const std::string &a, const std::string &b)
{
    std::vector<std::size_t> previous(b.size() + 1);
    std::iota(previous.begin(), previous.end(), std::size_t {0});
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const auto lowerA = std::tolower(static_cast<unsigned char>(a[i - 1]));
            const auto lowerB = std::tolower(static_cast<unsigned char>(b[j - 1]));
            const std::size_t substitution = previous[j - 1] + (lowerA == lowerB ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::string nearestName(
    const std::string &word, const std::vector<std::string> &candidates, SuggestionBudget *budget)
{
    constexpr std::size_t longestWord = 64;
    std::string best;
    if (word.size() > longestWord)
        return best;
    SuggestionBudget local;
    SuggestionBudget &spend = budget ? *budget : local;
    std::size_t bestDistance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const std::string &candidate : candidates) {
        // The lengths alone bound the distance from below.
        const std::size_t lengthGap = candidate.size() > word.size()
            ? candidate.size() - word.size()
            : word.size() - candidate.size();
        if (lengthGap >= bestDistance)
            continue;
        const std::size_t cost = (word.size() + 1) * (candidate.size() + 1);
        if (cost > spend.cells)
            break;
        spend.cells -= cost;
        const std::size_t distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string didYouMeanText(const std::string &suggestion)
{
    return suggestion.empty() ? std::string() : " (did you mean '" + suggestion + "'?)";
}

std::string didYouMean(
    const std::string &word, const std::vector<std::string> &candidates, SuggestionBudget *budget)
{
    return didYouMeanText(nearestName(word, candidates, budget));
}

} // namespace fondant
