// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>
#include <vector>

class QLockFile;

namespace fondant {

class PipelineDocument;

/// Keeps a copy of unsaved work so that it survives a crash: while the document has unsaved
/// changes it is written, atomically, to the autosave folder every few seconds; the copy is
/// removed when the document is saved, discarded or closed normally.
///
/// Each session names its copy with a random id and holds a lock file next to it
/// ("<copy>.lock", a QLockFile) for its whole life. A copy whose lock no live process holds was
/// left by a session that did not end normally: an orphan, which can be recovered or discarded.
/// A live session's copy is never offered to, nor removed by, another session.
///
/// The copy is the pipeline's YAML preceded by one comment line (so it still reads as a
/// pipeline) that records the original file and when the copy was written:
///
///     # fondant-studio autosave {"origin":"/home/me/reviews.pipeline.yaml","savedAt":"…Z"}
///
/// (printable ASCII only; other characters as JSON \u escapes). Copies without that line keep
/// the original file in "<copy>.origin", if anywhere.
class Autosave : public QObject
{
    Q_OBJECT

public:
    /// A copy left behind by an earlier session. While any copy of an Orphan exists, this
    /// process holds the copy's lock, so that no other session offers or removes it meanwhile.
    struct Orphan
    {
        QString copyPath; ///< the autosaved pipeline
        QString originalPath; ///< the file it was edited from ("" for a new document)
        QDateTime savedAt; ///< when the copy was written
        QString problem; ///< why the copy cannot be read as a pipeline ("" when it can)
        std::shared_ptr<QLockFile> lock; ///< the copy's lock, held by this process
    };

    /// How old a lock file naming a running process must be before QLockFile treats it as stale.
    /// A process id can be reused (a sandboxed app is often process 1 at every start), so a lock
    /// naming a running process may still be a crashed session's. A live session keeps its lock
    /// file natively locked, so such a lock is never taken from it however old it is; this time
    /// only bounds how soon a crashed session's copy is offered when its process id was reused.
    /// The timer first writes a copy one interval (15 s) into a session, so a crashed session's
    /// lock is usually older than this.
    static constexpr std::chrono::milliseconds staleLockTime {15000};

    Autosave(PipelineDocument &document, QString folder, QObject *parent = nullptr);
    ~Autosave() override;

    /// The default folder: the application's data folder plus "autosave".
    static QString defaultFolder();
    /// The lock file of a copy.
    static QString lockPath(const QString &copyPath);

    /// Copies left by sessions that are no longer running, newest first, each with its lock
    /// held until the last copy of its Orphan is destroyed.
    std::vector<Orphan> orphans() const;
    /// Loads an orphan into the document (as unsaved changes of its original file), writes this
    /// session's copy of it, and only then removes the orphan. Returns false (see errorString())
    /// when the orphan cannot be read; the orphan is then kept.
    bool recover(const Orphan &orphan);
    /// Removes an orphan's copy and lock. Returns false, removing nothing, when a live session
    /// holds the copy's lock.
    static bool discard(const Orphan &orphan);

    /// Writes the copy now (also called by the timer). Returns false (see errorString()) when
    /// writing failed.
    bool writeNow();
    /// Removes this session's copy (after a save, or when changes are discarded).
    void removeCopy();
    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    QString copyPath() const { return m_copyPath; }
    /// Why the last writeNow() or recover() failed.
    QString errorString() const { return m_errorString; }

private:
    bool holdLock();

    PipelineDocument &m_document;
    QString m_folder;
    QString m_copyPath;
    std::unique_ptr<QLockFile> m_lock;
    QString m_errorString;
    QTimer m_timer;
};

} // namespace fondant
