// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/value/Utf8.h"

#include <QTest>

using namespace fondant;

class tst_Utf8 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsFirstInvalidByte_data();
    void findsFirstInvalidByte();
    void roundTrip();
};

void tst_Utf8::findsFirstInvalidByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("valid") << QByteArray("a: é\n") << 0 << 0;
    QTest::newRow("lone continuation") << QByteArray("ok\nab\x80") << 2 << 3;
    QTest::newRow("overlong") << QByteArray("\xc0\xaf") << 1 << 1;
    QTest::newRow("surrogate") << QByteArray("x\xed\xa0\x80") << 1 << 2;
    QTest::newRow("truncated") << QByteArray("\xe2\x82") << 1 << 1;
}

void tst_Utf8::findsFirstInvalidByte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(int, column);
    const auto mark = utf8::firstInvalid(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (line == 0) {
        QVERIFY(!mark);
        return;
    }
    QVERIFY(mark);
    QCOMPARE(mark->line, line);
    QCOMPARE(mark->column, column);
}

void tst_Utf8::roundTrip()
{
    for (char32_t c : {U'a', U'é', U'—', U'😀'}) {
        std::string text;
        utf8::encode(text, c);
        std::size_t pos = 0;
        QCOMPARE(utf8::decode(text, pos), c);
        QCOMPARE(pos, text.size());
    }
}

QTEST_GUILESS_MAIN(tst_Utf8)
#include "tst_Utf8.moc"
