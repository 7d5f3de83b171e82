// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/MainWindow.h"

#include "core/export/PipelineImport.h"
#include "core/spec/ComponentResolver.h"
#include "views/Appearance.h"
#include "views/FondantLocator.h"
#include "views/commands/PipelineEditor.h"
#include "views/dialogs/ExportDialog.h"
#include "views/dialogs/ShortcutsDialog.h"
#include "views/document/Autosave.h"
#include "views/document/CacheInspector.h"
#include "views/document/ComponentFolders.h"
#include "views/document/KeyComparison.h"
#include "views/document/PipelineDocument.h"
#include "views/document/RecentFiles.h"
#include "views/document/StepClipboard.h"
#include "views/models/ComponentLibraryModel.h"
#include "views/models/DiagnosticsModel.h"
#include "views/panels/KeyDiffDock.h"
#include "views/panels/PaletteDock.h"
#include "views/panels/ProblemsDock.h"
#include "views/panels/PropertiesDock.h"
#include "views/panels/RunsDock.h"
#include "views/panels/WelcomePage.h"
#include "views/scene/GraphLayout.h"
#include "views/scene/GraphScene.h"
#include "views/scene/GraphView.h"
#include "views/scene/MiniMapView.h"
#include "views/scene/SceneRenderer.h"
#include "views/scene/StepItem.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStringListModel>
#include <QStyle>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoView>
#include <QVBoxLayout>

namespace fondant {

namespace {

QString displayName(const QString &path)
{
    return path.isEmpty() ? QObject::tr("untitled") : QFileInfo(path).fileName();
}
} // namespace

MainWindow::MainWindow(const QString &autosaveFolder, QWidget *parent)
    : QMainWindow(parent), m_document(new PipelineDocument(this)),
      m_cacheInspector(new CacheInspector(*m_document, this)),
      m_scene(new GraphScene(*m_document, this)), m_view(new GraphView(m_scene)),
      m_library(new ComponentLibraryModel(this)),
      m_diagnostics(new DiagnosticsModel(*m_document, this)),
      m_autosave(new Autosave(*m_document,
          autosaveFolder.isEmpty() ? Autosave::defaultFolder() : autosaveFolder, this)),
      m_recentFiles(new RecentFiles(this)),
      m_componentFolders(new ComponentFolders(*m_document, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setCentralWidget(m_view);
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    resize(1400, 860);

    m_scene->setCacheInspector(m_cacheInspector);
    createDocks();
    createActions();
    readSettings();
    auto *welcome = new WelcomePage(*m_recentFiles);
    connect(welcome, &WelcomePage::newRequested, this, &MainWindow::newDocument);
    connect(welcome, &WelcomePage::openRequested, this, &MainWindow::openWithDialog);
    connect(welcome, &WelcomePage::openFileRequested, this, &MainWindow::startOpening);
    m_view->setEmptyPage(welcome);
    connect(m_recentFiles, &RecentFiles::changed, this, &MainWindow::updateRecentMenu);
    connect(m_componentFolders, &ComponentFolders::changed, this, &MainWindow::refreshLibrary);

    // How many problems there are, always in sight; a click brings Problems to the front.
    m_problemCount = new QToolButton;
    m_problemCount->setObjectName(QStringLiteral("problemCount"));
    m_problemCount->setAutoRaise(true);
    m_problemCount->setToolTip(tr("Show the Problems panel"));
    statusBar()->addPermanentWidget(m_problemCount);
    connect(m_problemCount, &QToolButton::clicked, this, [this] {
        m_problems->show();
        m_problems->raise();
    });
    const auto countProblems = [this] {
        const int errors = m_diagnostics->errorCount();
        const int warnings = m_diagnostics->warningCount();
        m_problemCount->setText(errors == 0 && warnings == 0
                ? tr("No problems")
                : (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors))
                    + (warnings == 1 ? tr(", 1 warning") : tr(", %1 warnings").arg(warnings)));
        m_problemCount->setIcon(errors > 0 ? style()->standardIcon(QStyle::SP_MessageBoxCritical)
                : warnings > 0             ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                           : QIcon());
        m_problemCount->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    };
    connect(m_diagnostics, &QAbstractItemModel::modelReset, this, countProblems);
    countProblems();
    // What the next run would do, or what the shown run did; a click shows the step whose own
    // change makes steps run, and why.
    m_cacheSummary = new QToolButton;
    m_cacheSummary->setObjectName(QStringLiteral("cacheSummary"));
    m_cacheSummary->setAutoRaise(true);
    statusBar()->addPermanentWidget(m_cacheSummary);
    connect(m_cacheSummary, &QToolButton::clicked, this, [this] {
        const QString cause = m_cacheInspector->firstRootCause();
        if (cause.isEmpty())
            return;
        showStep(cause);
        m_keyDiff->show();
        m_keyDiff->raise();
    });
    const auto summarise = [this] {
        const QString summary = m_cacheInspector->summary();
        m_cacheSummary->setText(
            QFontMetrics(m_cacheSummary->font()).elidedText(summary, Qt::ElideRight, 520));
        const QString cause = m_cacheInspector->firstRootCause();
        m_cacheSummary->setToolTip(cause.isEmpty()
                ? summary
                : tr("%1\nClick to show %2 and why it runs").arg(summary, cause));
    };
    connect(m_cacheInspector, &CacheInspector::stepsChanged, this, summarise);
    connect(m_cacheInspector, &CacheInspector::historyChanged, this, summarise);
    connect(m_cacheInspector, &CacheInspector::shownRunChanged, this, summarise);
    summarise();
    m_zoomLabel = new QLabel;
    statusBar()->addPermanentWidget(m_zoomLabel);
    m_openingBar = new QProgressBar;
    m_openingBar->setRange(0, 0); // busy: reading has no known length
    m_openingBar->setMaximumWidth(160);
    m_openingBar->hide();
    statusBar()->addPermanentWidget(m_openingBar);
    connect(m_view, &GraphView::zoomChanged, this,
        [this](qreal zoom) { m_zoomLabel->setText(tr("Zoom %1%").arg(qRound(zoom * 100))); });
    m_zoomLabel->setText(tr("Zoom 100%"));
    connect(m_scene, &GraphScene::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const QStringList ids = m_scene->selectedStepIds();
        m_properties->showStep(ids.size() == 1 ? ids.first() : QString());
        m_keyDiff->setStep(ids.size() == 1 ? ids.first() : QString());
    });
    connect(m_scene, &GraphScene::insertMenuRequested, this,
        [this](QMenu *menu, const QString &target, QPointF position) {
            // The palette's components, by category.
            for (int row = 0; row < m_library->rowCount(); ++row) {
                const QModelIndex category = m_library->index(row, 0);
                QMenu *sub = menu->addMenu(category.data().toString());
                for (int child = 0; child < m_library->rowCount(category); ++child) {
                    const QModelIndex component = m_library->index(child, 0, category);
                    const QString reference
                        = component.data(ComponentLibraryModel::ReferenceRole).toString();
                    sub->addAction(component.data().toString(), this, [=, this] {
                        const QString id = PipelineEditor(*m_document)
                                               .insertComponent(reference, target, position);
                        m_scene->selectSteps({id});
                    });
                }
            }
        });
    connect(m_scene, &GraphScene::stepActivated, this, [this](const QString &id) {
        showStep(id);
        m_properties->show();
        m_properties->raise();
    });
    connect(m_document, &PipelineDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &PipelineDocument::filePathChanged, this, [this] {
        updateTitle();
        refreshLibrary();
    });
    connect(m_document, &PipelineDocument::pipelinePropertiesChanged, this, [this] {
        updateTitle();
        refreshLibrary();
    });
    connect(m_document, &PipelineDocument::documentReset, this, [this] {
        updateTitle();
        refreshLibrary();
        m_view->zoomToFit();
    });
    connect(m_document, &PipelineDocument::analysisChanged, this, [this] {
        if (auto *completer = m_findBox->completer())
            static_cast<QStringListModel *>(completer->model())
                ->setStringList(m_document->stepIds());
    });
    refreshLibrary();
    updateTitle();
    detectFondantInstallation();
}

MainWindow::~MainWindow()
{
    if (m_opening) { // let a file being read finish; what it read is dropped
        m_opening->disconnect(this);
        m_opening->wait();
        delete m_opening;
    }
    // The scene's items announce their removal; nobody is to listen any more.
    m_scene->disconnect(this);
    m_document->disconnect(this);
    delete m_scene;
}

void MainWindow::createDocks()
{
    m_palette = new PaletteDock(m_library, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_palette);
    connect(m_palette, &PaletteDock::componentActivated, this, [this](const QString &reference) {
        const QStringList selected = m_scene->selectedStepIds();
        const QString input = selected.size() == 1 ? selected.first() : QString();
        QPointF position = m_view->mapToScene(m_view->viewport()->rect().center())
            - QPointF(StepItem::width / 2, 30);
        if (StepItem *item = input.isEmpty() ? nullptr : m_scene->stepItem(input))
            position = item->pos() + QPointF(StepItem::width + GraphLayout::layerGap, 0);
        const QString id = PipelineEditor(*m_document)
                               .addComponent(reference, m_scene->freePlace(position), input);
        m_scene->selectSteps({id});
    });

    m_properties = new PropertiesDock(*m_document, this);
    addDockWidget(Qt::RightDockWidgetArea, m_properties);

    m_miniMap = new MiniMapView(m_view);
    auto *overview = new QDockWidget(tr("Overview"), this);
    overview->setObjectName(QStringLiteral("OverviewDock"));
    overview->setWidget(m_miniMap);
    addDockWidget(Qt::LeftDockWidgetArea, overview);

    m_problems = new ProblemsDock(m_diagnostics, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    connect(m_problems, &ProblemsDock::problemActivated, this, &MainWindow::showStep);

    m_history = new QUndoView(m_document->undoStack());
    m_history->setEmptyLabel(tr("<opened>"));
    auto *history = new QDockWidget(tr("History"), this);
    history->setObjectName(QStringLiteral("HistoryDock"));
    history->setWidget(m_history);
    addDockWidget(Qt::BottomDockWidgetArea, history);
    tabifyDockWidget(m_problems, history);
    m_runs = new RunsDock(*m_cacheInspector, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_runs);
    tabifyDockWidget(m_problems, m_runs);
    m_keyComparison = new KeyComparison(*m_document, *m_cacheInspector, this);
    m_keyDiff = new KeyDiffDock(*m_keyComparison, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_keyDiff);
    tabifyDockWidget(m_problems, m_keyDiff);
    connect(
        m_keyDiff, &KeyDiffDock::stepRequested, this, [this](const QString &id) { showStep(id); });
    m_problems->raise();
    // The canvas gets the room; the panels start at useful, modest sizes.
    resizeDocks({m_palette, overview, m_problems}, {520, 170, 170}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("MainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const auto action = [this](QMenu *menu, const QString &text, QKeySequence shortcut, auto slot) {
        QAction *created = menu->addAction(text, this, slot);
        created->setShortcut(shortcut);
        return created;
    };
    QAction *newAction = action(file, tr("&New"), QKeySequence::New, &MainWindow::newDocument);
    newAction->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    QAction *openAction
        = action(file, tr("&Open…"), QKeySequence::Open, &MainWindow::openWithDialog);
    openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction *openExample = action(file, tr("Open E&xample"), QKeySequence(),
        [this] { startOpening(WelcomePage::exampleFile()); });
    openExample->setEnabled(!WelcomePage::exampleFile().isEmpty());
    QAction *saveAction = action(file, tr("&Save"), QKeySequence::Save, [this] { save(); });
    saveAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    // Desktops without a Save As binding of their own get the common Ctrl+Shift+S.
    action(file, tr("Save &As…"),
        QKeySequence::keyBindings(QKeySequence::SaveAs)
            .value(0, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)),
        [this] { saveAs(); });
    file->addSeparator();
    action(file, tr("&Import Compiled Pipeline…"), QKeySequence(), &MainWindow::importPipeline);
    action(file, tr("&Export Pipeline…"), QKeySequence(Qt::CTRL | Qt::Key_E),
        &MainWindow::exportPipeline);
    action(file, tr("Export &Picture…"), QKeySequence(), &MainWindow::exportPicture);
    action(file, tr("Add Component &Folder…"), QKeySequence(), &MainWindow::addComponentFolder);
    action(file, tr("Re&load Components"), QKeySequence(Qt::Key_F5), [this] {
        m_document->setExtraComponentDirs(m_document->extraComponentDirs());
        refreshLibrary();
    });
    file->addSeparator();
    action(file, tr("&Quit"), QKeySequence::Quit, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    undo->setIconText(tr("Undo"));
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    redo->setIconText(tr("Redo"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    action(edit, tr("Cu&t"), QKeySequence::Cut, [this] {
        copySelection();
        deleteSelection();
    });
    action(edit, tr("&Copy"), QKeySequence::Copy, &MainWindow::copySelection);
    QAction *paste = action(edit, tr("&Paste"), QKeySequence::Paste, &MainWindow::pasteClipboard);
    action(edit, tr("&Delete"), QKeySequence::Delete, &MainWindow::deleteSelection);
    QAction *selectAll = action(edit, tr("Select &All"), QKeySequence::SelectAll,
        [this] { m_scene->selectSteps(m_document->stepIds()); });
    edit->addSeparator();
    action(edit, tr("&Find Step…"), QKeySequence::Find, [this] {
        m_findBox->setFocus();
        m_findBox->selectAll();
    });

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn
        = action(m_viewMenu, tr("Zoom &In"), QKeySequence::ZoomIn, [this] { m_view->zoomIn(); });
    action(m_viewMenu, tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { m_view->zoomOut(); });
    QAction *fit = action(m_viewMenu, tr("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0),
        [this] { m_view->zoomToFit(); });
    action(m_viewMenu, tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_1),
        [this] { m_view->resetZoom(); });
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *layout = action(m_viewMenu, tr("Auto &Layout"), QKeySequence(Qt::CTRL | Qt::Key_L),
        &MainWindow::autoLayout);
    QMenu *themes = m_viewMenu->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(this);
    for (const auto &[theme, label] :
        {std::pair {Appearance::Theme::System, tr("Follow the &Desktop")},
            std::pair {Appearance::Theme::Light, tr("&Light")},
            std::pair {Appearance::Theme::Dark, tr("&Dark")}}) {
        QAction *choice = themes->addAction(label, this, [theme] {
            Appearance::apply(theme);
            Appearance::save(theme);
        });
        choice->setCheckable(true);
        choice->setChecked(Appearance::current() == theme);
        choice->setObjectName(QStringLiteral("theme-") + Appearance::name(theme));
        themeGroup->addAction(choice);
    }
    // The key to the cache colours covers a corner of the canvas: it can be put away.
    QAction *legend = m_viewMenu->addAction(tr("Cache &Legend"));
    legend->setObjectName(QStringLiteral("cacheLegend"));
    legend->setCheckable(true);
    legend->setChecked(QSettings().value(QStringLiteral("cacheLegend"), true).toBool());
    m_view->setLegendShown(legend->isChecked());
    connect(legend, &QAction::toggled, this, [this](bool shown) {
        m_view->setLegendShown(shown);
        QSettings().setValue(QStringLiteral("cacheLegend"), shown);
    });
    m_viewMenu->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *sheet = new ShortcutsDialog(findChildren<QAction *>(), this);
        sheet->setAttribute(Qt::WA_DeleteOnClose);
        sheet->show();
    });
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Fondant Studio"), this, [this] {
        QMessageBox::about(this, tr("About Fondant Studio"),
            tr("<b>Fondant Studio</b><p>Design Fondant 0.12.1 pipelines, see why steps re-run, and "
               "compute their cache keys exactly as Fondant does.</p>"));
    });

    m_view->setCanvasActions({paste, selectAll, fit, layout});

    toolBar->addAction(newAction);
    toolBar->addAction(openAction);
    toolBar->addAction(saveAction);
    toolBar->addSeparator();
    toolBar->addAction(undo);
    toolBar->addAction(redo);
    toolBar->addSeparator();
    toolBar->addAction(fit);
    toolBar->addAction(layout);
    toolBar->addSeparator();
    m_findBox = new QLineEdit;
    m_findBox->setPlaceholderText(tr("Find step (Ctrl+F)"));
    m_findBox->setClearButtonEnabled(true);
    m_findBox->setMaximumWidth(240);
    auto *completer = new QCompleter(new QStringListModel(m_document->stepIds(), this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_findBox->setCompleter(completer);
    connect(m_findBox, &QLineEdit::returnPressed, this, &MainWindow::findStep);
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this,
        [this](const QString &) { findStep(); });
    toolBar->addWidget(m_findBox);
    updateRecentMenu();
}

void MainWindow::showStep(const QString &id, const QString &fieldPath)
{
    if (id.isEmpty() || !m_document->step(id)) {
        m_scene->clearSelection();
        m_properties->showStep({});
        m_properties->focusField(fieldPath);
        return;
    }
    m_view->showStep(id);
    m_properties->showStep(id);
    if (!fieldPath.isEmpty())
        m_properties->focusField(fieldPath);
}

void MainWindow::findStep()
{
    const QString text = m_findBox->text().trimmed();
    if (text.isEmpty())
        return;
    QString found;
    for (const QString &id : m_document->stepIds()) {
        if (id.compare(text, Qt::CaseInsensitive) == 0) {
            found = id;
            break;
        }
        if (found.isEmpty() && id.contains(text, Qt::CaseInsensitive))
            found = id;
    }
    if (found.isEmpty()) {
        statusBar()->showMessage(tr("No step matches '%1'").arg(text), 4000);
        return;
    }
    showStep(found);
    m_view->setFocus();
}

void MainWindow::newDocument()
{
    if (!maybeSave())
        return;
    Pipeline pipeline;
    pipeline.name = "untitled";
    m_document->reset(pipeline);
}

void MainWindow::openWithDialog()
{
    const QString start = m_document->filePath().isEmpty()
        ? QString()
        : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open pipeline"), start,
        tr("Fondant pipelines (*.pipeline.yaml *.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        startOpening(path);
}

bool MainWindow::openFile(const QString &path)
{
    if (m_opening || !maybeSave())
        return false;
    return finishOpening(path, PipelineSession::open(path, m_document->extraComponentDirs()));
}

void MainWindow::startOpening(const QString &path)
{
    if (m_opening || !maybeSave())
        return;
    // Reading a large pipeline and its component specs takes a while: it runs on a worker
    // thread while the window stays drawn, greyed, with a busy bar.
    auto opened = std::make_shared<std::optional<Result<PipelineSession>>>();
    const QStringList extraDirs = m_document->extraComponentDirs();
    m_opening = QThread::create(
        [opened, path, extraDirs] { *opened = PipelineSession::open(path, extraDirs); });
    connect(m_opening, &QThread::finished, this, [this, opened, path] {
        m_opening->deleteLater();
        m_opening = nullptr;
        m_openingBar->hide();
        m_view->setBusyText({});
        centralWidget()->setEnabled(true);
        QApplication::restoreOverrideCursor();
        finishOpening(path, std::move(**opened));
    });
    statusBar()->showMessage(tr("Opening %1…").arg(displayName(path)));
    m_view->setBusyText(
        tr("Opening %1…\nReading the pipeline and its components.").arg(displayName(path)));
    m_openingBar->show();
    centralWidget()->setEnabled(false);
    QApplication::setOverrideCursor(Qt::BusyCursor);
    m_opening->start();
}

bool MainWindow::finishOpening(const QString &path, Result<PipelineSession> opened)
{
    const Diagnostics problems = m_document->adopt(std::move(opened), path);
    if (hasErrors(problems)) {
        QStringList lines;
        for (const Diagnostic &d : problems)
            lines << QString::fromStdString(d.toString());
        statusBar()->showMessage(tr("Cannot open %1").arg(displayName(path)), 8000);
        if (isVisible())
            QMessageBox::warning(this, tr("Cannot open pipeline"),
                tr("%1 cannot be opened:\n\n%2")
                    .arg(QDir::toNativeSeparators(path), lines.join(QLatin1Char('\n'))));
        return false;
    }
    m_recentFiles->add(m_document->filePath());
    statusBar()->showMessage(tr("Opened %1").arg(displayName(path)), 4000);
    // A pipeline with errors opens with its problems in front, whatever layout was restored.
    if (m_document->analysis().hasErrors()) {
        m_problems->show();
        m_problems->raise();
    }
    // Fit once the window has its final size.
    QTimer::singleShot(0, m_view, &GraphView::zoomToFit);
    return true;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    if (auto error = m_document->save(m_document->filePath())) {
        QMessageBox::critical(this, tr("Cannot save"), QString::fromStdString(error->toString()));
        return false;
    }
    m_recentFiles->add(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(displayName(m_document->filePath())), 4000);
    return true;
}

bool MainWindow::saveAs(const QString &chosenPath)
{
    QString path = chosenPath;
    if (path.isEmpty()) {
        const QString suggestion = m_document->filePath().isEmpty()
            ? QString::fromStdString(m_document->pipeline().name) + QStringLiteral(".pipeline.yaml")
            : m_document->filePath();
        path = QFileDialog::getSaveFileName(
            this, tr("Save pipeline"), suggestion, tr("Fondant pipelines (*.pipeline.yaml)"));
        if (path.isEmpty())
            return false;
        if (!path.endsWith(QLatin1String(".yaml")) && !path.endsWith(QLatin1String(".yml")))
            path += QStringLiteral(".pipeline.yaml");
    }
    if (auto error = m_document->save(path)) {
        QMessageBox::critical(this, tr("Cannot save"), QString::fromStdString(error->toString()));
        return false;
    }
    m_recentFiles->add(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(displayName(path)), 4000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them?").arg(displayName(m_document->filePath())),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        m_autosave->removeCopy();
        return true;
    }
    return false;
}

void MainWindow::updateTitle()
{
    const QString name = QString::fromStdString(m_document->pipeline().name);
    // A document never saved has no file to name beside the pipeline.
    setWindowTitle(m_document->filePath().isEmpty()
            ? tr("%1[*] (not saved) — Fondant Studio").arg(name)
            : tr("%1[*] — %2 — Fondant Studio").arg(name, displayName(m_document->filePath())));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recentFiles->files();
    for (const QString &path : files) {
        QAction *entry = m_recentMenu->addAction(
            RecentFiles::label(path), this, [this, path] { startOpening(path); });
        entry->setToolTip(path);
        entry->setEnabled(QFileInfo::exists(path));
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::refreshLibrary()
{
    // Opening a file announces a new document and a new path; the folders are read once.
    const QStringList folders = m_document->resolver().searchDirs();
    if (folders != m_library->folders())
        m_library->setFolders(folders);
}

void MainWindow::addComponentFolder()
{
    m_componentFolders->add(QFileDialog::getExistingDirectory(this, tr("Add component folder")));
}

void MainWindow::detectFondantInstallation()
{
    // Fondant's reusable components ship inside its Python package, when one is installed.
    auto *locator = new FondantLocator(QStringLiteral("python3"), new QSettings(this), this);
    connect(locator, &FondantLocator::found, this, [this](const QString &folder) {
        m_componentFolders->setFondantFolder(folder);
        statusBar()->showMessage(tr("Fondant's reusable components found in %1").arg(folder), 5000);
    });
    locator->start();
}

void MainWindow::copySelection()
{
    StepClipboard::copy(*m_document, m_scene->selectedStepIds());
}

void MainWindow::pasteClipboard()
{
    // Next to the copied steps' places, moved down until they cover no step.
    const QStringList added
        = PipelineEditor(*m_document)
              .pasteSteps(StepClipboard::text(), [this](const QList<QPointF> &places) {
                  return m_scene->freeOffset(places, QPointF(40, 40));
              });
    if (added.isEmpty())
        statusBar()->showMessage(tr("The clipboard holds no steps"), 4000);
    else
        m_scene->selectSteps(added);
}

void MainWindow::deleteSelection()
{
    if (QWidget *focus = QApplication::focusWidget();
        focus && focus != m_view && !m_view->isAncestorOf(focus))
        return; // Delete belongs to the text field being edited
    const QStringList steps = m_scene->selectedStepIds();
    PipelineEditor editor(*m_document);
    if (!steps.isEmpty())
        editor.removeSteps(steps);
    else
        editor.removeLinks(m_scene->selectedLinks());
}

void MainWindow::autoLayout()
{
    QHash<QString, QPointF> before;
    for (const QString &id : m_document->stepIds())
        before.insert(id, m_document->position(id));
    PipelineEditor(*m_document).moveSteps(before, m_scene->layeredLayout());
    m_view->zoomToFit();
}

void MainWindow::importPipeline()
{
    if (m_opening || !maybeSave())
        return;
    const QString compiled
        = QFileDialog::getOpenFileName(this, tr("Import a pipeline Fondant compiled"), QString(),
            tr("docker-compose, Kubeflow or Vertex files (*.yml *.yaml);;All files (*)"));
    if (compiled.isEmpty())
        return;
    const QFileInfo info(compiled);
    const QString document = QFileDialog::getSaveFileName(this, tr("Save the imported pipeline as"),
        info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral(".pipeline.yaml")),
        tr("Fondant pipelines (*.pipeline.yaml)"));
    if (document.isEmpty())
        return;
    const Result<QString> written
        = PipelineImport::run(compiled, document, m_document->extraComponentDirs());
    QStringList lines;
    for (const Diagnostic &d : written.diagnostics())
        if (d.severity != Severity::Note)
            lines << QString::fromStdString(d.toString());
    if (!written.ok()) {
        QMessageBox::critical(this, tr("Cannot import"), lines.join(QLatin1Char('\n')));
        return;
    }
    openFile(written.value());
    if (!lines.isEmpty())
        QMessageBox::warning(this, tr("Imported, with differences"),
            tr("The pipeline was imported, but Fondant would not compute every key the file "
               "carries:\n\n%1")
                .arg(lines.join(QLatin1Char('\n'))));
}

void MainWindow::exportPipeline()
{
    ExportDialog dialog(m_document->session(), m_document->filePath(), this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(dialog.summary(), 8000);
}

void MainWindow::exportPicture()
{
    const QString base = m_document->filePath().isEmpty()
        ? QString::fromStdString(m_document->pipeline().name)
        : m_document->filePath().section(QLatin1Char('.'), 0, 0);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export picture"),
        base + QStringLiteral(".png"), tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    const QStringList selection = m_scene->selectedStepIds();
    const QString error = SceneRenderer::render(*m_scene, path);
    m_scene->selectSteps(selection);
    if (!error.isEmpty())
        QMessageBox::critical(this, tr("Cannot export"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
}

void MainWindow::offerRecovery()
{
    if (m_opening) { // after the file being read, which would replace a recovered copy
        connect(
            m_opening, &QThread::finished, this, &MainWindow::offerRecovery, Qt::QueuedConnection);
        return;
    }
    // Shows a copy that cannot be read as a pipeline, so that its text can still be copied out.
    const auto showAsText = [this](const QString &path) {
        QFile file(path);
        const QString contents = file.open(QIODevice::ReadOnly)
            ? QString::fromUtf8(file.read(std::min<qint64>(file.size(), 64 * 1024 * 1024)))
            : tr("Cannot open %1: %2").arg(path, file.errorString());
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Unsaved Work: %1").arg(QFileInfo(path).fileName()));
        auto *text = new QPlainTextEdit(contents, &dialog);
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(&dialog);
        layout->addWidget(new QLabel(path, &dialog));
        layout->addWidget(text);
        layout->addWidget(buttons);
        dialog.resize(760, 520);
        dialog.exec();
    };

    // Each orphan's lock is held until the loop ends: no other window offers the same copy.
    for (const Autosave::Orphan &orphan : m_autosave->orphans()) {
        const QString what
            = orphan.originalPath.isEmpty() ? tr("an untitled pipeline") : orphan.originalPath;
        const QString when = QLocale().toString(orphan.savedAt.toLocalTime(), QLocale::ShortFormat);
        if (!orphan.problem.isEmpty()) {
            QMessageBox box(QMessageBox::Warning, tr("Unsaved work cannot be read"),
                tr("Fondant Studio did not close normally. Unsaved changes to %1 were kept (%2), "
                   "but the copy cannot be read as a pipeline:\n\n%3\n\nOpen it as text to copy "
                   "what you need, delete it, or keep it for later.")
                    .arg(what, when, orphan.problem),
                QMessageBox::NoButton, this);
            box.addButton(tr("Open as Text"), QMessageBox::ActionRole);
            box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
            box.addButton(tr("Keep for Later"), QMessageBox::RejectRole);
            for (;;) {
                box.exec();
                const QMessageBox::ButtonRole role = box.buttonRole(box.clickedButton());
                if (role == QMessageBox::ActionRole) {
                    showAsText(orphan.copyPath);
                    continue;
                }
                if (role == QMessageBox::DestructiveRole && !Autosave::discard(orphan))
                    QMessageBox::warning(this, tr("Cannot delete"),
                        tr("%1 could not be deleted.").arg(orphan.copyPath));
                break;
            }
            continue;
        }
        const auto answer = QMessageBox::question(this, tr("Recover unsaved work?"),
            tr("Fondant Studio did not close normally. Unsaved changes to %1 were kept "
               "(%2).\n\nRecover them?")
                .arg(what, when),
            QMessageBox::Yes | QMessageBox::Discard | QMessageBox::Ignore, QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
            if (m_autosave->recover(orphan))
                return;
            QMessageBox::warning(this, tr("Cannot recover"),
                tr("The unsaved changes to %1 could not be recovered: %2\n\nThey are kept in %3.")
                    .arg(what, m_autosave->errorString(), orphan.copyPath));
        } else if (answer == QMessageBox::Discard && !Autosave::discard(orphan)) {
            QMessageBox::warning(
                this, tr("Cannot delete"), tr("%1 could not be deleted.").arg(orphan.copyPath));
        }
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile()
            && (url.toLocalFile().endsWith(QLatin1String(".yaml"))
                || url.toLocalFile().endsWith(QLatin1String(".yml")))) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            startOpening(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray())) {
        // First start: most of the screen, so that the pipeline is readable.
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            resize(screen->availableSize() * 0.92);
    }
    if (restoreState(settings.value(QStringLiteral("windowState")).toByteArray()))
        return;
    // First start: side panels in proportion to the window, so that a laptop screen leaves
    // the canvas at least half of the width.
    const auto share = [this](double part, int least, int most) {
        return std::clamp(static_cast<int>(width() * part), least, most);
    };
    resizeDocks(
        {m_palette, m_properties}, {share(0.16, 160, 240), share(0.24, 240, 330)}, Qt::Horizontal);
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("windowState"), saveState());
}

} // namespace fondant
