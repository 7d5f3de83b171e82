// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/SceneRenderer.h"

#include "DocumentFixture.h"
#include "views/scene/GraphScene.h"

#include <QApplication>
#include <QImage>
#include <QTemporaryDir>

using namespace fondant;

class tst_SceneRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesPngAndSvg();
    void refusesOtherFormatsAndBadPlaces();
    void paintsInThePalettesColours();
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

void tst_SceneRenderer::paintsInThePalettesColours()
{
    auto document = test::reviewsDocument();
    QTemporaryDir dir;
    const auto pictureOf = [&](const QPalette &palette) {
        QApplication::setPalette(palette);
        GraphScene scene(*document);
        const QString png = dir.filePath(QStringLiteral("p.png"));
        return SceneRenderer::render(scene, png).isEmpty() ? QImage(png) : QImage();
    };
    const QPalette before = QApplication::palette();
    const QImage dark = pictureOf(CanvasStyle::darkPalette());
    const QImage light = pictureOf(CanvasStyle::lightPalette());
    QApplication::setPalette(before);
    QVERIFY(dark.pixelColor(2, 2).lightnessF() < 0.25);
    QVERIFY(light.pixelColor(2, 2).lightnessF() > 0.85);
    // The step names are drawn in the style's title colour: light on the dark canvas.
    int lightPixels = 0;
    for (int y = 0; y < dark.height(); y += 2)
        for (int x = 0; x < dark.width(); x += 2)
            lightPixels += dark.pixelColor(x, y).lightnessF() > 0.8 ? 1 : 0;
    QVERIFY(lightPixels > 100);
}

QTEST_MAIN(tst_SceneRenderer)
#include "tst_SceneRenderer.moc"
