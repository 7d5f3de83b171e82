// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/graph/PipelineAnalysis.h"

#include <algorithm>

namespace fondant {

const StepAnalysis *PipelineAnalysis::find(const std::string &id) const
{
    auto it = std::find_if(
        steps.begin(), steps.end(), [&](const StepAnalysis &s) { return s.id == id; });
    return it == steps.end() ? nullptr : &*it;
}

} // namespace fondant
