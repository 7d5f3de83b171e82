// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Fondant Studio"));
    QApplication::setOrganizationName(QStringLiteral("Fondant Studio"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Design Fondant pipelines and inspect their cache keys."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("pipeline"), QStringLiteral("A *.pipeline.yaml file to open."));
    parser.process(application);

    fondant::MainWindow window;
    if (!parser.positionalArguments().isEmpty())
        window.openPipeline(parser.positionalArguments().constFirst());
    window.show();
    return QApplication::exec();
}
