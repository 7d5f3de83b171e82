// SPDX-FileCopyrightText: Fondant Studio contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <vector>

namespace fondant {

class PipelineDocument;

/// Keeps a copy of unsaved work so that it survives a crash: while the document has unsaved
/// changes it is written, atomically, to the autosave folder every few seconds; the copy is
/// removed when the document is saved, discarded or closed normally. Copies found at start-up
/// therefore belong to a session that did not end normally and can be recovered.
class Autosave : public QObject
{
    Q_OBJECT

public:
    /// A copy left behind by an earlier session.
    struct Orphan
    {
        QString copyPath; ///< the autosaved pipeline
        QString originalPath; ///< the file it was edited from ("" for a new document)
        QString savedAt; ///< when the copy was written, for the prompt
    };

    Autosave(PipelineDocument &document, QString folder, QObject *parent = nullptr);
    ~Autosave() override;

    /// The default folder: the application's data folder plus "autosave".
    static QString defaultFolder();
    /// Copies left by earlier sessions that did not end normally.
    std::vector<Orphan> orphans() const;
    /// Loads an orphan into the document (as unsaved changes of its original file) and removes it.
    bool recover(const Orphan &orphan);
    static void discard(const Orphan &orphan);

    /// Writes the copy now (also called by the timer). Returns false when writing failed.
    bool writeNow();
    /// Removes this session's copy (after a save, or when changes are discarded).
    void removeCopy();
    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    QString copyPath() const { return m_copyPath; }

private:
    void updateCopyPath();

    PipelineDocument &m_document;
    QString m_folder;
    QString m_copyPath;
    QTimer m_timer;
};

} // namespace fondant
