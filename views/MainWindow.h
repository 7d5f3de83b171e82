// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/session/PipelineSession.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QThread;
class QToolButton;
class QUndoView;

namespace fondant {

class Autosave;
class CacheInspector;
class KeyComparison;
class KeyDiffDock;
class RunsDock;
class ComponentFolders;
class RecentFiles;
class ComponentLibraryModel;
class DiagnosticsModel;
class GraphScene;
class GraphView;
class MiniMapView;
class PaletteDock;
class PipelineDocument;
class ProblemsDock;
class PropertiesDock;

/// The designer window: canvas, component palette, properties, problems, overview and undo
/// history around one pipeline document, with the file, edit and view actions.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// autosaveFolder: where unsaved work is kept ("" for the default folder).
    explicit MainWindow(const QString &autosaveFolder = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a pipeline file (after asking about unsaved changes). Problems that prevent
    /// reading are shown in the Problems panel and a message; never thrown.
    bool openFile(const QString &path);
    /// The same, reading on a worker thread while the window stays drawn and shows that it is
    /// busy (the command line, the Open dialog, recent files and drops use it).
    void startOpening(const QString &path);
    /// Offers to recover copies of unsaved work left by a session that ended abnormally.
    void offerRecovery();
    bool save();
    bool saveAs(const QString &path = {});

    PipelineDocument &document() { return *m_document; }
    GraphScene &scene() { return *m_scene; }
    GraphView &view() { return *m_view; }
    PropertiesDock &properties() { return *m_properties; }
    ProblemsDock &problems() { return *m_problems; }
    RunsDock &runs() { return *m_runs; }
    KeyDiffDock &keyDiff() { return *m_keyDiff; }
    CacheInspector &cacheInspector() { return *m_cacheInspector; }
    PaletteDock &palette() { return *m_palette; }
    ComponentLibraryModel &library() { return *m_library; }
    Autosave &autosave() { return *m_autosave; }

    /// Selects a step, centres it and shows it in the properties; focuses a field when given.
    void showStep(const QString &id, const QString &fieldPath = {});

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createDocks();
    void newDocument();
    void openWithDialog();
    bool maybeSave();
    bool finishOpening(const QString &path, Result<PipelineSession> opened);
    void updateTitle();
    void updateRecentMenu();
    void refreshLibrary();
    void addComponentFolder();
    void detectFondantInstallation();
    void copySelection();
    void pasteClipboard();
    void deleteSelection();
    void autoLayout();
    void importPipeline();
    void exportPipeline();
    void exportPicture();
    void findStep();
    void readSettings();
    void writeSettings();

    PipelineDocument *m_document;
    CacheInspector *m_cacheInspector; ///< made before the scene, which shows what it tells
    GraphScene *m_scene;
    GraphView *m_view;
    ComponentLibraryModel *m_library;
    DiagnosticsModel *m_diagnostics;
    QToolButton *m_problemCount = nullptr;
    PaletteDock *m_palette = nullptr;
    PropertiesDock *m_properties = nullptr;
    ProblemsDock *m_problems = nullptr;
    RunsDock *m_runs = nullptr;
    KeyComparison *m_keyComparison = nullptr;
    KeyDiffDock *m_keyDiff = nullptr;
    QToolButton *m_cacheSummary = nullptr;
    MiniMapView *m_miniMap = nullptr;
    QUndoView *m_history = nullptr;
    Autosave *m_autosave;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QLineEdit *m_findBox = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QProgressBar *m_openingBar = nullptr;
    QThread *m_opening = nullptr; ///< reading a file, while startOpening() waits for it
    RecentFiles *m_recentFiles;
    ComponentFolders *m_componentFolders;
};

} // namespace fondant
