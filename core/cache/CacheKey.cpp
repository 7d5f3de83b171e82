// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/cache/CacheKey.h"

#include "core/cache/Md5.h"
#include "core/value/PyJson.h"

namespace fondant {

namespace {

template<typename T>
Value optionalValue(const std::optional<T> &value)
{
    return value ? Value(*value) : Value();
}

// md5(json.dumps(value, sort_keys=True)); keeps the text for explanations.
std::optional<Diagnostic> hashSorted(const Value &value, std::string &text, std::string &hash)
{
    if (const Value *mapping = PyJson::unsortableMapping(value))
        return Diagnostic::error({}, mapping->mark(), PyJson::unsortableMessage());
    text = PyJson::dumps(value, PyJson::KeyOrder::Sorted);
    Result<std::string> digest = Md5::hexDigest(text);
    if (!digest.ok())
        return digest.diagnostics().front();
    hash = digest.value();
    return std::nullopt;
}

} // namespace

Value ImageSpec::toValue() const
{
    Value value = Value::object();
    value.set("base_image", baseImage);
    if (extraRequires) {
        Value list = Value::array();
        for (const std::string &requirement : *extraRequires)
            list.append(requirement);
        value.set("extra_requires", std::move(list));
    } else {
        value.set("extra_requires", Value());
    }
    value.set("script", optionalValue(script));
    return value;
}

Result<CacheKey> CacheKeyCalculator::compute(CacheKeyInputs inputs)
{
    CacheKey key;
    key.arguments = inputs.userArguments.isObject() ? inputs.userArguments : Value::object();
    if (inputs.inputPartitionRows && !inputs.inputPartitionRows->isNull())
        key.arguments.set("input_partition_rows", *inputs.inputPartitionRows);
    if (inputs.cache)
        key.arguments.set("cache", *inputs.cache);
    key.arguments.set(
        "operation_spec", PyJson::dumps(inputs.operationSpec, PyJson::KeyOrder::Insertion));
    key.image = inputs.image.toValue();

    if (auto error = hashSorted(key.arguments, key.argumentsText, key.argumentsHash))
        return *error;
    if (auto error = hashSorted(inputs.operationSpec, key.operationSpecText, key.operationSpecHash))
        return *error;
    if (auto error = hashSorted(key.image, key.imageText, key.imageHash))
        return *error;
    key.inputs = std::move(inputs);
    key.final = Value::object();
    key.final.set("operation_spec_hash", key.operationSpecHash);
    key.final.set("image", key.imageHash);
    key.final.set("arguments", key.argumentsHash);
    key.final.set("input_partition_rows",
        key.inputs.inputPartitionRows ? *key.inputs.inputPartitionRows : Value());
    key.final.set("number_of_accelerators", optionalValue(key.inputs.numberOfAccelerators));
    key.final.set("accelerator_name", optionalValue(key.inputs.acceleratorName));
    key.final.set("node_pool_name", optionalValue(key.inputs.nodePoolName));
    if (key.inputs.previousKey)
        key.final.set("previous_component_cache", *key.inputs.previousKey);
    if (auto error = hashSorted(key.final, key.finalText, key.key))
        return *error;
    return key;
}

std::optional<Diagnostic> CacheKeyCalculator::rechain(
    CacheKey &key, const std::optional<std::string> &previousKey)
{
    // previous_component_cache sorts last in the final dict: only the text's tail changes.
    static constexpr std::string_view member = ", \"previous_component_cache\": ";
    key.finalText.resize(
        key.inputs.previousKey ? key.finalText.rfind(member) : key.finalText.size() - 1);
    key.inputs.previousKey = previousKey;
    if (previousKey) {
        key.final.set("previous_component_cache", *previousKey);
        key.finalText += member;
        key.finalText += PyJson::dumps(Value(*previousKey), PyJson::KeyOrder::Sorted);
    } else {
        key.final.remove("previous_component_cache");
    }
    key.finalText += '}';
    Result<std::string> digest = Md5::hexDigest(key.finalText);
    if (!digest.ok())
        return digest.diagnostics().front();
    key.key = std::move(digest).value();
    return std::nullopt;
}

Result<CacheKey> CacheKeyCalculator::computeLegacy060(const Value &componentSpec,
    const Value &userArguments, const std::optional<Value> &inputPartitionRows, bool cache,
    const std::optional<std::string> &previousKey)
{
    CacheKey key;
    key.arguments = userArguments.isObject() ? userArguments : Value::object();
    if (inputPartitionRows)
        key.arguments.set("input_partition_rows", *inputPartitionRows);
    key.arguments.set("cache", cache);
    key.arguments.set("cluster_type", "default");
    key.arguments.set("component_spec", componentSpec);
    if (auto error = hashSorted(key.arguments, key.argumentsText, key.argumentsHash))
        return *error;
    if (auto error = hashSorted(componentSpec, key.operationSpecText, key.operationSpecHash))
        return *error;
    key.final = Value::object();
    key.final.set("component_spec_hash", key.operationSpecHash);
    key.final.set("arguments", key.argumentsHash);
    key.final.set("input_partition_rows", inputPartitionRows ? *inputPartitionRows : Value());
    key.final.set("number_of_accelerators", Value());
    key.final.set("accelerator_name", Value());
    key.final.set("node_pool_name", Value());
    if (previousKey)
        key.final.set("previous_component_cache", *previousKey);
    if (auto error = hashSorted(key.final, key.finalText, key.key))
        return *error;
    key.inputs.userArguments = userArguments;
    key.inputs.inputPartitionRows = inputPartitionRows;
    key.inputs.cache = cache;
    key.inputs.operationSpec = componentSpec;
    key.inputs.previousKey = previousKey;
    return key;
}

} // namespace fondant
