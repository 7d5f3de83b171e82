// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spec/FieldType.h"
#include "core/util/Result.h"
#include "core/value/Value.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace fondant {

/// One user-facing argument of a component, as declared under "args".
struct ArgumentSpec
{
    std::string name;
    std::string type; ///< str, int, float, bool, dict, list, tuple or set
    std::string description;
    std::optional<Value> defaultValue; ///< absent when the spec gives no default
    SourceMark mark;

    /// Fondant runs the container without it only when a default is given that is not null
    /// (`default: None`, the text, makes an argument optional; a real null does not).
    bool isRequired() const { return !defaultValue || defaultValue->isNull(); }
    /// True when a value has the kind the argument's type asks for (an int also fits a float).
    bool accepts(const Value &value) const;
    /// `default: None`: optional, no value passed.
    bool defaultsToNone() const
    {
        return defaultValue && defaultValue->isString() && defaultValue->toString() == "None";
    }
};

/// The consumes or produces section of a spec: named fields plus the additionalProperties flag.
struct FieldSection
{
    bool defined = false; ///< the section is present in the spec with at least one key
    bool additionalProperties = false;
    FieldList fields;
    std::vector<SourceMark> fieldMarks; ///< parallel to fields
};

/// A Fondant component specification (fondant_component.yaml) as Fondant 0.12.1 reads it,
/// kept both as typed parts and as the normalised dict that Fondant hashes.
class ComponentSpec
{
public:
    /// Reads a fondant_component.yaml with PyYAML's rules. Errors name the key, line and column.
    static Result<ComponentSpec> fromFile(const QString &path);
    /// Builds a spec from YAML already read; fileName is used in diagnostics.
    static Result<ComponentSpec> fromValue(const Value &root, const std::string &fileName);

    const std::string &name() const { return m_name; }
    const std::string &image() const { return m_image; }
    const std::string &description() const { return m_description; }
    const std::vector<std::string> &tags() const { return m_tags; }
    const FieldSection &consumes() const { return m_consumes; }
    const FieldSection &produces() const { return m_produces; }
    const std::string &previousIndex() const { return m_previousIndex; }
    const std::vector<ArgumentSpec> &arguments() const { return m_arguments; }
    const ArgumentSpec *argument(const std::string &name) const;

    /// Fondant's component id: the name lowercased, spaces replaced by underscores.
    std::string safeName() const { return safeNameOf(m_name); }
    /// The image tag after the last colon, or an empty string for an untagged image.
    std::string imageTag() const;
    /// True when Fondant turns caching off for this image (its tag is "latest").
    bool hasLatestTag() const;

    /// The normalised spec dict (name, image, description, tags, consumes, produces,
    /// previous_index, args; empty optional sections dropped), values exactly as read.
    const Value &specification() const { return m_specification; }

    /// The file this spec was read from, and its folder (empty for specs built in memory).
    const std::string &filePath() const { return m_filePath; }
    const std::string &directory() const { return m_directory; }
    /// The place of a top-level key in the spec file.
    SourceMark markOf(const std::string &key) const;

    static std::string safeNameOf(const std::string &name);
    /// KFP's rule: lowercase, runs outside [-0-9a-z] become '-', no leading/trailing '-'.
    static std::string kfpSafeNameOf(const std::string &name);
    static const std::vector<std::string> &argumentTypes();

private:
    std::string m_name;
    std::string m_image;
    std::string m_description;
    std::vector<std::string> m_tags;
    FieldSection m_consumes;
    FieldSection m_produces;
    std::string m_previousIndex;
    std::vector<ArgumentSpec> m_arguments;
    Value m_specification;
    Value m_source;
    std::string m_filePath;
    std::string m_directory;
};

} // namespace fondant
