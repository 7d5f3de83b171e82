// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/LineDiff.h"

#include <algorithm>
#include <vector>

namespace fondant {

namespace {

std::vector<std::string_view> linesOf(std::string_view text)
{
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        lines.push_back(text.substr(0, end));
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

struct Edit
{
    char kind; ///< ' ', '-' or '+'
    std::string_view line;
    std::size_t before; ///< line number in before (0-based) of this or the next kept line
    std::size_t after;
};

// The edit script of a[from..] against b[from..] (the common ends already taken away), by the
// longest common subsequence when both middles are short enough.
void compareMiddle(const std::vector<std::string_view> &a, const std::vector<std::string_view> &b,
    std::size_t first, std::size_t aEnd, std::size_t bEnd, std::size_t maxCompared,
    std::vector<Edit> &edits)
{
    const std::size_t n = aEnd - first;
    const std::size_t m = bEnd - first;
    if (n > maxCompared || m > maxCompared) {
        for (std::size_t i = 0; i < n; ++i)
            edits.push_back({'-', a[first + i], first + i, first});
        for (std::size_t j = 0; j < m; ++j)
            edits.push_back({'+', b[first + j], aEnd, first + j});
        return;
    }
    // lcs[i][j]: the longest common subsequence of a[first+i..] and b[first+j..].
    std::vector<std::vector<unsigned short>> lcs(n + 1, std::vector<unsigned short>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = a[first + i] == b[first + j]
                ? static_cast<unsigned short>(lcs[i + 1][j + 1] + 1)
                : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[first + i] == b[first + j]) {
            edits.push_back({' ', a[first + i], first + i, first + j});
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            edits.push_back({'-', a[first + i], first + i, first + j}); // removals first
            ++i;
        } else {
            edits.push_back({'+', b[first + j], first + i, first + j});
            ++j;
        }
    }
}

} // namespace

std::string LineDiff::unified(
    std::string_view before, std::string_view after, int context, std::size_t maxCompared)
{
    const std::vector<std::string_view> a = linesOf(before);
    const std::vector<std::string_view> b = linesOf(after);
    std::size_t first = 0;
    while (first < a.size() && first < b.size() && a[first] == b[first])
        ++first;
    std::size_t aEnd = a.size();
    std::size_t bEnd = b.size();
    while (aEnd > first && bEnd > first && a[aEnd - 1] == b[bEnd - 1]) {
        --aEnd;
        --bEnd;
    }
    if (first == aEnd && first == bEnd)
        return {};

    // The changed middle, with the kept lines around it as far as the context reaches.
    const auto reach = static_cast<std::size_t>(std::max(context, 0));
    std::vector<Edit> edits;
    const std::size_t start = first > reach ? first - reach : 0;
    for (std::size_t k = start; k < first; ++k)
        edits.push_back({' ', a[k], k, k});
    compareMiddle(a, b, first, aEnd, bEnd, maxCompared, edits);
    for (std::size_t k = 0; k < reach && aEnd + k < a.size(); ++k)
        edits.push_back({' ', a[aEnd + k], aEnd + k, bEnd + k});

    // Hunks: runs of edits whose kept lines between changes are at most twice the context.
    std::string text;
    std::size_t index = 0;
    while (index < edits.size()) {
        while (index < edits.size() && edits[index].kind == ' ')
            ++index;
        if (index == edits.size())
            break;
        std::size_t hunkStart = index;
        std::size_t kept = 0;
        while (hunkStart > 0 && edits[hunkStart - 1].kind == ' ' && kept < reach) {
            --hunkStart;
            ++kept;
        }
        std::size_t hunkEnd = index;
        std::size_t quiet = 0;
        while (hunkEnd < edits.size()) {
            quiet = edits[hunkEnd].kind == ' ' ? quiet + 1 : 0;
            ++hunkEnd;
            if (quiet > 2 * reach)
                break;
        }
        while (hunkEnd > index && edits[hunkEnd - 1].kind == ' ' && quiet > reach) {
            --hunkEnd;
            --quiet;
        }
        std::size_t removed = 0;
        std::size_t added = 0;
        for (std::size_t k = hunkStart; k < hunkEnd; ++k) {
            removed += edits[k].kind != '+';
            added += edits[k].kind != '-';
        }
        const Edit &head = edits[hunkStart];
        // "start,count", the count left out when it is one, as diff writes it.
        const auto range = [](std::size_t linesBefore, std::size_t count) {
            return std::to_string(linesBefore + (count > 0 ? 1 : 0))
                + (count == 1 ? std::string() : "," + std::to_string(count));
        };
        text += "@@ -" + range(head.before, removed) + " +" + range(head.after, added) + " @@\n";
        for (std::size_t k = hunkStart; k < hunkEnd; ++k) {
            text += edits[k].kind;
            text.append(edits[k].line);
            text += '\n';
        }
        index = hunkEnd;
    }
    return text;
}

} // namespace fondant
