// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/MainWindow.h"
#include "views/dialogs/ShortcutsDialog.h"

#include "views/document/Autosave.h"
#include "views/document/PipelineDocument.h"
#include "views/models/ComponentLibraryModel.h"
#include "views/models/DiagnosticsModel.h"
#include "views/models/KeyDiffModel.h"
#include "views/panels/KeyDiffDock.h"
#include "views/panels/PaletteDock.h"
#include "views/panels/ProblemsDock.h"
#include "views/panels/PropertiesDock.h"
#include "views/scene/GraphScene.h"
#include "views/scene/GraphView.h"
#include "views/scene/StepItem.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QDropEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace fondant;

/// The designer window as a user drives it. With FONDANT_SCREENSHOT_DIR set, each scenario
/// also saves a picture of the window there.
class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void opensTheBundledExample();
    void brokenFileIsReportedAndTheDocumentKept();
    void aPipelineWithErrorsOpensWithItsProblemsInFront();
    void selectingAStepShowsItsProperties();
    void problemClickFocusesTheField();
    void paletteActivationAddsAStep();
    void recoversAutosavedWork();
    void titleShowsUnsavedChanges();
    void droppedPipelineFileOpens();
    void opensInTheBackground();
    void copyPasteAndDeleteThroughTheMenu();
    void autoLayoutIsOneUndo();
    void saveAsHasItsShortcut();
    void shortcutsSheetListsTheActions();
    void findsFondantsOwnComponents();
    void remembersRecentFiles();
    void theExampleShowsItsCacheAndWhy();

private:
    void screenshot(QWidget &window, const QString &name);
    QTemporaryDir m_autosave;
};

static const QString example = QStringLiteral(FONDANT_EXAMPLE_DIR "/reviews.pipeline.yaml");

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_MainWindow::init()
{
    QSettings().clear();
}

void tst_MainWindow::theExampleShowsItsCacheAndWhy()
{
    // The example's working directory holds four runs of earlier versions of it.
    MainWindow window(m_autosave.path());
    window.resize(1500, 900);
    window.show();
    QVERIFY(window.openFile(example));
    auto *summary = window.findChild<QToolButton *>(QStringLiteral("cacheSummary"));
    QVERIFY(summary->text().startsWith(QStringLiteral("2 of 7 steps cached; 5 will run because")));
    QCOMPARE(
        window.scene().stepItem(QStringLiteral("read_reviews"))->look().cache, CacheState::Cached);
    // A click on the summary shows the step that changed itself, and why.
    summary->click();
    QCOMPARE(window.scene().selectedStepIds(), QStringList {QStringLiteral("filter_text_size")});
    QVERIFY(window.keyDiff().isVisible());
    QVERIFY2(window.keyDiff().summary().contains(QStringLiteral("changed itself")),
        qPrintable(window.keyDiff().summary()));
    QCOMPARE(window.keyDiff().model()->rowCount(), 1);
    QCOMPARE(window.keyDiff().model()->index(0, KeyDiffModel::IngredientColumn).data().toString(),
        QStringLiteral("arguments.min_characters"));
}

void tst_MainWindow::screenshot(QWidget &window, const QString &name)
{
    const QString folder = qEnvironmentVariable("FONDANT_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QCoreApplication::processEvents();
    window.grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png"));
}

void tst_MainWindow::opensTheBundledExample()
{
    MainWindow window(m_autosave.path());
    window.resize(1500, 900);
    window.show();
    QVERIFY(window.openFile(example));
    QCOMPARE(window.document().stepIds().size(), 7);
    QVERIFY(window.scene().stepItem(QStringLiteral("embed_sentences")));
    QVERIFY(window.scene().edgeInto(QStringLiteral("embed_sentences")));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("reviews")));
    QVERIFY(window.library().rowCount() > 0);
    QTest::qWait(50);
    screenshot(window, QStringLiteral("01-example"));
}

void tst_MainWindow::brokenFileIsReportedAndTheDocumentKept()
{
    MainWindow window(m_autosave.path());
    QVERIFY(window.openFile(example));
    QVERIFY(!window.openFile(QStringLiteral("/nonexistent/x.pipeline.yaml")));
    QCOMPARE(window.document().stepIds().size(), 7);
}

void tst_MainWindow::aPipelineWithErrorsOpensWithItsProblemsInFront()
{
    QTemporaryDir dir;
    QFile original(example);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray text = original.readAll();
    text.replace("min_words: 8", "min_words: eight");
    const QString broken = dir.filePath(QStringLiteral("broken.pipeline.yaml"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    MainWindow window(m_autosave.path());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        if (dock != &window.problems() && dock->windowTitle() == QStringLiteral("History"))
            dock->raise(); // as a restored layout may have left it
    QVERIFY(window.openFile(broken));
    QVERIFY(window.document().analysis().hasErrors());
    QTRY_VERIFY(!window.problems().visibleRegion().isEmpty());
    // The count stays in the status bar, and brings Problems back to the front.
    auto *count = window.findChild<QToolButton *>(QStringLiteral("problemCount"));
    QVERIFY(count);
    QVERIFY2(count->text().startsWith(QStringLiteral("1 error")), qPrintable(count->text()));
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        if (dock->windowTitle() == QStringLiteral("History"))
            dock->raise();
    QTRY_VERIFY(window.problems().visibleRegion().isEmpty());
    count->click();
    QTRY_VERIFY(!window.problems().visibleRegion().isEmpty());
    QVERIFY(window.openFile(example));
    QCOMPARE(count->text(), QStringLiteral("No problems"));
}

void tst_MainWindow::selectingAStepShowsItsProperties()
{
    MainWindow window(m_autosave.path());
    window.resize(1500, 900);
    window.show();
    QVERIFY(window.openFile(example));
    window.scene().selectSteps({QStringLiteral("filter_text_size")});
    QCOMPARE(window.properties().stepId(), QStringLiteral("filter_text_size"));
    auto *minCharacters
        = window.properties().fieldWidget(QStringLiteral("arguments.min_characters"));
    QVERIFY(minCharacters);
    auto *line = minCharacters->findChild<QLineEdit *>();
    QCOMPARE(line->text(), QStringLiteral("40"));
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("45")); // an edit through the editor becomes a command
    QCOMPARE(window.document()
                 .step(QStringLiteral("filter_text_size"))
                 ->arguments.find("min_characters")
                 ->toInt(),
        std::int64_t {45});
    QCOMPARE(window.document().undoStack()->count(), 1);
    screenshot(window, QStringLiteral("02-properties"));
    window.document().undoStack()->undo();
    // Undo is a change from outside the panel: it shows the restored value.
    line = window.properties()
               .fieldWidget(QStringLiteral("arguments.min_characters"))
               ->findChild<QLineEdit *>();
    QCOMPARE(line->text(), QStringLiteral("40"));
}

void tst_MainWindow::problemClickFocusesTheField()
{
    MainWindow window(m_autosave.path());
    window.resize(1500, 900);
    window.show();
    QVERIFY(window.openFile(example));
    // Make a mistake: an argument typed as text.
    Step step = *window.document().step(QStringLiteral("embed_sentences"));
    window.document().undoStack()->push(new QUndoCommand(QStringLiteral("noop")));
    step.arguments.set("batch_size", "64");
    window.document().replaceStep(QStringLiteral("embed_sentences"), step);
    auto *view = window.problems().view();
    QVERIFY(view->model()->rowCount() >= 1);
    const QModelIndex first = view->model()->index(0, DiagnosticsModel::MessageColumn);
    QVERIFY(first.data().toString().contains(QStringLiteral("batch_size")));
    QVERIFY(QMetaObject::invokeMethod(view, "clicked", Q_ARG(QModelIndex, first)));
    QCOMPARE(window.properties().stepId(), QStringLiteral("embed_sentences"));
    QCOMPARE(window.scene().selectedStepIds(), QStringList {QStringLiteral("embed_sentences")});
    screenshot(window, QStringLiteral("03-problem"));
}

void tst_MainWindow::paletteActivationAddsAStep()
{
    MainWindow window(m_autosave.path());
    QVERIFY(window.openFile(example));
    window.scene().selectSteps({QStringLiteral("write_embeddings")});
    Q_EMIT window.palette().componentActivated(QStringLiteral("detect_language"));
    QVERIFY(window.document().step(QStringLiteral("detect_language_2")));
    QCOMPARE(window.document().step(QStringLiteral("detect_language_2"))->input,
        std::string("write_embeddings"));
    QCOMPARE(window.scene().selectedStepIds(), QStringList {QStringLiteral("detect_language_2")});
}

void tst_MainWindow::recoversAutosavedWork()
{
    QTemporaryDir folder;
    {
        MainWindow crashed(folder.path());
        QVERIFY(crashed.openFile(example));
        Step step = *crashed.document().step(QStringLiteral("read_reviews"));
        step.arguments.set("rows", 123);
        crashed.document().undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
        crashed.document().replaceStep(QStringLiteral("read_reviews"), step);
        QVERIFY(crashed.autosave().writeNow());
        // Simulate a crash: the copy is not removed because the window never closes normally.
        QFile::copy(crashed.autosave().copyPath(),
            folder.filePath(QStringLiteral("crashed.pipeline.yaml")));
        QFile::copy(crashed.autosave().copyPath() + QStringLiteral(".origin"),
            folder.filePath(QStringLiteral("crashed.pipeline.yaml.origin")));
    }
    MainWindow window(folder.path());
    const auto orphans = window.autosave().orphans();
    QCOMPARE(orphans.size(), std::size_t {1});
    QCOMPARE(QFileInfo(orphans.front().originalPath).fileName(),
        QStringLiteral("reviews.pipeline.yaml"));
    QVERIFY(window.autosave().recover(orphans.front()));
    QCOMPARE(
        window.document().step(QStringLiteral("read_reviews"))->arguments.find("rows")->toInt(),
        std::int64_t {123});
    QVERIFY(window.document().isModified());
    QCOMPARE(QFileInfo(window.document().filePath()).fileName(),
        QStringLiteral("reviews.pipeline.yaml"));
    QVERIFY(window.autosave().orphans().empty());
}

void tst_MainWindow::titleShowsUnsavedChanges()
{
    QTemporaryDir dir;
    MainWindow window(m_autosave.path());
    QCOMPARE(window.windowTitle(), QStringLiteral("untitled[*] (not saved) — Fondant Studio"));
    QVERIFY(window.openFile(example));
    QVERIFY(window.saveAs(dir.filePath(QStringLiteral("copy.pipeline.yaml"))));
    QCOMPARE(
        window.windowTitle(), QStringLiteral("reviews[*] — copy.pipeline.yaml — Fondant Studio"));
    QVERIFY(!window.isWindowModified());
    window.scene().selectSteps({QStringLiteral("read_reviews")});
    window.document().undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
    QVERIFY(window.isWindowModified());
    QVERIFY(window.save());
    QVERIFY(!window.isWindowModified());
}

void tst_MainWindow::droppedPipelineFileOpens()
{
    MainWindow window(m_autosave.path());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(example)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QTRY_COMPARE(window.document().stepIds().size(), 7); // read in the background
}

void tst_MainWindow::opensInTheBackground()
{
    MainWindow window(m_autosave.path());
    window.show();
    window.startOpening(example);
    QVERIFY(!window.centralWidget()->isEnabled()); // busy while reading
    QVERIFY(!window.openFile(example)); // one file at a time
    QTRY_COMPARE(window.document().stepIds().size(), 7);
    QVERIFY(window.centralWidget()->isEnabled());
    QCOMPARE(window.document().filePath(), QFileInfo(example).absoluteFilePath());

    // Closing while a file is being read waits for it and drops it.
    auto *closing = new MainWindow(m_autosave.path());
    closing->startOpening(example);
    delete closing;
}

static QAction *menuAction(QWidget &window, const QString &text)
{
    for (QAction *action : window.findChildren<QAction *>())
        if (action->text() == text)
            return action;
    return nullptr;
}

void tst_MainWindow::copyPasteAndDeleteThroughTheMenu()
{
    MainWindow window(m_autosave.path());
    window.show();
    QVERIFY(window.openFile(example));
    window.view().setFocus();
    window.scene().selectSteps(
        {QStringLiteral("detect_language"), QStringLiteral("write_languages")});
    menuAction(window, QStringLiteral("&Copy"))->trigger();
    menuAction(window, QStringLiteral("&Paste"))->trigger();
    QVERIFY(window.document().step(QStringLiteral("write_languages_2")));
    QCOMPARE(window.document().step(QStringLiteral("write_languages_2"))->input,
        std::string("detect_language_2"));
    QCOMPARE(window.scene().selectedStepIds().size(), 2);
    window.view().setFocus();
    menuAction(window, QStringLiteral("&Delete"))->trigger();
    QVERIFY(!window.document().step(QStringLiteral("write_languages_2")));
    QCOMPARE(window.document().stepIds().size(), 7);
}

void tst_MainWindow::saveAsHasItsShortcut()
{
    MainWindow window(m_autosave.path());
    const QKeySequence shortcut = menuAction(window, QStringLiteral("Save &As…"))->shortcut();
    QVERIFY(!shortcut.isEmpty());
    const QList<QKeySequence> platform = QKeySequence::keyBindings(QKeySequence::SaveAs);
    QCOMPARE(shortcut,
        platform.isEmpty() ? QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S) : platform.first());
}

void tst_MainWindow::shortcutsSheetListsTheActions()
{
    MainWindow window(m_autosave.path());
    menuAction(window, QStringLiteral("&Keyboard Shortcuts"))->trigger();
    auto *sheet = window.findChild<ShortcutsDialog *>(QStringLiteral("shortcutsSheet"));
    QVERIFY(sheet);
    QStringList commands;
    QString saveAsKeys;
    for (int row = 0; row < sheet->table()->rowCount(); ++row) {
        commands << sheet->table()->item(row, 0)->text();
        if (commands.last() == QStringLiteral("Save As…"))
            saveAsKeys = sheet->table()->item(row, 1)->text();
    }
    QVERIFY(commands.contains(QStringLiteral("Export Pipeline…")));
    QVERIFY(commands.contains(QStringLiteral("Connect two steps")));
    QCOMPARE(saveAsKeys,
        menuAction(window, QStringLiteral("Save &As…"))
            ->shortcut()
            .toString(QKeySequence::NativeText));
}

void tst_MainWindow::autoLayoutIsOneUndo()
{
    MainWindow window(m_autosave.path());
    QVERIFY(window.openFile(example));
    const QPointF before = window.document().position(QStringLiteral("write_languages"));
    menuAction(window, QStringLiteral("Auto &Layout"))->trigger();
    QCOMPARE(window.document().undoStack()->count(), 1);
    window.document().undoStack()->undo();
    QCOMPARE(window.document().position(QStringLiteral("write_languages")), before);
}

void tst_MainWindow::findsFondantsOwnComponents()
{
    // A stand-in python3 whose "fondant" package keeps its components in the test folder.
    QTemporaryDir bin;
    QFile python(bin.filePath(QStringLiteral("python3")));
    QVERIFY(python.open(QIODevice::WriteOnly));
    python.write("#!/bin/sh\necho '{\"components\": \"" FONDANT_TEST_DATA_DIR
                 "/components\", \"folders\": []}'\n");
    python.close();
    python.setPermissions(python.permissions() | QFileDevice::ExeOwner);
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", bin.path().toLocal8Bit() + ':' + path);
    MainWindow window(m_autosave.path());
    qputenv("PATH", path);
    QTRY_VERIFY(std::any_of(window.library().entries().begin(), window.library().entries().end(),
        [](const auto &entry) { return entry.name == QStringLiteral("trim_text"); }));
    QVERIFY(window.document().extraComponentDirs().contains(
        QStringLiteral(FONDANT_TEST_DATA_DIR "/components")));
}

void tst_MainWindow::remembersRecentFiles()
{
    {
        MainWindow window(m_autosave.path());
        QVERIFY(window.openFile(example));
    }
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    QCOMPARE(recent.value(0), QFileInfo(example).absoluteFilePath());
    // Listed with its folder: pipelines in different folders often share a file name.
    MainWindow window(m_autosave.path());
    QVERIFY(menuAction(window,
        QStringLiteral("reviews.pipeline.yaml — %1")
            .arg(QDir::toNativeSeparators(QFileInfo(example).absolutePath()))));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
