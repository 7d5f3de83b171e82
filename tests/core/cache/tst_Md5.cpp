// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/cache/Md5.h"

#include <QTest>

using namespace fondant;

class tst_Md5 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownDigests_data();
    void knownDigests();
};

void tst_Md5::knownDigests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("digest");
    // RFC 1321 test suite
    QTest::newRow("empty") << QByteArray() << "d41d8cd98f00b204e9800998ecf8427e";
    QTest::newRow("a") << QByteArray("a") << "0cc175b9c0f1b6a831c399e269772661";
    QTest::newRow("abc") << QByteArray("abc") << "900150983cd24fb0d6963f7d28e17f72";
    QTest::newRow("message digest")
        << QByteArray("message digest") << "f96b697d7cb7938d525a2f31aaf161d0";
}

void tst_Md5::knownDigests()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, digest);
    Result<std::string> hex = Md5::hexDigest(
        std::string_view(input.constData(), static_cast<std::size_t>(input.size())));
    QVERIFY(hex.ok());
    QCOMPARE(QString::fromStdString(hex.value()), digest);
}

QTEST_GUILESS_MAIN(tst_Md5)
#include "tst_Md5.moc"
