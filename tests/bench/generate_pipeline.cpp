// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
//
// generate_pipeline N FOLDER: writes an N-step pipeline project for whole-process timings
// (FOLDER/pipeline.yaml, one component spec per step in FOLDER/components/).
#include "GeneratedProject.h"

#include <QCoreApplication>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    bool isNumber = false;
    const int steps = arguments.size() == 3 ? arguments[1].toInt(&isNumber) : 0;
    if (!isNumber || steps < 1) {
        std::cerr << "usage: generate_pipeline N FOLDER\n";
        return 2;
    }
    const QString pipeline = fondant::bench::writeGeneratedProject(steps, arguments[2]);
    if (pipeline.isEmpty()) {
        std::cerr << "error: cannot write into " << arguments[2].toStdString() << "\n";
        return 1;
    }
    std::cout << pipeline.toStdString() << "\n";
    return 0;
}
