// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
//
// generate_working_directory RUNS STEPS FOLDER: writes a working directory as Fondant leaves it
// after RUNS runs of a STEPS-step chain (FOLDER/bench/…), for whole-process timings of runs.
// generate_working_directory --recorded STEPS FOLDER: writes a generated STEPS-step project in
// FOLDER/project and a working directory FOLDER/wd holding one recorded run of it, for
// whole-process timings of status and explain.
#include "GeneratedProject.h"
#include "core/session/PipelineSession.h"

#include <QCoreApplication>
#include <QDir>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const bool recorded = arguments.size() == 4 && arguments[1] == QLatin1String("--recorded");
    bool runsOk = recorded;
    bool stepsOk = false;
    const int runs = arguments.size() == 4 && !recorded ? arguments[1].toInt(&runsOk) : 1;
    const int steps = arguments.size() == 4 ? arguments[2].toInt(&stepsOk) : 0;
    if (!runsOk || !stepsOk || runs < 1 || steps < 1) {
        std::cerr << "usage: generate_working_directory RUNS STEPS FOLDER\n"
                     "       generate_working_directory --recorded STEPS FOLDER\n";
        return 2;
    }
    const QDir folder(arguments[3]);
    if (recorded) {
        const QString pipeline = fondant::bench::writeGeneratedProject(
            steps, folder.filePath(QStringLiteral("project")));
        fondant::Result<fondant::PipelineSession> session
            = fondant::PipelineSession::open(pipeline);
        if (pipeline.isEmpty() || !session.ok()) {
            std::cerr << "cannot write the project\n";
            return 1;
        }
        fondant::bench::writeRecordedRun(session.value(), folder.filePath(QStringLiteral("wd")));
        std::cout << pipeline.toStdString() << "\n";
        return 0;
    }
    fondant::bench::GeneratedWorkingDirectory(arguments[3], static_cast<std::size_t>(steps), runs);
    std::cout << arguments[3].toStdString() << "\n";
    return 0;
}
