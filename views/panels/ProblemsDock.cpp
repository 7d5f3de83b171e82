// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/ProblemsDock.h"

#include "views/commands/PipelineEditor.h"
#include "views/models/DiagnosticsModel.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>

namespace fondant {

ProblemsDock::ProblemsDock(DiagnosticsModel *model, QWidget *parent)
    : QDockWidget(tr("Problems"), parent), m_model(model), m_view(new QTableView),
      m_fixAction(new QAction(this))
{
    setObjectName(QStringLiteral("ProblemsDock"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // Messages wrap, so that none is cut; rows take the height of their text.
    m_view->setWordWrap(true);
    // Columns fit their contents by the first rows only, however many problems there are.
    m_view->horizontalHeader()->setResizeContentsPrecision(200);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(
        DiagnosticsModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(
        DiagnosticsModel::MessageColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(
        DiagnosticsModel::FixColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(
        DiagnosticsModel::StepColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(
        DiagnosticsModel::PlaceColumn, QHeaderView::ResizeToContents);
    const auto activate = [this](const QModelIndex &index) {
        Q_EMIT problemActivated(index.data(DiagnosticsModel::StepIdRole).toString(),
            index.data(DiagnosticsModel::FieldPathRole).toString());
    };
    // A click on a fix applies it; elsewhere in the row it shows the problem.
    connect(m_view, &QTableView::clicked, this, [this, activate](const QModelIndex &index) {
        if (index.column() == DiagnosticsModel::FixColumn && m_model->diagnostic(index.row()).fix)
            m_model->applyFix(index.row());
        else
            activate(index);
    });
    connect(m_view, &QTableView::activated, this, activate);
    m_fixAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_fixAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_fixAction);
    connect(m_fixAction, &QAction::triggered, this,
        [this] { m_model->applyFix(m_view->currentIndex().row()); });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ProblemsDock::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ProblemsDock::updateFixAction);
    connect(model, &QAbstractItemModel::modelReset, this, &ProblemsDock::updateFixAction);
    connect(model, &QAbstractItemModel::modelReset, this, &ProblemsDock::updateTitle);
    connect(model, &QAbstractItemModel::modelReset, this, &ProblemsDock::fitRows);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, &ProblemsDock::fitRows);
    connect(
        m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &ProblemsDock::fitRowsInView);
    m_view->viewport()->installEventFilter(this);
    setWidget(m_view);
    updateTitle();
    updateFixAction();
}

void ProblemsDock::updateFixAction()
{
    std::optional<Fix> fix;
    if (const QModelIndex current = m_view->currentIndex(); current.isValid())
        fix = m_model->diagnostic(current.row()).fix;
    m_fixAction->setEnabled(fix.has_value());
    m_fixAction->setText(fix ? PipelineEditor::fixText(*fix) : tr("Apply Fix"));
}

void ProblemsDock::showContextMenu(QPoint position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    if (!m_fixAction->isEnabled())
        return;
    QMenu menu(this);
    menu.addAction(m_fixAction);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void ProblemsDock::fitRows()
{
    // Measuring every row's text costs what the list holds: beyond a few hundred problems,
    // only the rows in view are measured, and the others as they are scrolled to.
    if (m_model->rowCount() <= 300)
        m_view->resizeRowsToContents();
    else
        fitRowsInView();
}

bool ProblemsDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitRowsInView();
    return QDockWidget::eventFilter(watched, event);
}

void ProblemsDock::fitRowsInView()
{
    if (m_model->rowCount() <= 300 || !m_view->isVisible())
        return;
    const int rows = m_model->rowCount();
    const int bottom = m_view->viewport()->height();
    for (int row = std::max(0, m_view->rowAt(0));
         row < rows && m_view->rowViewportPosition(row) < bottom; ++row)
        m_view->resizeRowToContents(row);
}

void ProblemsDock::updateTitle()
{
    const int errors = m_model->errorCount();
    const int warnings = m_model->warningCount();
    const QString errorText = errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors);
    const QString warningText = warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings);
    const int notes = m_model->noteCount();
    const QString noteText = notes == 1 ? tr("1 note") : tr("%1 notes").arg(notes);
    QString title;
    if (errors + warnings > 0)
        title = tr("Problems — %1, %2").arg(errorText, warningText)
            + (notes > 0 ? QStringLiteral(" (%1)").arg(noteText) : QString());
    else
        title = notes > 0 ? tr("Problems — no errors, %1").arg(noteText) : tr("Problems — none");
    setWindowTitle(title);
}

} // namespace fondant
