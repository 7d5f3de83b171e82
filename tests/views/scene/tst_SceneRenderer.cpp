// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/SceneRenderer.h"

#include "DocumentFixture.h"
#include "views/scene/GraphScene.h"

#include <QImage>
#include <QTemporaryDir>

using namespace fondant;

class tst_SceneRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesPngAndSvg();
    void refusesOtherFormatsAndBadPlaces();
};

void tst_SceneRenderer::writesPngAndSvg()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("p.png"));
    QCOMPARE(SceneRenderer::render(scene, png), QString());
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > image.height()); // three steps side by side
    const QString svg = dir.filePath(QStringLiteral("p.svg"));
    QCOMPARE(SceneRenderer::render(scene, svg), QString());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("trim"));
}

void tst_SceneRenderer::refusesOtherFormatsAndBadPlaces()
{
    auto document = test::reviewsDocument();
    GraphScene scene(*document);
    QVERIFY(SceneRenderer::render(scene, QStringLiteral("/tmp/p.jpg"))
                .contains(QStringLiteral(".png")));
    QVERIFY(!SceneRenderer::render(scene, QStringLiteral("/proc/nowhere/p.png")).isEmpty());
}

QTEST_MAIN(tst_SceneRenderer)
#include "tst_SceneRenderer.moc"
