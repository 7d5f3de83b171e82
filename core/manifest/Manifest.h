// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spec/FieldType.h"
#include "core/util/Result.h"
#include "core/value/Value.h"

#include <QString>

#include <optional>
#include <string>

namespace fondant {

class OperationSpec;

/// A Fondant 0.12 manifest (manifest.json): run metadata, the index location and every field
/// of the dataset with its type and the folder holding its data.
class Manifest
{
public:
    /// Reads and checks a manifest against Fondant's manifest schema.
    static Result<Manifest> fromFile(const QString &path);
    static Result<Manifest> fromValue(const Value &root, const std::string &fileName);
    /// A fresh manifest as Fondant's executor creates one for a load step.
    static Manifest create(const std::string &datasetName, const std::string &runId,
        const std::string &componentId, const std::string &cacheKey);

    std::optional<std::string> datasetName() const { return metadataText("dataset_name"); }
    std::optional<std::string> runId() const { return metadataText("run_id"); }
    std::optional<std::string> componentId() const { return metadataText("component_id"); }
    /// The cache key in the metadata: the key of the run's first step, not of this step.
    std::optional<std::string> cacheKey() const { return metadataText("cache_key"); }
    std::optional<std::string> manifestLocation() const
    {
        return metadataText("manifest_location");
    }
    std::optional<std::string> indexLocation() const;

    /// The dataset fields with their normalised types (the "fields" section, in order).
    FieldList fields() const;
    /// The location of one field's data, if the field exists and has one.
    std::optional<std::string> fieldLocation(const std::string &name) const;

    /// What a step does to its input manifest (Fondant's evolve): new run id and component id,
    /// index and produced fields moved to workingDirectory/dataset/runId/componentId.
    Manifest evolve(const OperationSpec &operation, const std::string &runId,
        const std::optional<std::string> &workingDirectory) const;

    void setManifestLocation(const std::string &location);
    /// The manifest as Fondant writes it: one line, json.dump defaults.
    std::string toJson() const;
    const Value &toValue() const { return m_root; }

private:
    std::optional<std::string> metadataText(const char *key) const;
    Value m_root;
};

} // namespace fondant
