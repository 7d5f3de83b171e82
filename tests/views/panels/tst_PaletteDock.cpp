// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/panels/PaletteDock.h"

#include "views/models/ComponentLibraryModel.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace fondant;

class tst_PaletteDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void searchFiltersAndActivationAsksToAdd();
};

static int visibleComponents(QTreeView *view)
{
    int count = 0;
    const QAbstractItemModel *model = view->model();
    for (int group = 0; group < model->rowCount(); ++group)
        count += model->rowCount(model->index(group, 0));
    return count;
}

void tst_PaletteDock::searchFiltersAndActivationAsksToAdd()
{
    ComponentLibraryModel model;
    model.setFolders({QStringLiteral(FONDANT_BUNDLED_LIBRARY_DIR)});
    PaletteDock dock(&model);
    const int all = visibleComponents(dock.view());
    QVERIFY(all >= 7);
    QTest::keyClicks(dock.searchBox(), QStringLiteral("embed"));
    QVERIFY(visibleComponents(dock.view()) >= 1);
    QVERIFY(visibleComponents(dock.view()) < all);
    QSignalSpy activated(&dock, &PaletteDock::componentActivated);
    const QModelIndex group = dock.view()->model()->index(0, 0);
    const QModelIndex first = dock.view()->model()->index(0, 0, group);
    Q_EMIT dock.view()->activated(first);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("embed_sentences"));
    dock.searchBox()->clear();
    QCOMPARE(visibleComponents(dock.view()), all);
}

QTEST_MAIN(tst_PaletteDock)
#include "tst_PaletteDock.moc"
