// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CliApplication.h"

#include <QCoreApplication>

#include <iostream>

#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fondant-studio-cli"));
    fondant::CliApplication cli(std::cout, std::cerr);
    cli.setColour(isatty(STDOUT_FILENO) == 1 && qEnvironmentVariableIsEmpty("NO_COLOR")
        && qgetenv("TERM") != "dumb");
    return cli.run(QCoreApplication::arguments().mid(1));
}
