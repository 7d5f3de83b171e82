// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/cli/Command.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <ostream>

namespace fondant {

namespace {

// Drawing needs Qt Gui, Widgets and Svg; the other commands need none of them, so
// the drawing lives in a helper program next to this one (or in libexec once installed).
QString renderHelper()
{
    const QString configured = qEnvironmentVariable("FONDANT_STUDIO_RENDER");
    if (!configured.isEmpty())
        return configured;
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QStringLiteral("fondant-studio-render")),
             here.filePath(QStringLiteral("../libexec/fondant-studio/fondant-studio-render"))})
        if (QFileInfo(candidate).isExecutable())
            return QDir::cleanPath(candidate);
    return {};
}

} // namespace

int renderCommand(CommandContext &context, const QStringList &arguments)
{
    const QString name = QStringLiteral("render");
    CommandLine line(name,
        QStringLiteral("Draws the pipeline as the designer shows it into a PNG or SVG picture; "
                       "with a working directory, every step's cache status and a legend. "
                       "Writes nothing, and exits 1, when the pipeline has errors."),
        QStringLiteral(
            "PIPELINE -o FILE.png|FILE.svg [--theme light|dark] [--working-directory DIR]"));
    line.addComponentsOption();
    line.parser.addOption(QCommandLineOption(QStringLiteral("working-directory"),
        QStringLiteral("Show what Fondant's cache would do with every step if the pipeline ran "
                       "now in this working directory, with a legend."),
        QStringLiteral("DIR")));
    line.parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("The picture to write (.png or .svg)."), QStringLiteral("FILE")));
    line.parser.addOption(QCommandLineOption(QStringLiteral("theme"),
        QStringLiteral("Light (the default) or dark colours."), QStringLiteral("light|dark"),
        QStringLiteral("light")));
    if (const auto done = line.parse(context, arguments, 1, 1))
        return *done;
    const QString theme = line.parser.value(QStringLiteral("theme"));
    if (theme != QLatin1String("light") && theme != QLatin1String("dark"))
        return context.usageError(name, QStringLiteral("--theme is light or dark"));
    const QString output = line.parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        return context.usageError(name, QStringLiteral("needs -o FILE.png or -o FILE.svg"));
    if (!output.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)
        && !output.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
        return context.usageError(name, QStringLiteral("the picture must end in .png or .svg"));

    const QString helper = renderHelper();
    if (helper.isEmpty()) {
        context.err << "fondant-studio-cli render: error: the drawing helper "
                       "fondant-studio-render is not installed next to this program\n";
        return InvalidInput;
    }
    QProcess process;
    process.setProgram(helper);
    process.setArguments(arguments);
    process.start();
    if (!process.waitForStarted() || !process.waitForFinished(-1)) {
        context.err << "fondant-studio-cli render: error: cannot run " << helper.toStdString()
                    << ": " << process.errorString().toStdString() << "\n";
        return InvalidInput;
    }
    context.out << process.readAllStandardOutput().toStdString();
    context.err << process.readAllStandardError().toStdString();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : InvalidInput;
}

} // namespace fondant
