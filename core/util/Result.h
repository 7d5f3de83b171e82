// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/Diagnostic.h"

#include <cassert>
#include <optional>
#include <utility>

namespace fondant {

/// The outcome of an operation that can fail on user input: a value, or none, plus every
/// diagnostic (errors and warnings) found on the way.
template<typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) { }
    Result(T value, Diagnostics warnings)
        : m_value(std::move(value)), m_diagnostics(std::move(warnings))
    { }
    Result(Diagnostic error) : m_diagnostics {std::move(error)} { }
    Result(Diagnostics diagnostics) : m_diagnostics(std::move(diagnostics)) { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        assert(ok());
        return *m_value;
    }
    T &value() &
    {
        assert(ok());
        return *m_value;
    }
    T &&value() &&
    {
        assert(ok());
        return std::move(*m_value);
    }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Diagnostics &diagnostics() const { return m_diagnostics; }
    Diagnostics takeDiagnostics() { return std::move(m_diagnostics); }
    void addDiagnostic(Diagnostic diagnostic) { m_diagnostics.push_back(std::move(diagnostic)); }

    /// The first error's message, or an empty string.
    std::string errorMessage() const
    {
        for (const Diagnostic &d : m_diagnostics)
            if (d.isError())
                return d.message;
        return {};
    }

private:
    std::optional<T> m_value;
    Diagnostics m_diagnostics;
};

} // namespace fondant
