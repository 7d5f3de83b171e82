// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
// Feeds arbitrary bytes to the component spec reader (PyYAML rules) and the key recipe, then
// writes the spec's normalised dict back as YAML: it must read back to the same dict under both
// PyYAML and YAML 1.2 core rules (a spec default copied into a pipeline is written this way), and
// as a spec it must give the same cache key.
#include "core/cache/PipelineKeys.h"
#include "core/graph/OperationSpec.h"
#include "core/pipeline/Pipeline.h"
#include "core/spec/ComponentSpec.h"
#include "core/value/PyJson.h"
#include "core/yaml/YamlReader.h"
#include "core/yaml/YamlWriter.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace {

std::optional<fondant::ComponentSpec> readSpec(std::string_view text)
{
    auto root = fondant::YamlReader::parse(text, "fuzz.yaml", fondant::ScalarRules::PyYaml11);
    if (!root.ok())
        return std::nullopt;
    auto spec = fondant::ComponentSpec::fromValue(root.value(), "fuzz.yaml");
    if (!spec.ok())
        return std::nullopt;
    return std::move(spec).value();
}

// The key of a first step using the spec with its inferred mappings (nullopt when it has none),
// after using the spec's accessors and the operation built on its own produced fields.
std::optional<std::string> standaloneKey(const fondant::ComponentSpec &spec)
{
    (void)spec.safeName();
    (void)fondant::ComponentSpec::kfpSafeNameOf(spec.name());
    (void)spec.imageTag();
    (void)spec.hasLatestTag();
    for (const fondant::ArgumentSpec &argument : spec.arguments()) {
        (void)argument.isRequired();
        (void)argument.defaultsToNone();
        if (argument.defaultValue)
            (void)argument.accepts(*argument.defaultValue);
    }
    auto shared = std::make_shared<const fondant::ComponentSpec>(spec);
    auto operation = fondant::OperationSpec::build(shared, std::nullopt, std::nullopt, nullptr);
    if (!operation.ok())
        return std::nullopt;
    const fondant::DatasetFields dataset = operation.value().evolve({}, "first");
    auto applied = fondant::OperationSpec::build(shared, std::nullopt, std::nullopt, &dataset);
    if (applied.ok())
        (void)applied.value().evolve(dataset, "second");
    fondant::Step step;
    auto key = fondant::CacheKeyCalculator::compute(
        fondant::PipelineKeys::inputsFor(step, operation.value(), !spec.hasLatestTag(), {}));
    if (!key.ok())
        return std::nullopt;
    return key.value().key;
}

std::string dictText(const fondant::Value &value)
{
    return fondant::PyJson::dumps(value, fondant::PyJson::KeyOrder::Insertion);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const std::optional<fondant::ComponentSpec> spec = readSpec(text);
    if (!spec)
        return 0;
    const std::optional<std::string> key = standaloneKey(*spec);

    std::string written;
    for (const fondant::Member &member : spec->specification().members())
        fondant::YamlWriter::appendMember(written, member, 0);
    const std::string dict = written;
    if (!spec->specification().contains("description"))
        written += "description: \"\"\n"; // required in a spec, dropped from the dict when empty
    const std::optional<fondant::ComponentSpec> again = readSpec(written);
    if (!again || dictText(again->specification()) != dictText(spec->specification()))
        __builtin_trap(); // the written spec must read back to the same dict
    if (standaloneKey(*again) != key)
        __builtin_trap(); // and to the same key
    auto core = fondant::YamlReader::parse(dict, "fuzz.yaml", fondant::ScalarRules::Yaml12Core);
    if (!core.ok() || dictText(core.value()) != dictText(spec->specification()))
        __builtin_trap(); // written values read the same under YAML 1.2 core rules
    return 0;
}
