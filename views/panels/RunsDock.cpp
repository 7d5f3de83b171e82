// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/RunsDock.h"

#include "views/document/CacheInspector.h"
#include "views/models/RunHistoryModel.h"
#include "views/panels/NoteLabel.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace fondant {

RunsDock::RunsDock(CacheInspector &inspector, QWidget *parent)
    : QDockWidget(tr("Runs"), parent), m_inspector(inspector),
      m_model(new RunHistoryModel(inspector, this)), m_view(new QTableView), m_folder(new QLabel),
      m_choose(new QToolButton), m_followPipeline(new QToolButton), m_problem(new NoteLabel)
{
    setObjectName(QStringLiteral("RunsDock"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    // The bottom panels share their height with the canvas: this one asks for little of it.
    m_view->setMinimumHeight(m_view->horizontalHeader()->sizeHint().height() * 2);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(
        RunHistoryModel::RunColumn, QHeaderView::Stretch);
    m_view->setToolTip(tr("Select a run to show on the canvas what it executed and reused, and "
                          "to compare keys against it."));

    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_choose->setObjectName(QStringLiteral("chooseFolder"));
    m_choose->setText(tr("Choose…"));
    m_choose->setToolTip(tr("Inspect another working directory"));
    m_followPipeline->setObjectName(QStringLiteral("followPipeline"));
    m_followPipeline->setText(tr("Pipeline's"));
    m_followPipeline->setToolTip(tr("Inspect the working directory the pipeline names again"));
    m_problem->setTone(NoteLabel::Tone::Secondary);
    connect(m_choose, &QToolButton::clicked, this, &RunsDock::chooseFolder);
    connect(m_followPipeline, &QToolButton::clicked, this,
        [this] { m_inspector.chooseWorkingDirectory({}); });

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_followPipeline);
    folderRow->addWidget(m_choose);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(folderRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                m_inspector.showRun(current.data(RunHistoryModel::RunIdRole).toString());
        });
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunsDock::selectShownRun);
    connect(&inspector, &CacheInspector::shownRunChanged, this, &RunsDock::selectShownRun);
    connect(&inspector, &CacheInspector::historyChanged, this, &RunsDock::updateFolder);
    updateFolder();
    selectShownRun();
}

void RunsDock::updateFolder()
{
    const QString folder = m_inspector.workingDirectory();
    m_folder->setText(
        folder.isEmpty() ? tr("No working directory") : QDir::toNativeSeparators(folder));
    m_folder->setToolTip(m_folder->text());
    m_followPipeline->setVisible(m_inspector.isChosen());
    m_problem->setText(m_inspector.problem());
    m_problem->setVisible(!m_inspector.problem().isEmpty());
    m_view->setVisible(m_inspector.history());
}

void RunsDock::selectShownRun()
{
    const int row = m_model->rowOf(m_inspector.shownRun());
    if (row < 0 || m_view->currentIndex().row() == row)
        return;
    m_view->setCurrentIndex(m_model->index(row, RunHistoryModel::TimeColumn));
}

void RunsDock::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Working Directory to Inspect"), m_inspector.workingDirectory());
    if (!folder.isEmpty())
        m_inspector.chooseWorkingDirectory(folder);
}

} // namespace fondant
