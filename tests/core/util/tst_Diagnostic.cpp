// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/Diagnostic.h"

#include <QTest>

using namespace fondant;

class tst_Diagnostic : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compilerStyleText_data();
    void compilerStyleText();
    void hasErrorsIgnoresWarnings();
};

void tst_Diagnostic::compilerStyleText_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("expected");
    QTest::newRow("placed error") << "p.yaml" << 3 << true << "p.yaml:3:7: error: bad";
    QTest::newRow("file only") << "p.yaml" << 0 << false << "p.yaml: warning: bad";
    QTest::newRow("no file") << "" << 0 << true << "error: bad";
}

void tst_Diagnostic::compilerStyleText()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(bool, isError);
    QFETCH(QString, expected);
    const Diagnostic d = isError ? Diagnostic::error(file.toStdString(), {line, 7}, "bad")
                                 : Diagnostic::warning(file.toStdString(), {line, 7}, "bad");
    QCOMPARE(QString::fromStdString(d.toString()), expected);
}

void tst_Diagnostic::hasErrorsIgnoresWarnings()
{
    Diagnostics list {Diagnostic::warning("f", {}, "w")};
    QVERIFY(!hasErrors(list));
    list.push_back(Diagnostic::error("f", {}, "e"));
    QVERIFY(hasErrors(list));
}

QTEST_GUILESS_MAIN(tst_Diagnostic)
#include "tst_Diagnostic.moc"
