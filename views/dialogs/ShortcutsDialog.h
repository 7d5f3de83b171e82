// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

namespace fondant {

/// Help > Keyboard Shortcuts: every menu command that has a shortcut, read from the actions
/// themselves so the sheet never disagrees with them, and the canvas's mouse and key gestures.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace fondant
