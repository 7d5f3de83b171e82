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
    void visibleControls_data();
    void visibleControls();
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

void tst_Diagnostic::visibleControls_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("shown");
    QTest::newRow("plain") << QByteArray("caf\xc3\xa9 \xe2\x86\x92 ok")
                           << QByteArray("caf\xc3\xa9 \xe2\x86\x92 ok");
    QTest::newRow("escape sequence") << QByteArray("a\x1b[2Jb\n") << QByteArray("a\\x1b[2Jb\\x0a");
    QTest::newRow("C1 control") << QByteArray("a\xc2\x9b"
                                              "b")
                                << QByteArray("a\\u009bb");
    QTest::newRow("not UTF-8") << QByteArray("a\xff\xc3"
                                             "b\xe2\x86")
                               << QByteArray("a\\xff\\xc3b\\xe2\\x86");
    QTest::newRow("replacement character")
        << QByteArray("\xef\xbf\xbd") << QByteArray("\xef\xbf\xbd");
}

void tst_Diagnostic::visibleControls()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, shown);
    QCOMPARE(QByteArray::fromStdString(withVisibleControls(text.toStdString())), shown);
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
