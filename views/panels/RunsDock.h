// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>

class QLabel;
class QTableView;
class QToolButton;

namespace fondant {

class CacheInspector;
class NoteLabel;
class RunHistoryModel;

/// The runs of the pipeline in its working directory, newest first after the next run: the
/// folder inspected (the pipeline's, or one chosen), and the run the canvas shows and keys are
/// compared against, chosen by selecting it.
class RunsDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit RunsDock(CacheInspector &inspector, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    RunHistoryModel *model() const { return m_model; }

private:
    void chooseFolder();
    void updateFolder();
    void selectShownRun();

    CacheInspector &m_inspector;
    RunHistoryModel *m_model;
    QTableView *m_view;
    QLabel *m_folder;
    QToolButton *m_choose;
    QToolButton *m_followPipeline;
    NoteLabel *m_problem;
};

} // namespace fondant
