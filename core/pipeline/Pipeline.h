// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spec/FieldType.h"
#include "core/util/Diagnostic.h"
#include "core/value/Value.h"
#include "core/yaml/YamlComments.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fondant {

/// Where each key of a document was read, by dotted path ("component", "arguments.min_width").
class SourceMap
{
public:
    void set(const std::string &path, SourceMark mark) { m_marks[path] = mark; }
    /// The place of path, else of its closest recorded parent path, else fallback.
    SourceMark find(const std::string &path, SourceMark fallback = {}) const;
    void clear() { m_marks.clear(); }

private:
    std::unordered_map<std::string, SourceMark> m_marks;
};

/// The comments a user wrote in a document, by the dotted path of the element they describe
/// ("" for a step itself, "component", "arguments.min_width", "resources.cpu_request"), so that
/// they move with the element when steps are renamed, reordered or removed.
class Comments
{
public:
    /// The comments of the element at path, or nullptr.
    const ElementComments *find(std::string_view path) const;
    /// Sets the comments of the element at path; empty comments remove its entry.
    void set(std::string_view path, ElementComments comments);
    bool isEmpty() const { return m_comments.empty(); }
    friend bool operator==(const Comments &, const Comments &) = default;

private:
    std::map<std::string, ElementComments, std::less<>> m_comments;
};

/// One entry of a consumes/produces mapping: the operation's field name, mapped either to a
/// type (typing) or to another column name (rename).
struct FieldMappingEntry
{
    std::string name;
    std::optional<FieldType> type;
    std::string rename;

    bool isRename() const { return !type.has_value(); }
    friend bool operator==(const FieldMappingEntry &, const FieldMappingEntry &) = default;
};
using FieldMapping = std::vector<FieldMappingEntry>;

/// The Resources(...) of a step. Each field keeps the value as written: Fondant hashes
/// whatever Python value it is given (a node pool named 2024 is the number 2024 in the key).
struct Resources
{
    std::optional<Value> acceleratorNumber;
    std::optional<Value> acceleratorName;
    std::optional<Value> nodePoolLabel;
    std::optional<Value> nodePoolName;
    std::optional<Value> cpuRequest;
    std::optional<Value> cpuLimit;
    std::optional<Value> memoryRequest;
    std::optional<Value> memoryLimit;
    std::optional<Value> instanceType;

    bool isEmpty() const;
    friend bool operator==(const Resources &, const Resources &) = default;
};

/// One field of Resources, described once for the reader, writer, validator, editors and
/// exporters: its key in a pipeline file (Fondant's keyword), what it is, and its place.
struct ResourceField
{
    enum class Kind { Count, Accelerator, NodePool, Cpu, Memory, Text };
    const char *key; ///< e.g. "accelerator_number"
    const char *label; ///< for people, e.g. "Accelerators"
    Kind kind;
    bool entersCacheKey; ///< accelerator_number, accelerator_name and node_pool_name do
    std::optional<Value> Resources::*member;
};

/// Every resource field, in the order a pipeline file writes them.
const std::vector<ResourceField> &resourceFields();
/// The field with this key, or nullptr.
const ResourceField *findResourceField(std::string_view key);

struct Point
{
    double x = 0;
    double y = 0;
    friend bool operator==(const Point &, const Point &) = default;
};

/// One Dataset.create / apply / write call of a pipeline.
struct Step
{
    std::string id;
    std::string component; ///< a component name, or a path starting with ./ ../ or /
    std::string input; ///< id of the step whose output this step reads; empty for the first
    Value arguments = Value::object();
    std::optional<FieldMapping> consumes;
    std::optional<FieldMapping> produces;
    std::optional<Value> inputPartitionRows; ///< an int or a text
    std::optional<bool> cache = true; ///< nullopt is Python's None: no cache argument, caching off
    Resources resources;
    SourceMap marks; ///< places of this step's keys in the file it was read from
    SourceMark mark; ///< the place of the step itself
    Comments comments; ///< by field path; "" holds the lines above the step
};

/// A pipeline document (*.pipeline.yaml): a Fondant dataset built step by step.
struct Pipeline
{
    int version = 1;
    std::string name;
    std::string description;
    std::string workingDirectory; ///< as written; relative to the file's folder
    std::vector<std::string> componentDirs;
    std::vector<Step> steps;
    std::unordered_map<std::string, Point> positions; ///< where the designer draws each step, by id

    std::string filePath; ///< where it was read from or saved to; empty for a new document
    SourceMap marks; ///< places of top-level keys
    Comments comments; ///< by top-level key; "version" holds the lines that open the file
    std::string endComments; ///< comment lines after the last element, each followed by '\n'

    /// The folder relative paths are resolved against (the file's folder, or the current one).
    std::string baseDirectory() const;
    const Step *findStep(const std::string &id) const;
    Step *findStep(const std::string &id);
    /// Index of the step with this id, or -1.
    int indexOf(const std::string &id) const;
};

} // namespace fondant
