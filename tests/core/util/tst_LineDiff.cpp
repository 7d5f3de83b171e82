// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/LineDiff.h"

#include <QTest>

using namespace fondant;

class tst_LineDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void asDiffShowsIt_data();
    void asDiffShowsIt();
    void equalTextsHaveNoDiff();
    void longMiddlesAreReplacedWhole();
};

void tst_LineDiff::asDiffShowsIt_data()
{
    // Expected: what GNU diff -u prints for the same texts, without its two file lines.
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("two hunks") << QByteArray("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n")
                               << QByteArray("a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n")
                               << QByteArray("@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"
                                             "@@ -11,3 +11,4 @@\n k\n l\n m\n+n\n");
    QTest::newRow("shifted") << QByteArray("x\ny\n") << QByteArray("y\nz\n")
                             << QByteArray("@@ -1,2 +1,2 @@\n-x\n y\n+z\n");
    QTest::newRow("one hunk, six kept between")
        << QByteArray("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n")
        << QByteArray("a\nB\nc\nd\ne\nf\ng\nh\nI\nj\n")
        << QByteArray("@@ -1,10 +1,10 @@\n a\n-b\n+B\n c\n d\n e\n f\n g\n h\n-i\n+I\n j\n");
}

void tst_LineDiff::asDiffShowsIt()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QByteArray, expected);
    QCOMPARE(
        QByteArray::fromStdString(LineDiff::unified(before.toStdString(), after.toStdString())),
        expected);
}

void tst_LineDiff::equalTextsHaveNoDiff()
{
    QCOMPARE(LineDiff::unified("a\nb\n", "a\nb\n"), std::string());
    QCOMPARE(LineDiff::unified("", ""), std::string());
    QCOMPARE(LineDiff::unified("a\n", "b\n"), std::string("@@ -1 +1 @@\n-a\n+b\n"));
    QCOMPARE(LineDiff::unified("", "a\n"), std::string("@@ -0,0 +1 @@\n+a\n"));
}

void tst_LineDiff::longMiddlesAreReplacedWhole()
{
    std::string before;
    std::string after;
    for (int i = 0; i < 50; ++i) {
        before += "line " + std::to_string(i) + "\n";
        after += "line " + std::to_string(i % 2 == 0 ? i : i + 1000) + "\n";
    }
    // Compared line by line: the odd lines change in place.
    const std::string compared = LineDiff::unified(before, after);
    QVERIFY(compared.find("-line 1\n+line 1001\n") != std::string::npos);
    // Beyond the limit the middle is removed, then added.
    const std::string whole = LineDiff::unified(before, after, 3, 10);
    QVERIFY(whole.starts_with("@@ -1,50 +1,50 @@\n line 0\n-line 1\n-line 2\n"));
    QVERIFY(whole.find("-line 49\n+line 1001\n") != std::string::npos);
}

QTEST_APPLESS_MAIN(tst_LineDiff)
#include "tst_LineDiff.moc"
