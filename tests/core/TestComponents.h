// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spec/ComponentResolver.h"

#include <memory>

namespace fondant::test {

/// A component spec from the test components in tests/data/components.
inline std::shared_ptr<const ComponentSpec> component(const char *name)
{
    static const ComponentResolver resolver({QStringLiteral(FONDANT_TEST_DATA_DIR "/components")});
    return resolver.resolve(name).value();
}

} // namespace fondant::test
