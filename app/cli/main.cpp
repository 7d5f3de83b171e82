// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CliApplication.h"

#include <QCoreApplication>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fondant-studio-cli"));
    return fondant::CliApplication(std::cout, std::cerr).run(QCoreApplication::arguments().mid(1));
}
