// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/spec/ComponentResolver.h"

#include "core/pipeline/Pipeline.h"

#include <QTest>

using namespace fondant;

class tst_ComponentResolver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resolvesByNameInOrder();
    void resolvesPaths();
    void unknownNameSaysWhereItLooked();
    void refusesNamesWithSlashes();
    void searchOrderForPipeline();
    void defaultIdsAreSafeNames();
    void bundledLibraryExists();
};

static const QString dataDir = QStringLiteral(FONDANT_TEST_DATA_DIR);

void tst_ComponentResolver::resolvesByNameInOrder()
{
    const ComponentResolver resolver(
        {QStringLiteral("/nonexistent"), dataDir + QStringLiteral("/components")});
    auto spec = resolver.resolve("trim_text");
    QVERIFY2(spec.ok(), spec.errorMessage().c_str());
    QCOMPARE(spec.value()->name(), std::string("Trim text"));
    // Loaded once, shared afterwards.
    QCOMPARE(resolver.resolve("trim_text").value().get(), spec.value().get());
}

void tst_ComponentResolver::resolvesPaths()
{
    const ComponentResolver resolver({}, dataDir + QStringLiteral("/pipelines"));
    QVERIFY(resolver.resolve("../components/load_table").ok());
    QVERIFY(resolver.resolve(dataDir.toStdString() + "/components/load_table").ok());
    auto missing = resolver.resolve("./nowhere");
    QVERIFY(!missing.ok());
    QVERIFY(missing.errorMessage().find("fondant_component.yaml") != std::string::npos);
}

void tst_ComponentResolver::unknownNameSaysWhereItLooked()
{
    const ComponentResolver resolver({QStringLiteral("/first"), QStringLiteral("/second")});
    auto spec = resolver.resolve("trim_txt");
    QVERIFY(!spec.ok());
    QVERIFY(spec.errorMessage().find("/first, /second") != std::string::npos);
}

void tst_ComponentResolver::refusesNamesWithSlashes()
{
    const ComponentResolver resolver({dataDir});
    QVERIFY(!resolver.resolve("components/trim_text").ok());
}

void tst_ComponentResolver::searchOrderForPipeline()
{
    Pipeline pipeline;
    pipeline.filePath
        = (dataDir + QStringLiteral("/pipelines/reviews.pipeline.yaml")).toStdString();
    pipeline.componentDirs = {"../components"};
    const ComponentResolver resolver = ComponentResolver::forPipeline(
        pipeline, {QStringLiteral("/extra")}, QStringLiteral("/bundled"));
    QCOMPARE(resolver.searchDirs(),
        (QStringList {dataDir + QStringLiteral("/components"), QStringLiteral("/extra"),
            QStringLiteral("/bundled")}));
}

void tst_ComponentResolver::defaultIdsAreSafeNames()
{
    Pipeline pipeline;
    pipeline.steps.resize(3);
    pipeline.steps[0].component = "load_table";
    pipeline.steps[1].component = "./missing/thing";
    pipeline.steps[2].component = "trim_text";
    pipeline.steps[2].id = "custom";
    const ComponentResolver resolver({dataDir + QStringLiteral("/components")});
    resolver.assignDefaultIds(pipeline);
    QCOMPARE(pipeline.steps[0].id, std::string("load_table"));
    QCOMPARE(pipeline.steps[1].id, std::string("thing"));
    QCOMPARE(pipeline.steps[2].id, std::string("custom"));
}

void tst_ComponentResolver::bundledLibraryExists()
{
    qputenv("FONDANT_STUDIO_COMPONENTS", "");
    const QString dir = ComponentResolver::bundledLibraryDir();
    QVERIFY(!dir.isEmpty());
    QVERIFY(QFileInfo(dir).isDir());
}

QTEST_GUILESS_MAIN(tst_ComponentResolver)
#include "tst_ComponentResolver.moc"
