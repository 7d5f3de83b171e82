// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#include "views/document/Autosave.h"

#include "DocumentFixture.h"
#include "core/pipeline/PipelineReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <atomic>
#include <thread>

using namespace fondant;

namespace {
/// What QLockFile writes into a lock file held by this process (its id, name, host and boot).
QByteArray ownLockContents()
{
    QTemporaryDir dir;
    QLockFile lock(dir.filePath(QStringLiteral("probe.lock")));
    if (!lock.tryLock(0))
        qFatal("cannot take a lock in a temporary folder");
    QFile file(lock.fileName());
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read a lock file");
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

void setModified(const QString &path, const QDateTime &time)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(time, QFileDevice::FileModificationTime));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

/// Leaves what a session that crashed with unsaved work leaves: its copy, with no lock held.
QString leaveCrashCopy(const Autosave &live, const QString &name)
{
    const QString copy = QFileInfo(live.copyPath()).dir().filePath(name);
    if (!QFile::copy(live.copyPath(), copy))
        qFatal("cannot copy the autosaved copy");
    return copy;
}

void edit(PipelineDocument &document)
{
    document.undoStack()->push(new QUndoCommand(QStringLiteral("edit")));
}
} // namespace

class tst_Autosave : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsUnsavedWorkUntilSaved();
    void copyNamesAreRandomNotTheProcessId();
    void liveSessionsNeverSeeEachOthersCopies();
    void copyWithoutALiveLockIsAnOrphan_data();
    void copyWithoutALiveLockIsAnOrphan();
    void orphanIsLockedWhileOffered();
    void locksWithoutACopyAreCleared();
    void writesTheNewCopyBeforeRemovingTheOld();
    void originRoundTrip_data();
    void originRoundTrip();
    void readsOriginOfCopiesWithoutHeader();
    void corruptCopyIsReportedAndCanBeDiscarded();
    void discardAndRecoverRemoveOnlyThatCopy();
    void timerWritesOnlyUnsavedWork();
};

void tst_Autosave::keepsUnsavedWorkUntilSaved()
{
    QTemporaryDir folder;
    QTemporaryDir work;
    auto document = test::reviewsDocument();
    QString copyPath;
    {
        Autosave autosave(*document, folder.path());
        copyPath = autosave.copyPath();
        QVERIFY(QFile::exists(Autosave::lockPath(copyPath))); // held for the session's whole life
        edit(*document);
        QVERIFY(autosave.writeNow());
        QVERIFY(QFile::exists(copyPath));
        QVERIFY(!document->save(work.filePath(QStringLiteral("saved.pipeline.yaml"))).has_value());
        QVERIFY(!QFile::exists(copyPath));
        QVERIFY(QFile::exists(Autosave::lockPath(copyPath)));
    }
    QVERIFY(entries(folder.path()).isEmpty()); // a normal end leaves nothing behind
}

void tst_Autosave::copyNamesAreRandomNotTheProcessId()
{
    QTemporaryDir folder;
    auto document = test::reviewsDocument();
    const QRegularExpression uuidName(QStringLiteral(
        "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.pipeline\\.yaml$"));
    const QString pid = QString::number(QCoreApplication::applicationPid());
    QString first;
    {
        Autosave autosave(*document, folder.path());
        first = QFileInfo(autosave.copyPath()).fileName();
    }
    Autosave next(*document, folder.path()); // the same process starting again, as in a sandbox
    Autosave other(*document, folder.path());
    for (const QString &name :
        {first, QFileInfo(next.copyPath()).fileName(), QFileInfo(other.copyPath()).fileName()}) {
        QVERIFY2(uuidName.match(name).hasMatch(), qPrintable(name));
        QVERIFY(!name.split(QRegularExpression(QStringLiteral("[-.]"))).contains(pid));
    }
    QVERIFY(first != QFileInfo(next.copyPath()).fileName());
    QVERIFY(next.copyPath() != other.copyPath());
}

void tst_Autosave::liveSessionsNeverSeeEachOthersCopies()
{
    QTemporaryDir folder;
    auto first = test::reviewsDocument();
    auto second = test::reviewsDocument();
    auto a = std::make_unique<Autosave>(*first, folder.path());
    Autosave b(*second, folder.path());
    edit(*first);
    edit(*second);
    QVERIFY(a->writeNow());
    QVERIFY(b.writeNow());
    QVERIFY(a->orphans().empty());
    QVERIFY(b.orphans().empty());

    // However old a live session's lock, it keeps its native lock: its copy is not taken.
    setModified(Autosave::lockPath(b.copyPath()), QDateTime::currentDateTime().addDays(-2));
    QVERIFY(a->orphans().empty());
    Autosave::Orphan forged;
    forged.copyPath = b.copyPath();
    QVERIFY(!Autosave::discard(forged));
    QVERIFY(!a->recover(forged));
    QVERIFY(QFile::exists(b.copyPath()));
    QVERIFY(QFile::exists(Autosave::lockPath(b.copyPath())));

    // Closing one session removes its own copy and lock only.
    const QString aCopy = a->copyPath();
    a.reset();
    QVERIFY(!QFile::exists(aCopy));
    QVERIFY(!QFile::exists(Autosave::lockPath(aCopy)));
    QVERIFY(QFile::exists(b.copyPath()));
    QVERIFY(QFile::exists(Autosave::lockPath(b.copyPath())));
}

void tst_Autosave::copyWithoutALiveLockIsAnOrphan_data()
{
    QTest::addColumn<QByteArray>("lock"); // contents of the copy's lock file ("" for none)
    QTest::addColumn<int>("ageSeconds"); // age of the lock file
    QTest::addColumn<bool>("orphan");

    QByteArray deadProcess = ownLockContents();
    deadProcess.replace(0, deadProcess.indexOf('\n'), "2147483000");
    QTest::newRow("no lock") << QByteArray() << 0 << true;
    QTest::newRow("lock of a process that ended") << deadProcess << 0 << true;
    // A sandboxed app has the same process id at every start: the lock names a running process,
    // this one, but nobody holds it and it is older than the stale time.
    QTest::newRow("lock naming a reused process id, old") << ownLockContents() << 3600 << true;
    // Too recent to tell from a live lock on the process id alone: kept for a later start.
    QTest::newRow("lock naming a reused process id, recent") << ownLockContents() << 0 << false;
}

void tst_Autosave::copyWithoutALiveLockIsAnOrphan()
{
    QFETCH(QByteArray, lock);
    QFETCH(int, ageSeconds);
    QFETCH(bool, orphan);
    QTemporaryDir folder;
    auto document = test::reviewsDocument();
    Autosave autosave(*document, folder.path());
    edit(*document);
    QVERIFY(autosave.writeNow());
    const QString copy = leaveCrashCopy(autosave, QStringLiteral("crashed.pipeline.yaml"));
    if (!lock.isEmpty()) {
        writeFile(Autosave::lockPath(copy), lock);
        setModified(Autosave::lockPath(copy), QDateTime::currentDateTime().addSecs(-ageSeconds));
    }
    const auto orphans = autosave.orphans();
    QCOMPARE(orphans.size(), std::size_t(orphan ? 1 : 0));
    QVERIFY(QFile::exists(copy)); // offering never removes a copy
    if (orphan) {
        QCOMPARE(orphans.front().copyPath, copy);
        QVERIFY(orphans.front().problem.isEmpty());
        QVERIFY(orphans.front().lock && orphans.front().lock->isLocked());
    }
}

void tst_Autosave::orphanIsLockedWhileOffered()
{
    QTemporaryDir folder;
    auto first = test::reviewsDocument();
    auto second = test::reviewsDocument();
    Autosave a(*first, folder.path());
    Autosave b(*second, folder.path());
    edit(*first);
    QVERIFY(a.writeNow());
    const QString copy = leaveCrashCopy(a, QStringLiteral("crashed.pipeline.yaml"));
    {
        const auto offered = a.orphans();
        QCOMPARE(offered.size(), std::size_t {1});
        QVERIFY(b.orphans().empty()); // being offered by a: not offered by b at the same time
        QVERIFY(!Autosave::discard(Autosave::Orphan {copy, {}, {}, {}, nullptr}));
        QVERIFY(QFile::exists(copy));
    }
    // Released once a's offer is over (here: ignored), so the copy is kept and offered again.
    QVERIFY(!QFile::exists(Autosave::lockPath(copy)));
    const auto offered = b.orphans();
    QCOMPARE(offered.size(), std::size_t {1});
    QCOMPARE(offered.front().copyPath, copy);
}

void tst_Autosave::locksWithoutACopyAreCleared()
{
    QTemporaryDir folder;
    auto document = test::reviewsDocument();
    Autosave autosave(*document, folder.path());
    Autosave live(*document, folder.path()); // its lock has no copy yet, and must stay
    const QString stale = folder.filePath(QStringLiteral("gone.pipeline.yaml.lock"));
    QByteArray deadProcess = ownLockContents();
    deadProcess.replace(0, deadProcess.indexOf('\n'), "2147483000");
    writeFile(stale, deadProcess);
    QVERIFY(autosave.orphans().empty());
    QVERIFY(!QFile::exists(stale));
    QVERIFY(QFile::exists(Autosave::lockPath(live.copyPath())));
    QVERIFY(QFile::exists(Autosave::lockPath(autosave.copyPath())));
}

void tst_Autosave::writesTheNewCopyBeforeRemovingTheOld()
{
    QTemporaryDir folder;
    auto document = test::reviewsDocument();
    Autosave autosave(*document, folder.path());
    edit(*document);
    QVERIFY(autosave.writeNow());
    const QString copy = autosave.copyPath();

    std::atomic<bool> done {false};
    std::atomic<int> missing {0};
    std::atomic<int> checks {0};
    std::thread watcher([&] {
        while (!done) {
            if (!QFileInfo::exists(copy))
                ++missing;
            ++checks;
        }
    });
    for (int i = 0; i < 200; ++i) {
        Pipeline pipeline = document->pipeline();
        pipeline.description = "revision " + std::to_string(i);
        document->setPipelineProperties(pipeline);
        QVERIFY(autosave.writeNow());
    }
    done = true;
    watcher.join();
    QVERIFY(checks > 0);
    QCOMPARE(missing.load(), 0);
    QVERIFY(readFile(copy).contains("revision 199"));
    // No half-written files are left next to the copy.
    QCOMPARE(entries(folder.path()),
        QStringList({QFileInfo(copy).fileName(), QFileInfo(Autosave::lockPath(copy)).fileName()}));
}

void tst_Autosave::originRoundTrip_data()
{
    QTest::addColumn<QString>("origin");
    QTest::newRow("file") << QStringLiteral(
        FONDANT_TEST_DATA_DIR "/pipelines/reviews.pipeline.yaml");
    QTest::newRow("untitled") << QString();
    QTest::newRow("unusual characters")
        << QStringLiteral("/nowhere/a folder/\u00fcber \"quoted\" \\ # \u2028 \u0085 \x7f\n"
                          "next line.pipeline.yaml");
}

void tst_Autosave::originRoundTrip()
{
    QFETCH(QString, origin);
    QTemporaryDir folder;
    auto document = test::reviewsDocument();
    if (origin.isEmpty()) {
        Pipeline untitled = document->pipeline();
        untitled.filePath.clear();
        document->reset(untitled);
    } else {
        document->adoptFilePath(origin);
    }
    origin = document->filePath();
    Autosave autosave(*document, folder.path());
    edit(*document);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(autosave.writeNow());
    const QDateTime after = QDateTime::currentDateTimeUtc();
    // The copy stays a pipeline file.
    const Result<Pipeline> read = PipelineReader::readFile(autosave.copyPath());
    QVERIFY2(read.ok(), read.errorMessage().c_str());
    QCOMPARE(read->steps.size(), document->pipeline().steps.size());

    const QString copy = leaveCrashCopy(autosave, QStringLiteral("crashed.pipeline.yaml"));
    setModified(copy, QDateTime::currentDateTime().addDays(-1)); // the time comes from the copy
    const auto orphans = autosave.orphans();
    QCOMPARE(orphans.size(), std::size_t {1});
    QCOMPARE(orphans.front().originalPath, origin);
    QVERIFY(orphans.front().savedAt >= before.addMSecs(-1));
    QVERIFY(orphans.front().savedAt <= after.addMSecs(1));
    QVERIFY(orphans.front().problem.isEmpty());

    auto recovering = std::make_unique<PipelineDocument>();
    Autosave recoverer(*recovering, folder.path());
    QVERIFY(recoverer.recover(orphans.front()));
    QCOMPARE(recovering->filePath(), origin);
    QVERIFY(recovering->isModified());
}

void tst_Autosave::readsOriginOfCopiesWithoutHeader()
{
    QTemporaryDir folder;
    auto document = test::reviewsDocument();
    Autosave autosave(*document, folder.path());
    const QString copy = folder.filePath(QStringLiteral("old.pipeline.yaml"));
    writeFile(copy, QByteArray::fromStdString(test::savedState(*document)));
    writeFile(copy + QStringLiteral(".origin"), document->filePath().toUtf8());
    // A damaged header: the copy still reads, as an untitled pipeline.
    const QString damaged = folder.filePath(QStringLiteral("damaged.pipeline.yaml"));
    writeFile(damaged,
        "# fondant-studio autosave {\"origin\": \n"
            + QByteArray::fromStdString(test::savedState(*document)));

    const auto orphans = autosave.orphans();
    QCOMPARE(orphans.size(), std::size_t {2});
    for (const Autosave::Orphan &orphan : orphans) {
        QVERIFY(orphan.problem.isEmpty());
        QVERIFY(orphan.savedAt.isValid());
        QCOMPARE(orphan.originalPath, orphan.copyPath == copy ? document->filePath() : QString());
        QVERIFY(Autosave::discard(orphan));
    }
    QCOMPARE(entries(folder.path()),
        QStringList({QFileInfo(Autosave::lockPath(autosave.copyPath())).fileName()}));
}

void tst_Autosave::corruptCopyIsReportedAndCanBeDiscarded()
{
    QTemporaryDir folder;
    auto document = test::reviewsDocument();
    Autosave autosave(*document, folder.path());
    edit(*document);
    QVERIFY(autosave.writeNow());
    const QString good = leaveCrashCopy(autosave, QStringLiteral("good.pipeline.yaml"));
    const QString corrupt = folder.filePath(QStringLiteral("corrupt.pipeline.yaml"));
    writeFile(corrupt, "name: broken\nsteps: [unclosed\n");

    auto orphans = autosave.orphans();
    QCOMPARE(orphans.size(), std::size_t {2});
    const auto bad = std::find_if(orphans.begin(), orphans.end(),
        [&](const Autosave::Orphan &orphan) { return orphan.copyPath == corrupt; });
    QVERIFY(bad != orphans.end());
    QVERIFY2(bad->problem.contains(QStringLiteral("line")), qPrintable(bad->problem));
    for (const Autosave::Orphan &orphan : orphans)
        if (orphan.copyPath == good)
            QVERIFY(orphan.problem.isEmpty());

    // It cannot be recovered, and failing to does not remove it.
    const std::string before = test::savedState(*document);
    QVERIFY(!autosave.recover(*bad));
    QVERIFY(!autosave.errorString().isEmpty());
    QCOMPARE(test::savedState(*document), before);
    QVERIFY(QFile::exists(corrupt));

    // Discarding it removes that copy and its lock, nothing else.
    QVERIFY(Autosave::discard(*bad));
    QVERIFY(!QFile::exists(corrupt));
    QVERIFY(!QFile::exists(Autosave::lockPath(corrupt)));
    QVERIFY(QFile::exists(good));
    orphans.clear();
    const auto left = autosave.orphans();
    QCOMPARE(left.size(), std::size_t {1});
    QCOMPARE(left.front().copyPath, good);
}

void tst_Autosave::discardAndRecoverRemoveOnlyThatCopy()
{
    QTemporaryDir folder;
    auto document = test::reviewsDocument();
    Autosave crashed(*document, folder.path());
    edit(*document);
    QVERIFY(crashed.writeNow());
    const QString first = leaveCrashCopy(crashed, QStringLiteral("first.pipeline.yaml"));
    const QString second = leaveCrashCopy(crashed, QStringLiteral("second.pipeline.yaml"));

    auto recovering = std::make_unique<PipelineDocument>();
    Autosave autosave(*recovering, folder.path());
    const auto orphans = autosave.orphans();
    QCOMPARE(orphans.size(), std::size_t {2});
    const Autosave::Orphan &discarded = orphans[0].copyPath == first ? orphans[0] : orphans[1];
    const Autosave::Orphan &recovered = orphans[0].copyPath == first ? orphans[1] : orphans[0];

    QVERIFY(Autosave::discard(discarded));
    QVERIFY(!QFile::exists(first));
    QVERIFY(!QFile::exists(Autosave::lockPath(first)));
    QVERIFY(QFile::exists(second));
    QVERIFY(QFile::exists(crashed.copyPath()));

    QVERIFY(autosave.recover(recovered));
    QCOMPARE(test::savedState(*recovering), test::savedState(*document));
    QVERIFY(!QFile::exists(second));
    QVERIFY(!QFile::exists(Autosave::lockPath(second)));
    // The recovered work is in this session's copy before the orphan went.
    QVERIFY(QFile::exists(autosave.copyPath()));
    QVERIFY(PipelineReader::readFile(autosave.copyPath()).ok());
    QVERIFY(QFile::exists(crashed.copyPath()));
    QCOMPARE(entries(folder.path()).size(), 4); // two live sessions' copies and locks
}

void tst_Autosave::timerWritesOnlyUnsavedWork()
{
    QTemporaryDir folder;
    auto document = test::reviewsDocument();
    Autosave autosave(*document, folder.path());
    autosave.setInterval(10);
    QTest::qWait(60);
    QVERIFY(!QFile::exists(autosave.copyPath()));
    edit(*document);
    QTRY_VERIFY(QFile::exists(autosave.copyPath()));
}

QTEST_GUILESS_MAIN(tst_Autosave)
#include "tst_Autosave.moc"
