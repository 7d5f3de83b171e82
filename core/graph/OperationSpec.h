// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/DatasetFields.h"
#include "core/pipeline/Pipeline.h"
#include "core/spec/ComponentSpec.h"
#include "core/util/Result.h"

#include <memory>
#include <optional>
#include <string>

namespace fondant {

/// One use of a component with its consumes/produces mappings (Fondant's OperationSpec):
/// the mappings as Fondant serialises them, and the field schemas they derive.
class OperationSpec
{
public:
    /// Builds the operation like Dataset.create/apply does. datasetFields are the fields of the
    /// dataset the step is applied to (nullptr for the first step). Without a consumes mapping,
    /// one is inferred (every spec field, or every dataset field for a generic consumer).
    /// Errors carry the mapping entry as fieldPath ("consumes.text").
    static Result<OperationSpec> build(std::shared_ptr<const ComponentSpec> spec,
        const std::optional<FieldMapping> &consumes, const std::optional<FieldMapping> &produces,
        const DatasetFields *datasetFields);

    const ComponentSpec &spec() const { return *m_spec; }
    std::shared_ptr<const ComponentSpec> sharedSpec() const { return m_spec; }

    /// The consumes / produces mappings as serialised: types as normalised dicts, renames as text.
    const Value &consumesMapping() const { return m_consumes; }
    const Value &producesMapping() const { return m_produces; }
    /// True when the consumes mapping was inferred rather than given.
    bool consumesInferred() const { return m_consumesInferred; }

    /// Fields as the component code sees them, and as they are read from / written to the dataset.
    const FieldList &operationConsumes() const { return m_operationConsumes; }
    const FieldList &datasetConsumes() const { return m_datasetConsumes; }
    const FieldList &operationProduces() const { return m_operationProduces; }
    const FieldList &datasetProduces() const { return m_datasetProduces; }

    /// {"specification": …, "consumes": …, "produces": …} in that order (to_dict()).
    Value toValue() const;
    /// The --operation_spec text: toValue() as json.dumps without sorting (to_json()).
    std::string toJson() const;

    /// The fields of the dataset after this operation (manifest evolution, §3.4), those it
    /// writes credited to the step stepId.
    DatasetFields evolve(const DatasetFields &input, const std::string &stepId) const;

private:
    std::shared_ptr<const ComponentSpec> m_spec;
    Value m_consumes = Value::object();
    Value m_produces = Value::object();
    bool m_consumesInferred = false;
    FieldList m_operationConsumes;
    FieldList m_datasetConsumes;
    FieldList m_operationProduces;
    FieldList m_datasetProduces;
};

} // namespace fondant
