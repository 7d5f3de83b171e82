// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/FondantLocator.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace fondant;

class tst_FondantLocator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void asksPythonOncePerInstallation();
    void reportsNothingWithoutFondant();
};

namespace {

// A stand-in interpreter: counts its runs and answers like the probe script would.
QString fakePython(const QTemporaryDir &dir, const QString &components, const QString &folder)
{
    const QString path = dir.filePath(QStringLiteral("python"));
    QFile script(path);
    script.open(QIODevice::WriteOnly);
    const QString answer = components.isEmpty()
        ? QStringLiteral("{\"components\": null, \"folders\": [\"%1\"]}").arg(folder)
        : QStringLiteral("{\"components\": \"%1\", \"folders\": [\"%2\"]}").arg(components, folder);
    script.write(QStringLiteral("#!/bin/sh\necho run >> '%1'\necho '%2'\n")
                     .arg(dir.filePath(QStringLiteral("runs")), answer)
                     .toUtf8());
    script.close();
    script.setPermissions(script.permissions() | QFileDevice::ExeOwner);
    return path;
}

int runs(const QTemporaryDir &dir)
{
    QFile file(dir.filePath(QStringLiteral("runs")));
    return file.open(QIODevice::ReadOnly) ? static_cast<int>(file.readAll().count('\n')) : 0;
}

} // namespace

void tst_FondantLocator::asksPythonOncePerInstallation()
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("site-packages/fondant/components"));
    const QString sitePackages = dir.filePath(QStringLiteral("site-packages"));
    const QString components = dir.filePath(QStringLiteral("site-packages/fondant/components"));
    const QString python = fakePython(dir, components, sitePackages);
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);

    {
        FondantLocator locator(python, &settings);
        QSignalSpy found(&locator, &FondantLocator::found);
        locator.start();
        QVERIFY(locator.askedPython());
        QVERIFY(found.wait(5000));
        QCOMPARE(found.first().first().toString(), components);
    }
    QCOMPARE(runs(dir), 1);

    // Next start: the kept answer, at once, without Python.
    {
        FondantLocator locator(python, &settings);
        QSignalSpy found(&locator, &FondantLocator::found);
        locator.start();
        QVERIFY(!locator.askedPython());
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().first().toString(), components);
    }
    QCOMPARE(runs(dir), 1);

    // A package installed: the package folder changed, so Python is asked again.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    QDir(sitePackages).mkpath(QStringLiteral("another_package"));
    {
        FondantLocator locator(python, &settings);
        QSignalSpy found(&locator, &FondantLocator::found);
        locator.start();
        QVERIFY(locator.askedPython());
        QVERIFY(found.wait(5000));
    }
    QCOMPARE(runs(dir), 2);
}

void tst_FondantLocator::reportsNothingWithoutFondant()
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("site-packages"));
    const QString python = fakePython(dir, {}, dir.filePath(QStringLiteral("site-packages")));
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    FondantLocator first(python, &settings);
    QSignalSpy found(&first, &FondantLocator::found);
    first.start();
    QTRY_COMPARE(runs(dir), 1);
    QTest::qWait(100);
    QCOMPARE(found.size(), 0);

    FondantLocator second(python, &settings);
    second.start();
    QVERIFY(!second.askedPython()); // "not installed" is an answer too

    FondantLocator missing(dir.filePath(QStringLiteral("no-such-python")), &settings);
    missing.start(); // no interpreter: nothing found, no crash
}

QTEST_MAIN(tst_FondantLocator)
#include "tst_FondantLocator.moc"
