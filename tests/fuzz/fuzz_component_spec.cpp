// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Feeds arbitrary bytes to the component spec reader (PyYAML rules) and the key recipe.
#include "core/cache/PipelineKeys.h"
#include "core/graph/OperationSpec.h"
#include "core/pipeline/Pipeline.h"
#include "core/spec/ComponentSpec.h"
#include "core/yaml/YamlReader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto root = fondant::YamlReader::parse(text, "fuzz.yaml", fondant::ScalarRules::PyYaml11);
    if (!root.ok())
        return 0;
    auto spec = fondant::ComponentSpec::fromValue(root.value(), "fuzz.yaml");
    if (!spec.ok())
        return 0;
    auto shared = std::make_shared<const fondant::ComponentSpec>(spec.value());
    auto operation = fondant::OperationSpec::build(shared, std::nullopt, std::nullopt, nullptr);
    if (operation.ok()) {
        fondant::Step step;
        (void)fondant::CacheKeyCalculator::compute(
            fondant::PipelineKeys::inputsFor(step, operation.value(), true, {}));
    }
    return 0;
}
