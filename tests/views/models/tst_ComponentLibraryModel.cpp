// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/models/ComponentLibraryModel.h"

#include "views/scene/GraphScene.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QTest>

using namespace fondant;

class tst_ComponentLibraryModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupsByTag();
    void firstFolderWinsAndBrokenSpecsShow();
    void dragsTheReference();
};

static QModelIndex findComponent(const QAbstractItemModel &model, const QString &reference)
{
    for (int group = 0; group < model.rowCount(); ++group) {
        const QModelIndex parent = model.index(group, 0);
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            if (index.data(ComponentLibraryModel::ReferenceRole).toString() == reference)
                return index;
        }
    }
    return {};
}

void tst_ComponentLibraryModel::groupsByTag()
{
    ComponentLibraryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFolders({QStringLiteral(FONDANT_BUNDLED_LIBRARY_DIR)});
    QVERIFY(model.rowCount() >= 4);
    const QModelIndex embed = findComponent(model, QStringLiteral("embed_sentences"));
    QVERIFY(embed.isValid());
    QCOMPARE(embed.data().toString(), QStringLiteral("Embed sentences"));
    QVERIFY(embed.data(Qt::ToolTipRole).toString().contains(QStringLiteral("batch_size")));
    QVERIFY(embed.parent().data().toString().startsWith(QStringLiteral("Embeddings")));
    // Two tags: listed under both.
    int places = 0;
    for (int group = 0; group < model.rowCount(); ++group)
        for (int row = 0; row < model.rowCount(model.index(group, 0)); ++row)
            places += model.index(row, 0, model.index(group, 0))
                          .data(ComponentLibraryModel::ReferenceRole)
                == QStringLiteral("embed_sentences");
    QCOMPARE(places, 2);
}

void tst_ComponentLibraryModel::firstFolderWinsAndBrokenSpecsShow()
{
    ComponentLibraryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFolders({QStringLiteral(FONDANT_TEST_DATA_DIR "/components"),
        QStringLiteral(FONDANT_TEST_DATA_DIR "/components")});
    QCOMPARE(model.entries().size(), std::size_t {5}); // the five fixture components, once
    QVERIFY(findComponent(model, QStringLiteral("trim_text")).isValid());
}

void tst_ComponentLibraryModel::dragsTheReference()
{
    ComponentLibraryModel model;
    model.setFolders({QStringLiteral(FONDANT_BUNDLED_LIBRARY_DIR)});
    const QModelIndex index = findComponent(model, QStringLiteral("read_csv"));
    QVERIFY(model.flags(index) & Qt::ItemIsDragEnabled);
    QVERIFY(!(model.flags(index.parent()) & Qt::ItemIsDragEnabled));
    std::unique_ptr<QMimeData> mime(model.mimeData({index}));
    QCOMPARE(mime->data(QLatin1String(GraphScene::componentMimeType)), QByteArray("read_csv"));
}

QTEST_MAIN(tst_ComponentLibraryModel)
#include "tst_ComponentLibraryModel.moc"
