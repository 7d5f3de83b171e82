// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
//
// generate_working_directory RUNS STEPS FOLDER: writes a working directory as Fondant leaves it
// after RUNS runs of a STEPS-step chain (FOLDER/bench/…), for whole-process timings of runs.
#include "GeneratedProject.h"

#include <QCoreApplication>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    bool runsOk = false;
    bool stepsOk = false;
    const int runs = arguments.size() == 4 ? arguments[1].toInt(&runsOk) : 0;
    const int steps = arguments.size() == 4 ? arguments[2].toInt(&stepsOk) : 0;
    if (!runsOk || !stepsOk || runs < 1 || steps < 1) {
        std::cerr << "usage: generate_working_directory RUNS STEPS FOLDER\n";
        return 2;
    }
    fondant::bench::GeneratedWorkingDirectory(arguments[3], static_cast<std::size_t>(steps), runs);
    std::cout << arguments[3].toStdString() << "\n";
    return 0;
}
