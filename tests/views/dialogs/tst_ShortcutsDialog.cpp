// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/dialogs/ShortcutsDialog.h"

#include <QAction>
#include <QTableWidget>
#include <QTest>

using namespace fondant;

class tst_ShortcutsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsActionsWithKeysThenGestures();
};

void tst_ShortcutsDialog::listsActionsWithKeysThenGestures()
{
    QAction save(QStringLiteral("&Save"));
    save.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    QAction zoom(QStringLiteral("Zoom &In"));
    zoom.setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction plain(QStringLiteral("Export &Picture…")); // no keys: not listed
    ShortcutsDialog sheet({&save, &plain, &zoom});
    QTableWidget *table = sheet.table();
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Save"));
    QCOMPARE(table->item(0, 1)->text(),
        QKeySequence(Qt::CTRL | Qt::Key_S).toString(QKeySequence::NativeText));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("Zoom In"));
    QVERIFY(table->item(1, 1)->text().contains(QStringLiteral(" or ")));
    QCOMPARE(table->item(2, 0)->text(), QStringLiteral("Connect two steps"));
    for (int row = 0; row < table->rowCount(); ++row)
        QVERIFY(table->item(row, 0)->text() != QStringLiteral("Export Picture…"));
}

QTEST_MAIN(tst_ShortcutsDialog)
#include "tst_ShortcutsDialog.moc"
