// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/Suggest.h"

#include <QTest>

using namespace fondant;

class tst_Suggest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void distances();
    void nearestOnlyForTypos();
};

void tst_Suggest::distances()
{
    QCOMPARE(editDistance("min_width", "min_width"), std::size_t {0});
    QCOMPARE(editDistance("min_widht", "min_width"), std::size_t {2});
    QCOMPARE(editDistance("", "abc"), std::size_t {3});
    QCOMPARE(editDistance("Args", "args"), std::size_t {0});
}

void tst_Suggest::nearestOnlyForTypos()
{
    const std::vector<std::string> names {"min_characters_length", "min_words_length"};
    QCOMPARE(nearestName("min_character_length", names), std::string("min_characters_length"));
    QCOMPARE(nearestName("batch_size", names), std::string());
    QCOMPARE(
        didYouMean("min_word_length", names), std::string(" (did you mean 'min_words_length'?)"));
}

QTEST_GUILESS_MAIN(tst_Suggest)
#include "tst_Suggest.moc"
