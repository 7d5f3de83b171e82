// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/scene/CanvasStyle.h"

#include <QApplication>
#include <QGraphicsRectItem>
#include <QStyle>
#include <QTest>

using namespace fondant;

class tst_CanvasStyle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void contrastOfKnownColours();
    void textMeetsWcagAa_data();
    void textMeetsWcagAa();
    void darkPaletteGivesADarkCanvas();
    void followsTheApplicationPalette();
};

void tst_CanvasStyle::contrastOfKnownColours()
{
    QCOMPARE(CanvasStyle::contrast(Qt::black, Qt::white), 21.0);
    QCOMPARE(CanvasStyle::contrast(Qt::white, Qt::white), 1.0);
    // WCAG's own example: #767676 on white is just above 4.5:1.
    QVERIFY(qAbs(CanvasStyle::contrast(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
}

void tst_CanvasStyle::textMeetsWcagAa_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << CanvasStyle::lightPalette();
    QTest::newRow("dark") << CanvasStyle::darkPalette();
    QTest::newRow("desktop") << QApplication::style()->standardPalette();
    // A palette nobody designed for us: grey on grey, with a pale accent.
    QPalette odd;
    odd.setColor(QPalette::Window, QColor(0x80, 0x80, 0x80));
    odd.setColor(QPalette::Base, QColor(0x90, 0x90, 0x90));
    odd.setColor(QPalette::Text, QColor(0x70, 0x70, 0x70));
    odd.setColor(QPalette::Highlight, QColor(0xa0, 0xc0, 0xff));
    QTest::newRow("grey") << odd;
}

void tst_CanvasStyle::textMeetsWcagAa()
{
    QFETCH(QPalette, palette);
    const CanvasStyle s = CanvasStyle::fromPalette(palette);
    struct Pair
    {
        const char *what;
        QColor text;
        QColor fill;
        double least;
    };
    const Pair pairs[] = {
        {"step name on its band", s.title, s.headerFill, 4.5},
        {"step name, caching off", s.title, s.headerFillCacheOff, 4.5},
        {"step name on a far-away block with errors", s.title, s.errorBadgeFill, 4.5},
        {"cache line (and far name), cached", s.title, s.fillOf(CacheState::Cached), 4.5},
        {"cache line (and far name), changed", s.title, s.fillOf(CacheState::Runs), 4.5},
        {"cache line (and far name), re-runs upstream", s.title, s.fillOf(CacheState::Cascade),
            4.5},
        {"cache line (and far name), caching off", s.title, s.fillOf(CacheState::Disabled), 4.5},
        {"cache line (and far name), will fail", s.title, s.fillOf(CacheState::Fails), 4.5},
        {"component line on the band", s.secondary, s.headerFill, 4.5},
        {"component line, caching off", s.secondary, s.headerFillCacheOff, 4.5},
        {"fields on the body", s.secondary, s.stepFill, 4.5},
        {"cache key badge", s.badgeText, s.badgeFill, 4.5},
        {"caching off badge", s.badgeText, s.cacheOffBadgeFill, 4.5},
        {"problems badge", s.errorBadgeText, s.errorBadgeFill, 4.5},
        {"hint on the empty canvas", s.hint, s.background, 4.5},
        // Lines and outlines are no text: WCAG asks 3:1 for what is needed to see a state.
        {"link on the canvas", s.link, s.background, 3.0},
        {"error outline", s.error, s.stepFill, 3.0},
        {"warning outline", s.warning, s.stepFill, 3.0},
        {"fitting link target", s.fits, s.stepFill, 3.0},
        {"selection", s.selection, s.background, 3.0},
        {"status change ring", s.news, s.background, 3.0},
    };
    // The cache states differ in hue (their lightness is kept for the names on them).
    QVERIFY(qAbs(s.cachedFill.hslHue() - s.runsFill.hslHue()) >= 60);
    QVERIFY(qAbs(s.cascadeFill.hslHue() - s.runsFill.hslHue()) >= 30);
    for (const Pair &pair : pairs) {
        const double ratio = CanvasStyle::contrast(pair.text, pair.fill);
        qInfo("%s: %.1f:1", pair.what, ratio); // the measured ratios, for the record
        QVERIFY2(ratio >= pair.least,
            qPrintable(QStringLiteral("%1: %2 on %3 is %4:1")
                           .arg(QLatin1String(pair.what), pair.text.name(), pair.fill.name())
                           .arg(ratio, 0, 'f', 2)));
    }
}

void tst_CanvasStyle::darkPaletteGivesADarkCanvas()
{
    const CanvasStyle dark = CanvasStyle::fromPalette(CanvasStyle::darkPalette());
    const CanvasStyle light = CanvasStyle::fromPalette(CanvasStyle::lightPalette());
    QVERIFY(dark.dark);
    QVERIFY(!light.dark);
    QVERIFY(dark.background.lightnessF() < 0.25);
    QVERIFY(light.background.lightnessF() > 0.85);
    QVERIFY(dark.title.lightnessF() > 0.8);
    // Steps stand out from the canvas in both.
    QVERIFY(dark.stepFill != dark.background);
    QVERIFY(light.stepFill != light.background);
    // Our palettes give the step names AAA contrast (7:1), the first thing read.
    for (const CanvasStyle &s : {dark, light}) {
        QVERIFY(CanvasStyle::contrast(s.title, s.headerFill) >= 7.0);
        QVERIFY(CanvasStyle::contrast(s.title, s.headerFillCacheOff) >= 7.0);
    }
    // The palettes' own secondary text (descriptions, placeholders) is readable too.
    for (const QPalette &palette : {CanvasStyle::lightPalette(), CanvasStyle::darkPalette()}) {
        QVERIFY(CanvasStyle::contrast(
                    palette.color(QPalette::PlaceholderText), palette.color(QPalette::Base))
            >= 4.5);
        QVERIFY(CanvasStyle::contrast(
                    palette.color(QPalette::WindowText), palette.color(QPalette::Window))
            >= 7.0);
    }
}

void tst_CanvasStyle::followsTheApplicationPalette()
{
    const QPalette before = QApplication::palette();
    QApplication::setPalette(CanvasStyle::darkPalette());
    QGraphicsRectItem loose; // in no canvas: the application's palette decides
    QVERIFY(CanvasStyle::of(loose).dark);
    QApplication::setPalette(before);
    QCOMPARE(CanvasStyle::of(loose).dark, CanvasStyle::fromPalette(before).dark);
}

QTEST_MAIN(tst_CanvasStyle)
#include "tst_CanvasStyle.moc"
