// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/ProblemsDock.h"

#include "views/models/DiagnosticsModel.h"

#include <QHeaderView>
#include <QTableView>

namespace fondant {

ProblemsDock::ProblemsDock(DiagnosticsModel *model, QWidget *parent)
    : QDockWidget(tr("Problems"), parent), m_model(model), m_view(new QTableView)
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
        DiagnosticsModel::StepColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(
        DiagnosticsModel::PlaceColumn, QHeaderView::ResizeToContents);
    const auto activate = [this](const QModelIndex &index) {
        Q_EMIT problemActivated(index.data(DiagnosticsModel::StepIdRole).toString(),
            index.data(DiagnosticsModel::FieldPathRole).toString());
    };
    connect(m_view, &QTableView::clicked, this, activate);
    connect(m_view, &QTableView::activated, this, activate);
    connect(model, &QAbstractItemModel::modelReset, this, &ProblemsDock::updateTitle);
    connect(model, &QAbstractItemModel::modelReset, this, &ProblemsDock::fitRows);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, this, &ProblemsDock::fitRows);
    setWidget(m_view);
    updateTitle();
}

void ProblemsDock::fitRows()
{
    // Measuring every row's text costs what the list holds: beyond a few hundred problems,
    // rows keep one line and the tooltip holds the whole message.
    if (m_model->rowCount() <= 300)
        m_view->resizeRowsToContents();
}

void ProblemsDock::updateTitle()
{
    const int errors = m_model->errorCount();
    const int warnings = m_model->warningCount();
    const QString errorText = errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors);
    const QString warningText = warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings);
    QString title = errors + warnings == 0 ? tr("Problems — none")
                                           : tr("Problems — %1, %2").arg(errorText, warningText);
    if (const int notes = m_model->noteCount(); notes > 0)
        title += notes == 1 ? tr(" (1 note)") : tr(" (%1 notes)").arg(notes);
    setWindowTitle(title);
}

} // namespace fondant
