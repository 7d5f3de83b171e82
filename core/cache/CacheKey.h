// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Result.h"
#include "core/value/Value.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fondant {

/// The container image part of a key: the spec's image, plus the pip requirements and the
/// generated script of a lightweight (Python) component.
struct ImageSpec
{
    std::string baseImage;
    std::optional<std::vector<std::string>> extraRequires;
    std::optional<std::string> script;

    /// {"base_image": …, "extra_requires": …, "script": …} (Image.to_dict()).
    Value toValue() const;
};

/// Everything Fondant 0.12.1 feeds into one step's cache key.
struct CacheKeyInputs
{
    Value userArguments = Value::object(); ///< the arguments dict as given, in order
    std::optional<Value> inputPartitionRows;
    std::optional<bool> cache = true; ///< after the `latest` rule; nullopt is Python's None
    Value operationSpec; ///< OperationSpec.to_dict()
    ImageSpec image;
    std::optional<Value> numberOfAccelerators; ///< Resources fields, as the Python values given
    std::optional<Value> acceleratorName;
    std::optional<Value> nodePoolName;
    std::optional<std::string> previousKey; ///< the key of the previous step in graph order
};

/// A computed cache key with every pre-image kept, both as data and as the exact text hashed.
struct CacheKey
{
    CacheKeyInputs inputs;
    Value
        arguments; ///< the arguments dict with input_partition_rows, cache and operation_spec added
    Value image;
    Value final; ///< the dict whose MD5 is the key
    std::string argumentsText;
    std::string operationSpecText;
    std::string imageText;
    std::string finalText;
    std::string argumentsHash;
    std::string operationSpecHash;
    std::string imageHash;
    std::string key;
};

/// Computes cache keys exactly as Fondant 0.12.1's ComponentOp.get_component_cache_key.
class CacheKeyCalculator
{
public:
    static Result<CacheKey> compute(CacheKeyInputs inputs);
    /// Chains a computed key on another previous key in place: only the final dict's last member
    /// and its hash change, so a change upstream re-keys a long chain cheaply. On an error `key`
    /// is unusable.
    static std::optional<Diagnostic> rechain(
        CacheKey &key, const std::optional<std::string> &previousKey);

    /// Fondant 0.6.0's recipe (pipeline era), for keys found in old working directories:
    /// the component spec dict and cluster_type enter the arguments, no image hash.
    static Result<CacheKey> computeLegacy060(const Value &componentSpec, const Value &userArguments,
        const std::optional<Value> &inputPartitionRows, bool cache,
        const std::optional<std::string> &previousKey);
};

} // namespace fondant
