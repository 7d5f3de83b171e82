// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/models/KeyDiffModel.h"

#include "InspectedFixture.h"
#include "views/commands/PipelineEditor.h"
#include "views/document/KeyComparison.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTest>

using namespace fondant;

class tst_KeyDiffModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ingredientsThenAndNow();
};

void tst_KeyDiffModel::ingredientsThenAndNow()
{
    test::InspectedVersion inspected("v2");
    KeyComparison comparison(inspected.document, inspected.inspector);
    comparison.compareWith(KeyComparison::Against::File,
        test::historyData + QStringLiteral("/versions/v2.pipeline.yaml"));
    KeyDiffModel model(comparison);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setStep(QStringLiteral("write_rows"));
    QCOMPARE(model.rowCount(), 0); // the same version: nothing differs
    PipelineEditor(inspected.document)
        .changeStep(QStringLiteral("trim_text"), QStringLiteral("arguments"),
            [](Step &step) { step.arguments.set("max_length", 45); });
    // write_rows only chains on the changed key.
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, KeyDiffModel::IngredientColumn).data().toString(),
        QStringLiteral("upstream"));
    QVERIFY(!model.index(0, KeyDiffModel::IngredientColumn).data(Qt::FontRole).isValid());
    model.setStep(QStringLiteral("trim_text"));
    QCOMPARE(model.rowCount(), 1); // its own argument; the key it chains on is the same
    QCOMPARE(model.index(0, KeyDiffModel::IngredientColumn).data().toString(),
        QStringLiteral("arguments.max_length"));
    QCOMPARE(model.index(0, KeyDiffModel::BeforeColumn).data().toString(), QStringLiteral("60"));
    QCOMPARE(model.index(0, KeyDiffModel::NowColumn).data().toString(), QStringLiteral("45"));
    QVERIFY(
        model.index(0, KeyDiffModel::IngredientColumn).data(Qt::FontRole).value<QFont>().bold());
}

QTEST_MAIN(tst_KeyDiffModel)
#include "tst_KeyDiffModel.moc"
