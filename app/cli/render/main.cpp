// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
//
// fondant-studio-render: the drawing half of `fondant-studio-cli render`, kept apart so that the
// command-line tool loads no GUI library. Arguments: PIPELINE -o FILE [--components DIR]...
// [--theme light|dark] [--working-directory DIR]
#include "core/history/RunRecord.h"
#include "views/document/CacheInspector.h"
#include "views/document/PipelineDocument.h"
#include "views/scene/CacheLegend.h"
#include "views/scene/GraphScene.h"
#include "views/scene/SceneRenderer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>

#include <unistd.h>

#include <iostream>
#include <optional>

namespace {

// Qt wants a private runtime folder; a terminal session may not have one.
void ensureRuntimeFolder()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QString runtime
        = QDir::temp().filePath(QStringLiteral("fondant-studio-runtime-%1").arg(getuid()));
    QDir().mkpath(runtime);
    QFile::setPermissions(
        runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
}

} // namespace

int main(int argc, char *argv[])
{
    // Drawing needs a GUI application object, but never a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    ensureRuntimeFolder();
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(QStringLiteral("components"), {}, QStringLiteral("DIR")));
    parser.addOption(QCommandLineOption(
        {QStringLiteral("o"), QStringLiteral("output")}, {}, QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(QStringLiteral("theme"), {}, QStringLiteral("THEME")));
    parser.addOption(
        QCommandLineOption(QStringLiteral("working-directory"), {}, QStringLiteral("DIR")));
    if (!parser.parse(QCoreApplication::arguments()) || parser.positionalArguments().size() != 1
        || !parser.isSet(QStringLiteral("output"))) {
        std::cerr << "usage: fondant-studio-render PIPELINE -o FILE [--components DIR]... [--theme "
                     "light|dark] [--working-directory DIR]\n";
        return 2;
    }
    using namespace fondant;
    QApplication::setPalette(parser.value(QStringLiteral("theme")) == QLatin1String("dark")
            ? CanvasStyle::darkPalette()
            : CanvasStyle::lightPalette());
    PipelineDocument document;
    // Given a working directory, the cache of every step is drawn as the designer shows it. The
    // inspector is made before the scene (which shows what it tells), and told its folder before
    // the pipeline is read, so that the folder is read once.
    std::optional<CacheInspector> inspector;
    if (parser.isSet(QStringLiteral("working-directory"))) {
        const QString folder = parser.value(QStringLiteral("working-directory"));
        inspector.emplace(document);
        inspector->chooseWorkingDirectory(
            RunRecord::isRemote(folder) ? folder : QDir::current().absoluteFilePath(folder));
    }
    document.setExtraComponentDirs(parser.values(QStringLiteral("components")));
    const Diagnostics problems = document.load(parser.positionalArguments().first());
    const Diagnostics all = hasErrors(problems) ? problems : document.diagnostics();
    for (const Diagnostic &d : all)
        std::cerr << d.toString() << "\n";
    if (hasErrors(all))
        return 1;
    std::optional<CacheLegend> legend;
    if (inspector) {
        if (!inspector->history()) {
            std::cerr << "error: " << withVisibleControls(inspector->problem().toStdString())
                      << "\n";
            return 1;
        }
        for (const Diagnostic &d : inspector->history()->warnings())
            std::cerr << d.toString() << "\n";
        if (inspector->history()->isRemote()) // its runs are known, its cache is not
            std::cerr << "warning: " << withVisibleControls(inspector->summary().toStdString())
                      << "\n";
    }
    GraphScene scene(document); // places steps without a position in the file
    if (inspector) {
        scene.setCacheInspector(&*inspector);
        legend.emplace(inspector->counts(), false);
    }
    const QString output = parser.value(QStringLiteral("output"));
    const QString error = SceneRenderer::render(scene, output, legend ? &*legend : nullptr);
    if (!error.isEmpty()) {
        std::cerr << withVisibleControls(error.toStdString()) << "\n";
        return 1;
    }
    std::cout << "wrote " << withVisibleControls(output.toStdString()) << "\n";
    return 0;
}
