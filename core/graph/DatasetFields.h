// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spec/FieldType.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fondant {

/// The fields of a dataset at one point of a pipeline, in Fondant's order, each with the step
/// that wrote it last. A persistent value: copying is free and setting a field shares every
/// other field with the copy it came from, so the datasets of all steps of a long chain take
/// memory and time linear in the fields the steps write, not in steps times fields.
class DatasetFields
{
public:
    struct Entry
    {
        Field field;
        std::string producer; ///< id of the step that wrote the field last
    };

    /// The fields of a list, in its order, all credited to one producer.
    static DatasetFields of(const FieldList &fields, const std::string &producer);

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    /// The field with this name, or nullptr. Logarithmic in size().
    const Entry *find(const std::string &name) const;

    /// Sets a field like a Python dict: replaced where it stands when present (type and
    /// producer), appended otherwise. Logarithmic in size().
    void set(const std::string &name, const FieldType &type, const std::string &producer);

    /// The fields in order, at most `limit` of them.
    std::vector<const Entry *> entries(std::size_t limit = SIZE_MAX) const;
    FieldList fields() const;
    /// "a, b, c" for messages, at most `limit` names and then how many more; "(none)" when empty.
    std::string names(std::size_t limit = 30) const;

    /// The same names, types and order (producers aside). Cheap when one was derived from the
    /// other by a few changes: shared parts are not compared.
    bool sameFieldsAs(const DatasetFields &other) const;
    /// The same fields and producers.
    bool operator==(const DatasetFields &other) const;

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
    std::size_t m_size = 0;
};

} // namespace fondant
