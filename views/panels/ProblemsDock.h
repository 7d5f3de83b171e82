// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>

class QAction;
class QTableView;

namespace fondant {

class DiagnosticsModel;

/// The live list of validation problems; activating one asks to show its step and field, and
/// the fix a problem offers is applied by a click on it, its context menu or Ctrl+.
class ProblemsDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit ProblemsDock(DiagnosticsModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    /// Applies the fix of the current problem; named after it, disabled when it offers none.
    QAction *fixAction() const { return m_fixAction; }

Q_SIGNALS:
    void problemActivated(const QString &stepId, const QString &fieldPath);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateTitle();
    void fitRows();
    void fitRowsInView();
    void updateFixAction();
    void showContextMenu(QPoint position);

    DiagnosticsModel *m_model;
    QTableView *m_view;
    QAction *m_fixAction;
};

} // namespace fondant
