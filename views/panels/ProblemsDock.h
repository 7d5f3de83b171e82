// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>

class QTableView;

namespace fondant {

class DiagnosticsModel;

/// The live list of validation problems; activating one asks to show its step and field.
class ProblemsDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit ProblemsDock(DiagnosticsModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void problemActivated(const QString &stepId, const QString &fieldPath);

private:
    void updateTitle();
    void fitRows();

    DiagnosticsModel *m_model;
    QTableView *m_view;
};

} // namespace fondant
