// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/cli/Command.h"

#include <QStringList>

#include <iosfwd>

namespace fondant {

/// Runs one fondant-studio-cli command: picks the command by its name and hands it the rest of
/// the arguments; results go to out, problems to err; returns the exit code.
class CliApplication
{
public:
    CliApplication(std::ostream &out, std::ostream &err);

    int run(const QStringList &arguments);
    /// Colours in text reports (for a terminal).
    void setColour(bool on) { m_context.colour = on; }

private:
    CommandContext m_context;
};

} // namespace fondant
