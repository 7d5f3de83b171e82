// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>

class QComboBox;
class QTableView;
class QToolButton;

namespace fondant {

class KeyComparison;
class KeyDiffModel;
class NoteLabel;

/// Why the selected step's cache key differs from a run or another version of the document:
/// whether it changed itself (the root cause) or re-runs because a step before it changed,
/// and each changed ingredient with its value then and now; copyable as text.
class KeyDiffDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit KeyDiffDock(KeyComparison &comparison, QWidget *parent = nullptr);

    /// Shows the comparison of this step ("" for none).
    void setStep(const QString &stepId);
    KeyDiffModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    /// The sentence above the table.
    QString summary() const;

Q_SIGNALS:
    /// The user asked to see the step whose change causes this one's.
    void stepRequested(const QString &stepId);

private:
    void chooseAgainst(int index);
    void updateSummary();

    KeyComparison &m_comparison;
    KeyDiffModel *m_model;
    QComboBox *m_against;
    NoteLabel *m_summary;
    QToolButton *m_cause;
    QToolButton *m_copy;
    QTableView *m_view;
};

} // namespace fondant
