// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/dialogs/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <utility>
#include <vector>

namespace fondant {

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent), m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    setObjectName(QStringLiteral("shortcutsSheet"));
    std::vector<std::pair<QString, QString>> rows;
    for (const QAction *action : actions) {
        if (action->shortcuts().isEmpty() || action->text().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &shortcut : action->shortcuts())
            keys << shortcut.toString(QKeySequence::NativeText);
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        rows.emplace_back(text, keys.join(tr(" or ")));
    }
    rows.emplace_back(tr("Connect two steps"), tr("Drag from a step's right port to another step"));
    rows.emplace_back(tr("Edit a step's properties"), tr("Double-click the step"));
    rows.emplace_back(tr("Step menu (delete, disconnect)"), tr("Right-click the step"));
    rows.emplace_back(tr("Select several steps"), tr("Drag a frame on the empty canvas"));
    rows.emplace_back(tr("Pan the canvas"), tr("Middle button, or Space and drag"));
    rows.emplace_back(tr("Zoom the canvas"), tr("Mouse wheel (Shift+wheel scrolls)"));

    m_table->setColumnCount(2);
    m_table->setRowCount(static_cast<int>(rows.size()));
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Keys or gesture")});
    for (int row = 0; row < static_cast<int>(rows.size()); ++row) {
        const auto &[command, keys] = rows[static_cast<std::size_t>(row)];
        m_table->setItem(row, 0, new QTableWidgetItem(command));
        m_table->setItem(row, 1, new QTableWidgetItem(keys));
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(560, 520);
}

} // namespace fondant
