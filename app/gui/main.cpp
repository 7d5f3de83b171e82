// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/Appearance.h"
#include "views/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <iostream>

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("fondant-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Fondant Studio"));
    QApplication::setOrganizationName(QStringLiteral("fondant-studio"));
    QApplication::setApplicationVersion(QStringLiteral(FONDANT_STUDIO_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fondant-studio.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Design Fondant pipelines and inspect their cache keys."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("pipeline"), QStringLiteral("A *.pipeline.yaml file to open."));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
        QStringLiteral("Colours for this run: system, light or dark (View > Theme remembers a "
                       "choice)."),
        QStringLiteral("theme"));
    parser.addOption(themeOption);
    parser.process(application);
    const QString themeName = parser.value(themeOption);
    const auto theme = themeName.isEmpty() ? fondant::Appearance::saved()
                                           : fondant::Appearance::fromName(themeName);
    if (!theme) {
        std::cerr << "fondant-studio: --theme is system, light or dark\n";
        return 2;
    }
    fondant::Appearance::apply(*theme);

    fondant::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.startOpening(parser.positionalArguments().constFirst());
    // Ask about unsaved work of a crashed session once the window is up.
    QTimer::singleShot(0, &window, &fondant::MainWindow::offerRecovery);
    return QApplication::exec();
}
