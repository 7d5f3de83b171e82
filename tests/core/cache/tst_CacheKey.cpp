// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/cache/CacheKey.h"

#include "core/value/JsonReader.h"
#include "core/value/PyJson.h"

#include <QTest>

using namespace fondant;

class tst_CacheKey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exactPreimages();
    void reservedArgumentsAreOverwritten();
    void noneCacheIsLeftOut();
    void imageOfLightweightComponent();
    void rechainingEqualsComputingAgain();
};

#ifndef Q_MOC_RUN // moc cannot read the raw strings below
// Expected values were computed with Python's json.dumps(sort_keys=True) and hashlib.md5 on the
// same inputs, following Fondant 0.12.1's recipe.
static CacheKeyInputs sampleInputs()
{
    CacheKeyInputs inputs;
    inputs.userArguments = JsonReader::parse(
        R"({"b": 1e-05, "a": "\u00e9\ud83d\ude00", "n": null, "l": [true, 2], "d": {"z": 1, "y": 0.5}})",
        "a")
                               .value();
    inputs.inputPartitionRows = Value(500);
    inputs.cache = false;
    inputs.operationSpec = JsonReader::parse(
        R"({"specification": {"name": "X", "image": "i:1", "description": "Zo\u00eb \u2014 test"}, "consumes": {}, "produces": {"out": {"type": "string"}}})",
        "o")
                               .value();
    inputs.image.baseImage = "i:1";
    inputs.numberOfAccelerators = 2;
    inputs.acceleratorName = "GPU";
    inputs.nodePoolName = "pool";
    inputs.previousKey = "abc";
    return inputs;
}

void tst_CacheKey::exactPreimages()
{
    Result<CacheKey> key = CacheKeyCalculator::compute(sampleInputs());
    QVERIFY(key.ok());
    QCOMPARE(key->argumentsText,
        std::string(
            R"({"a": "\u00e9\ud83d\ude00", "b": 1e-05, "cache": false, "d": {"y": 0.5, "z": 1}, "input_partition_rows": 500, "l": [true, 2], "n": null, )"
            R"("operation_spec": "{\"specification\": {\"name\": \"X\", \"image\": \"i:1\", \"description\": \"Zo\\u00eb \\u2014 test\"}, \"consumes\": {}, \"produces\": {\"out\": {\"type\": \"string\"}}}"})"));
    QCOMPARE(key->argumentsHash, std::string("af7448cc7e1318b1c2685af26f6efa75"));
    QCOMPARE(key->operationSpecHash, std::string("e240c017ce8c851be0b22a948e67e062"));
    QCOMPARE(key->imageHash, std::string("fa9b14d197719103150ffac3d8472659"));
    QCOMPARE(key->key, std::string("21717f3edf34b298a08f78c52254abac"));
    QVERIFY(key->finalText.starts_with(
        R"({"accelerator_name": "GPU", "arguments": "af7448cc7e1318b1c2685af26f6efa75")"));
    QVERIFY(key->finalText.ends_with(R"("previous_component_cache": "abc"})"));
}

void tst_CacheKey::reservedArgumentsAreOverwritten()
{
    CacheKeyInputs inputs = sampleInputs();
    inputs.userArguments.set("cache", true);
    inputs.userArguments.set("operation_spec", "user text");
    Result<CacheKey> key = CacheKeyCalculator::compute(inputs);
    QCOMPARE(key->argumentsHash, std::string("af7448cc7e1318b1c2685af26f6efa75"));
    QCOMPARE(key->arguments.members().front().key, std::string("b"));
}

void tst_CacheKey::noneCacheIsLeftOut()
{
    CacheKeyInputs inputs = sampleInputs();
    inputs.cache = std::nullopt;
    Result<CacheKey> key = CacheKeyCalculator::compute(inputs);
    QVERIFY(!key->arguments.contains("cache"));
    QVERIFY(key->key != std::string("21717f3edf34b298a08f78c52254abac"));
}

void tst_CacheKey::imageOfLightweightComponent()
{
    ImageSpec image {
        "python:3.10-slim", std::vector<std::string> {"pandas"}, std::string("print(1)\n")};
    Result<CacheKey> plain = CacheKeyCalculator::compute(sampleInputs());
    CacheKeyInputs inputs = sampleInputs();
    inputs.image = image;
    Result<CacheKey> lightweight = CacheKeyCalculator::compute(inputs);
    QCOMPARE(lightweight->imageText,
        std::string(
            R"({"base_image": "python:3.10-slim", "extra_requires": ["pandas"], "script": "print(1)\n"})"));
    QVERIFY(lightweight->key != plain->key);
}

// Chaining a computed key on another previous key (or none) gives what computing it with that
// previous key gives.
void tst_CacheKey::rechainingEqualsComputingAgain()
{
    const std::vector<std::optional<std::string>> previousKeys {
        std::string("abc"), std::nullopt, std::string("0f343b0931126a20f133d67c2b018a3b")};
    for (const auto &from : previousKeys) {
        for (const auto &to : previousKeys) {
            CacheKeyInputs inputs = sampleInputs();
            inputs.previousKey = from;
            CacheKey key = CacheKeyCalculator::compute(inputs).value();
            QVERIFY(!CacheKeyCalculator::rechain(key, to));
            inputs.previousKey = to;
            const CacheKey fresh = CacheKeyCalculator::compute(inputs).value();
            QCOMPARE(key.finalText, fresh.finalText);
            QCOMPARE(key.key, fresh.key);
            QCOMPARE(key.inputs.previousKey, to);
            QCOMPARE(PyJson::dumps(key.final, PyJson::KeyOrder::Insertion),
                PyJson::dumps(fresh.final, PyJson::KeyOrder::Insertion));
        }
    }
}

#endif

QTEST_GUILESS_MAIN(tst_CacheKey)
#include "tst_CacheKey.moc"
